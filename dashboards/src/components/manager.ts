// A service manager's page (src/[lang]/managers/[code].md), which printed is its council report
// (style.css, "Council report"): every measure against Ontario and its peers, the trends, its funding and
// how complete its figures are.
import { panelChart, stackedBarChart } from './charts.js';
import {
  median,
  SeriesIndex,
  STATUS_OF_LETTER,
  type Figure,
  type ManagerData,
  type MeasureInfo,
} from './data.js';
import { el, paragraph, section, t } from './dom.js';
import { chartFigure, drawAllCharts } from './figure.js';
import { formatFigure } from './format.js';
import { managerFunding } from './manager-funding.js';
import { formatMonth, formatNumber, formatPercent, ONTARIO, pick, STATUS_WORDS, type Lang } from './i18n.js';
import { changeCell, measureTitle, PROVINCE, summarize, trendFigure } from './measure-views.js';
import { managerPath, siteHref, sitePath } from './site.js';
import { monthColumn, tableView } from './table.js';

const TEXT = {
  print: { en: 'Print the council report', fr: 'Imprimer le rapport au conseil' },
  printNote: {
    en: 'The council report is this page printed on letter paper: the figures, trends and funding, without the controls.',
    fr: 'Le rapport au conseil est cette page imprimée sur papier lettre : les chiffres, les tendances et le financement, sans les commandes.',
  },
  compare: {
    en: 'Compare with every service manager',
    fr: 'Comparer avec tous les gestionnaires de services',
  },
  peers: { en: 'Peers', fr: 'Gestionnaires semblables' },
  peersNote: {
    en: 'Peers are the other service managers of the same type in the same region (or of the same type, where there is no other in the region).',
    fr: 'Les gestionnaires semblables sont les autres gestionnaires de services du même type dans la même région (ou du même type, s’il n’y en a pas d’autre dans la région).',
  },
  catchment: { en: 'Employment Services', fr: 'Services d’emploi' },
  started: { en: 'started', fr: 'lancés en' },
  notStarted: { en: 'not started yet', fr: 'pas encore lancés' },
  measures: {
    en: 'Every measure against Ontario and its peers',
    fr: 'Chaque mesure comparée à l’Ontario et aux gestionnaires semblables',
  },
  measuresNote: {
    en: 'Each measure at its latest final month, both programs. The peer figure is the median of the peers’ published figures; the rank is among the manager and its peers, best first, where one direction is better.',
    fr: 'Chaque mesure à son dernier mois définitif, les deux programmes. Le chiffre des gestionnaires semblables est la médiane de leurs chiffres publiés; le rang est établi parmi le gestionnaire et ses semblables, du meilleur au moins bon, quand une direction est préférable.',
  },
  measure: { en: 'Measure', fr: 'Mesure' },
  month: { en: 'Month', fr: 'Mois' },
  change: { en: 'Change on the year', fr: 'Variation sur un an' },
  peerMedian: { en: 'Peers (median)', fr: 'Semblables (médiane)' },
  rank: { en: 'Rank among peers', fr: 'Rang parmi les semblables' },
  noDataYet: { en: 'no data yet', fr: 'aucune donnée pour l’instant' },
  trends: { en: 'Trends', fr: 'Tendances' },
  trendsMessage: {
    en: (name: string, group: string) => `${group}: ${name} against Ontario, month by month`,
    fr: (name: string, group: string) => `${group} : ${name} comparé à l’Ontario, mois par mois`,
  },
  trendsSubtitle: {
    en: 'Each measure on its own scale, both programs, monthly; counts and dollars for the manager only',
    fr: 'Chaque mesure sur sa propre échelle, les deux programmes, mensuel; nombres et dollars pour le gestionnaire seulement',
  },
  funding: { en: 'Funding', fr: 'Financement' },
  completeness: { en: 'Data completeness', fr: 'Exhaustivité des données' },
  completenessNote: {
    en: 'How many of the manager’s monthly figures (both programs) are published, suppressed because they involve fewer than 10 people, pending (a follow-up window still open) or missing. Deliveries and files for the whole province are on the data quality page.',
    fr: 'Combien des chiffres mensuels du gestionnaire (les deux programmes) sont publiés, supprimés parce qu’ils portent sur moins de 10 personnes, en attente (période de suivi en cours) ou absents. Les livraisons et les fichiers pour toute la province figurent à la page sur la qualité des données.',
  },
  dataQuality: { en: 'Data quality', fr: 'Qualité des données' },
  published: { en: 'published', fr: 'publié' },
  missing: { en: 'missing', fr: 'absent' },
  months: { en: 'Months', fr: 'Mois' },
};

/** The peers' figures for a measure at its reference month. */
function peerFigures(data: ManagerData, info: MeasureInfo): Figure[] {
  const figures = data.peerFigures.find((f) => f.measure === info.id);
  return data.peers.map((_, i) => ({
    value: figures?.value[i] ?? null,
    status: STATUS_OF_LETTER[figures?.status[i] ?? '-'] ?? null,
  }));
}

const published = (f: Figure): number | null => (f.status === 'ok' ? f.value : null);

/** The median of the peers' published figures, or what stands in for it when none is published. */
function peerMedianText(info: MeasureInfo, peers: readonly Figure[], lang: Lang): string {
  const m = median(peers.map(published));
  if (m !== null) return formatFigure(info, { value: m, status: 'ok' }, lang);
  return pick(
    peers.some((f) => f.status === 'suppressed') ? STATUS_WORDS.suppressed : STATUS_WORDS.no_data,
    lang,
  );
}

/** "2 of 6": the manager's place among itself and its peers, best first; null when no direction is better. */
function rankAmongPeers(
  info: MeasureInfo,
  own: Figure,
  peers: readonly (number | null)[],
  lang: Lang,
): string {
  const value = own.value;
  if (info.better === 'neither' || own.status !== 'ok' || value === null) return '—';
  const values = [value, ...peers.filter((v): v is number => v !== null)];
  const better = values.filter((v) => (info.better === 'up' ? v > value : v < value)).length;
  return lang === 'fr' ? `${better + 1} sur ${values.length}` : `${better + 1} of ${values.length}`;
}

/** The peers, linked; a long list (a manager alone of its type in its region) folds away. */
function peerList(data: ManagerData, lang: Lang): HTMLElement {
  const links = data.peers.flatMap((p, i) => [
    i ? ', ' : '',
    el('a', { href: siteHref(managerPath(lang, p.code)) }, p.name),
  ]);
  const label = `${t(TEXT.peers, lang)} (${formatNumber(data.peers.length, lang)})`;
  if (data.peers.length <= 12) return el('p', {}, `${label}: `, ...links, '.');
  return el('details', { class: 'sa-peers' }, el('summary', {}, label), el('p', {}, ...links, '.'));
}

function header(data: ManagerData, lang: Lang): HTMLElement {
  const m = data.manager;
  const button = el('button', { type: 'button', class: 'sa-print' }, t(TEXT.print, lang));
  // Every chart first: the ones below the screen are only drawn when they come near it.
  button.addEventListener('click', () => void drawAllCharts().then(() => window.print()));
  const est = m.catchment
    ? `${t(TEXT.catchment, lang)}: ${m.catchment} (${m.phase ?? ''}), ${m.estStart ? `${t(TEXT.started, lang)} ${formatMonth(m.estStart.slice(0, 7), lang)}` : t(TEXT.notStarted, lang)}.`
    : '';
  return el(
    'div',
    { class: 'sa-manager-head' },
    el(
      'p',
      { class: 'sa-actions sa-screen-only' },
      button,
      ' ',
      el('a', { href: siteHref(`${sitePath(lang, 'compare')}`) }, t(TEXT.compare, lang)),
    ),
    paragraph(t(TEXT.printNote, lang), 'sa-note sa-screen-only'),
    peerList(data, lang),
    est ? paragraph(est) : null,
    paragraph(t(TEXT.peersNote, lang), 'sa-note'),
  );
}

function measuresSection(data: ManagerData, index: SeriesIndex, lang: Lang): HTMLElement {
  const m = data.manager;
  const tables = data.groups.flatMap((g) => {
    const infos = data.measures.filter((i) => i.group === g.id);
    if (infos.length === 0) return [];
    const rows = infos.map((info) => {
      const own = summarize(info, index, m.code);
      const province = summarize(info, index, PROVINCE);
      const peers = peerFigures(data, info);
      return { info, own, province, peers };
    });
    return [
      el('h3', {}, pick(g.title, lang)),
      tableView(
        rows,
        [
          { label: t(TEXT.measure, lang), text: (r) => measureTitle(r.info, lang), rowHeader: true },
          {
            label: t(TEXT.month, lang),
            text: (r) => (r.info.latest ? formatMonth(r.info.latest, lang, 'short') : '—'),
          },
          {
            label: m.name,
            numeric: true,
            text: (r) => (r.info.latest ? formatFigure(r.info, r.own.now, lang) : t(TEXT.noDataYet, lang)),
            status: (r) => (r.info.latest ? r.own.now.status : 'no_data'),
          },
          {
            label: t(TEXT.change, lang),
            numeric: true,
            text: (r) => (r.info.latest ? changeCell(r.own, lang) : '—'),
          },
          {
            label: t(ONTARIO, lang),
            numeric: true,
            text: (r) => (r.info.latest ? formatFigure(r.info, r.province.now, lang) : '—'),
            status: (r) => (r.info.latest ? r.province.now.status : 'no_data'),
          },
          {
            label: t(TEXT.peerMedian, lang),
            numeric: true,
            text: (r) => (r.info.latest ? peerMedianText(r.info, r.peers, lang) : '—'),
          },
          {
            label: t(TEXT.rank, lang),
            numeric: true,
            text: (r) => rankAmongPeers(r.info, r.own.now, r.peers.map(published), lang),
          },
        ],
        `${pick(g.title, lang)} — ${m.name}`,
      ),
    ];
  });
  return section(
    'measures',
    t(TEXT.measures, lang),
    paragraph(t(TEXT.measuresNote, lang), 'sa-note'),
    ...tables,
  );
}

function trendsSection(data: ManagerData, index: SeriesIndex, lang: Lang): HTMLElement {
  const m = data.manager;
  const ontario = t(ONTARIO, lang);
  const caseload = data.measures.find((i) => i.id === 'caseload' && i.latest);
  const figures = data.groups.flatMap((g) => {
    const infos = data.measures.filter((i) => i.group === g.id && i.latest && index.get(i.id, m.code));
    if (infos.length === 0) return [];
    const comparable = (i: MeasureInfo) => i.kind !== 'count' && i.kind !== 'total';
    const points = infos.flatMap((info) =>
      [
        { geo: m.code, label: m.name },
        ...(comparable(info) ? [{ geo: PROVINCE, label: ontario }] : []),
      ].flatMap((s) =>
        index.points(index.get(info.id, s.geo)).map(({ period, figure }) => ({
          panel: measureTitle(info, lang),
          period,
          series: s.label,
          value: figure.status === 'ok' ? figure.value : null,
          shown: formatFigure(info, figure, lang),
        })),
      ),
    );
    const message = pick(TEXT.trendsMessage, lang)(m.name, pick(g.title, lang));
    const subtitle = t(TEXT.trendsSubtitle, lang);
    const description = infos
      .map((info) => {
        const s = summarize(info, index, m.code);
        return `${measureTitle(info, lang)}: ${formatFigure(info, s.now, lang)} (${formatMonth(info.latest ?? '', lang)})${comparable(info) ? `, ${ontario} ${formatFigure(info, summarize(info, index, PROVINCE).now, lang)}` : ''}`;
      })
      .join('; ');
    return [
      chartFigure({
        chart: (width) =>
          panelChart(
            {
              message,
              subtitle,
              description,
              points,
              panels: infos.map((i) => measureTitle(i, lang)),
              order: [m.name, ontario],
              lang,
            },
            width,
          ),
        description,
        table: tableView(
          index.periods,
          [
            monthColumn(lang, (p) => p),
            ...infos.map((info) => ({
              label: measureTitle(info, lang),
              numeric: true,
              text: (p: string) => formatFigure(info, index.figure(index.get(info.id, m.code), p), lang),
              status: (p: string) => index.figure(index.get(info.id, m.code), p).status,
            })),
          ],
          `${pick(g.title, lang)} — ${m.name}`,
        ),
        csv: {
          rows: index.periods.map((period) =>
            Object.fromEntries([
              ['month', period],
              ...infos.flatMap((info) => {
                const own = index.figure(index.get(info.id, m.code), period);
                const on = index.figure(index.get(info.id, PROVINCE), period);
                return [
                  [info.id, own.status === 'ok' ? own.value : null],
                  [`${info.id}_status`, own.status ?? 'no_data'],
                  [`${info.id}_ontario`, on.status === 'ok' ? on.value : null],
                ];
              }),
            ]),
          ),
          filename: `sa-outcomes-${m.code}-${g.id}.csv`,
        },
        lang,
      }),
    ];
  });
  return section(
    'trends',
    t(TEXT.trends, lang),
    caseload ? trendFigure(caseload, index, { geo: m.code, geoName: m.name, by: 'program', lang }) : null,
    ...figures,
  );
}

const COMPLETENESS_PARTS = ['published', 'suppressed', 'pending', 'missing'] as const;

function completenessSection(data: ManagerData, index: SeriesIndex, lang: Lang): HTMLElement {
  const m = data.manager;
  const partName = (p: (typeof COMPLETENESS_PARTS)[number]) =>
    p === 'published'
      ? t(TEXT.published, lang)
      : p === 'missing'
        ? t(TEXT.missing, lang)
        : pick(STATUS_WORDS[p], lang);
  const infos = data.measures.filter((i) => i.latest);
  const rows = infos.map((info) => {
    const status = index.get(info.id, m.code)?.status ?? '-'.repeat(index.periods.length);
    const count = (letters: string) => [...status].filter((c) => letters.includes(c)).length;
    return { info, published: count('o'), suppressed: count('s'), pending: count('p'), missing: count('n-') };
  });
  const total = rows.reduce((a, r) => a + r.published + r.suppressed + r.pending + r.missing, 0);
  const share = (k: 'published' | 'suppressed') =>
    total ? (100 * rows.reduce((a, r) => a + r[k], 0)) / total : 0;
  const message =
    lang === 'fr'
      ? `${formatPercent(share('published'), lang, 0)} des chiffres mensuels de ${m.name} sont publiés, ${formatPercent(share('suppressed'), lang, 0)} supprimés`
      : `${formatPercent(share('published'), lang, 0)} of ${m.name}’s monthly figures are published, ${formatPercent(share('suppressed'), lang, 0)} suppressed`;
  const subtitle =
    lang === 'fr'
      ? `Mois par statut du chiffre, par mesure, les deux programmes, ${index.periods.length} mois`
      : `Months by the figure’s status, by measure, both programs, ${index.periods.length} months`;
  const description = message;
  return section(
    'completeness',
    t(TEXT.completeness, lang),
    el(
      'p',
      { class: 'sa-note' },
      `${t(TEXT.completenessNote, lang)} `,
      el('a', { href: siteHref(sitePath(lang, 'data-quality')) }, t(TEXT.dataQuality, lang)),
    ),
    rows.length === 0
      ? null
      : chartFigure({
          chart: (width) =>
            stackedBarChart(
              {
                message,
                subtitle,
                description,
                parts: rows.flatMap((r) =>
                  COMPLETENESS_PARTS.map((p) => ({
                    label: measureTitle(r.info, lang),
                    part: partName(p),
                    value: r[p],
                    shown: formatNumber(r[p], lang),
                  })),
                ),
                labels: rows.map((r) => measureTitle(r.info, lang)),
                order: COMPLETENESS_PARTS.map(partName),
                xTitle: t(TEXT.months, lang),
                xFormat: ',d',
                lang,
              },
              width,
            ),
          description,
          table: tableView(
            rows,
            [
              { label: t(TEXT.measure, lang), text: (r) => measureTitle(r.info, lang), rowHeader: true },
              ...COMPLETENESS_PARTS.map((p) => ({
                label: partName(p),
                numeric: true,
                text: (r: (typeof rows)[number]) => formatNumber(r[p], lang),
              })),
            ],
            subtitle,
          ),
          csv: {
            rows: rows.map((r) => ({
              measure_id: r.info.id,
              published: r.published,
              suppressed: r.suppressed,
              pending: r.pending,
              missing: r.missing,
            })),
            filename: `sa-outcomes-${m.code}-completeness.csv`,
          },
          lang,
        }),
  );
}

export function managerPage(data: ManagerData, { lang }: { lang: Lang }): HTMLElement {
  const index = new SeriesIndex(data.series);
  return el(
    'div',
    { class: 'sa-manager' },
    header(data, lang),
    measuresSection(data, index, lang),
    trendsSection(data, index, lang),
    section('funding', t(TEXT.funding, lang), ...managerFunding(data.funding, data.manager, lang)),
    completenessSection(data, index, lang),
  );
}
