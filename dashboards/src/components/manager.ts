// The parts of a service manager's page (src/[lang]/managers/[code].md), which printed is its council
// report (style.css, "Council report"): the head (print button, peers, Employment Services) and every
// measure against Ontario and its peers. Its trends and data completeness are in manager-trends.ts, its
// funding in manager-funding.ts; the words in strings/manager.ts.
import {
  comparePeers,
  STATUS_OF_LETTER,
  type Figure,
  type MeasureInfo,
  type PeerComparison,
  type SeriesIndex,
} from './data.js';
import type { ManagerData } from './page-data.js';
import { el, paragraph } from './dom.js';
import { drawAllCharts } from './figure.js';
import { formatFigure } from './format.js';
import { formatMonth, formatNumber, ONTARIO, pick, type Lang } from './i18n.js';
import { changeCell, measureTitle, PROVINCE, summarize } from './measure-views.js';
import { managerPath, siteHref, sitePath } from './site.js';
import { MANAGER_TEXT } from './strings/manager.js';
import { tableView } from './table.js';

type Options = { lang: Lang };

/** The peers' figures for a measure at its reference month. */
function peerFigures(data: ManagerData, info: MeasureInfo): Figure[] {
  const figures = data.peerFigures.find((f) => f.measure === info.id);
  return data.peers.map((_, i) => ({
    value: figures?.value[i] ?? null,
    denominator: figures?.denominator[i] ?? null,
    status: STATUS_OF_LETTER[figures?.status[i] ?? '-'] ?? null,
  }));
}

/** The peer median and the rank cells of a measure's row, in words where there is no comparison. */
function peerCells(info: MeasureInfo, c: PeerComparison, lang: Lang): { median: string; rank: string } {
  const t = MANAGER_TEXT[lang];
  if ('unavailable' in c) {
    // Said once, in the median's cell; the rank's cell is empty.
    return { median: c.unavailable === 'size' ? t.notComparedSize : t.tooFewPeers, rank: '—' };
  }
  return {
    median: t.medianOf(formatFigure(info, { value: c.median, status: 'ok' }, lang), c.medianOf),
    // A tie with every peer (all at 0.0 %, say) is no rank at all; a tie with some is said.
    rank:
      c.rank === null
        ? '—'
        : c.tiedWith === c.rankOf - 1
          ? t.tiedWithAll(c.rankOf - 1)
          : c.tiedWith > 0
            ? t.rankOfTied(c.rank, c.rankOf)
            : t.rankOf(c.rank, c.rankOf),
  };
}

/** The peers, linked; a long list (a manager alone of its type in its region) folds away. */
function peerList(data: ManagerData, lang: Lang): HTMLElement {
  const links = data.peers.flatMap((p, i) => [
    i ? ', ' : '',
    el('a', { href: siteHref(managerPath(lang, p.code)) }, pick(p.name, lang)),
  ]);
  const label = `${MANAGER_TEXT[lang].peers} (${formatNumber(data.peers.length, lang)})`;
  if (data.peers.length <= 12) return el('p', { class: 'sa-peers' }, `${label}: `, ...links, '.');
  return el('details', { class: 'sa-peers' }, el('summary', {}, label), el('p', {}, ...links, '.'));
}

/** The head of the page: print and compare, the peers, and the manager's Employment Services catchment. */
export function managerHead(data: ManagerData, { lang }: Options): HTMLElement {
  const t = MANAGER_TEXT[lang];
  const m = data.manager;
  const button = el('button', { type: 'button', class: 'sa-print' }, t.print);
  // Every chart first: the ones below the screen are only drawn when they come near it.
  button.addEventListener('click', () => void drawAllCharts().then(() => window.print()));
  const est = m.catchment
    ? `${t.catchment}: ${m.catchment} (${m.phase ?? ''}), ${m.estStart ? `${t.started} ${formatMonth(m.estStart.slice(0, 7), lang)}` : t.notStarted}.`
    : '';
  return el(
    'div',
    { class: 'sa-manager-head' },
    el(
      'p',
      { class: 'sa-actions sa-screen-only' },
      button,
      ' ',
      el('a', { href: siteHref(`${sitePath(lang, 'compare')}`) }, t.compare),
    ),
    paragraph(t.printNote, 'sa-note sa-screen-only'),
    peerList(data, lang),
    est ? paragraph(est) : null,
    paragraph(t.peersNote, 'sa-note'),
  );
}

/** Every measure of every group at its latest month: the manager, its change, Ontario, its peers. */
export function managerMeasures(data: ManagerData, index: SeriesIndex, { lang }: Options): HTMLElement {
  const t = MANAGER_TEXT[lang];
  const m = data.manager;
  const tables = data.groups.flatMap((g) => {
    const infos = data.measures.filter((i) => i.group === g.id);
    if (infos.length === 0) return [];
    const rows = infos.map((info) => {
      const own = summarize(info, index, m.code);
      const province = summarize(info, index, PROVINCE);
      const peers = info.latest
        ? peerCells(info, comparePeers(info, own.now, peerFigures(data, info)), lang)
        : null;
      return { info, own, province, peers };
    });
    return [
      el('h3', {}, pick(g.title, lang)),
      tableView(
        rows,
        [
          { label: t.measure, text: (r) => measureTitle(r.info, lang), rowHeader: true },
          {
            label: t.month,
            text: (r) => (r.info.latest ? formatMonth(r.info.latest, lang, 'short') : '—'),
          },
          {
            label: pick(m.name, lang),
            numeric: true,
            text: (r) => (r.info.latest ? formatFigure(r.info, r.own.now, lang) : t.noDataYet),
            status: (r) => (r.info.latest ? r.own.now.status : 'no_data'),
          },
          { label: t.change, numeric: true, text: (r) => (r.info.latest ? changeCell(r.own, lang) : '—') },
          {
            label: pick(ONTARIO, lang),
            numeric: true,
            text: (r) => (r.info.latest ? formatFigure(r.info, r.province.now, lang) : '—'),
            status: (r) => (r.info.latest ? r.province.now.status : 'no_data'),
          },
          {
            label: t.peerMedian,
            numeric: true,
            text: (r) => r.peers?.median ?? '—',
          },
          {
            label: t.rank,
            numeric: true,
            text: (r) => r.peers?.rank ?? '—',
          },
        ],
        `${pick(g.title, lang)} — ${pick(m.name, lang)}`,
      ),
    ];
  });
  return el('div', {}, ...tables);
}
