// The province overview (src/[lang]/index.md): headline measures for the latest month with their change
// on the year, the trends, and the ranking of service managers on the key outcomes.
import { panelChart } from './line-charts.js';
import { SeriesIndex, type MeasureInfo } from './data.js';
import type { OverviewData } from './page-data.js';
import { el, paragraph, section, select } from './dom.js';
import { figure } from './figure.js';
import { formatFigure, withUnit } from './format.js';
import { formatMonth, ONTARIO, pick, type Lang } from './i18n.js';
import { rankingFigure, snapshotFigures } from './measure-ranking.js';
import { trendFigure } from './measure-trend.js';
import { changeSentence, measureTitle, noDataNote, PROVINCE, summarize } from './measure-views.js';
import { figureColumn, monthColumn } from './table.js';
import { SCHEME } from './vega.js';
import { OVERVIEW_TEXT } from './strings/overview.js';

function infoById(data: OverviewData): Map<string, MeasureInfo> {
  return new Map(data.measures.map((m) => [m.id, m]));
}

/** One card per headline measure: its figure, month and change on the year, in words. */
export function overviewHeadlines(data: OverviewData, { lang }: { lang: Lang }): HTMLElement {
  const t = OVERVIEW_TEXT[lang];
  const index = new SeriesIndex(data.province);
  const infos = infoById(data);
  const cards = data.headline.flatMap((id) => {
    const info = infos.get(id);
    if (!info) return [];
    if (!info.latest)
      return [
        el(
          'div',
          { class: 'sa-card sa-card-empty' },
          el('h3', {}, measureTitle(info, lang)),
          el('p', { class: 'sa-card-value' }, t.noDataYet),
        ),
      ];
    const s = summarize(info, index, PROVINCE);
    return [
      el(
        'div',
        { class: `sa-card${s.verdict ? ` sa-${s.verdict}` : ''}` },
        el('h3', {}, measureTitle(info, lang)),
        el('p', { class: 'sa-card-value' }, formatFigure(info, s.now, lang)),
        el('p', { class: 'sa-card-month' }, formatMonth(info.latest, lang)),
        el('p', { class: 'sa-card-change' }, changeSentence(info, s, lang)),
      ),
    ];
  });
  return section(
    'latest',
    t.headlines,
    paragraph(t.headlinesNote),
    el('div', { class: 'sa-cards' }, ...cards),
  );
}

/** The caseload by program, then the other headline measures as small multiples. */
export function overviewTrends(data: OverviewData, { lang }: { lang: Lang }): HTMLElement {
  const t = OVERVIEW_TEXT[lang];
  const index = new SeriesIndex(data.province);
  const infos = infoById(data);
  const ontario = pick(ONTARIO, lang);
  const caseload = infos.get('caseload');
  const others = data.headline
    .map((id) => infos.get(id))
    .filter((i): i is MeasureInfo => i !== undefined && i.id !== 'caseload' && i.latest !== null);
  const panels = others.map((i) => withUnit(i, measureTitle(i, lang)));
  const points = others.flatMap((info) =>
    index.points(index.get(info.id, PROVINCE)).map(({ period, figure }) => ({
      panel: withUnit(info, measureTitle(info, lang)),
      period,
      series: ontario,
      value: figure.status === 'ok' ? figure.value : null,
      shown: formatFigure(info, figure, lang),
    })),
  );
  const message = t.panelsMessage;
  const subtitle = t.panelsSubtitle;
  const description = others
    .map(
      (info) =>
        `${measureTitle(info, lang)}: ${formatFigure(info, summarize(info, index, PROVINCE).now, lang)} (${formatMonth(info.latest ?? '', lang)}), ${changeSentence(info, summarize(info, index, PROVINCE), lang)}.`,
    )
    .join(' ');
  return section(
    'trends',
    t.trends,
    caseload
      ? caseload.latest
        ? trendFigure(caseload, index, { geo: PROVINCE, geoName: ontario, by: 'program', lang })
        : noDataNote(lang)
      : null,
    others.length > 0 &&
      figure(index.periods, {
        chart: panelChart,
        plot: () => ({
          points,
          panels,
          order: [ontario],
          colors: [SCHEME.ALL],
        }),
        message,
        subtitle,
        description,
        columns: [
          monthColumn(lang, (p) => p),
          ...others.map((info) =>
            figureColumn(
              measureTitle(info, lang),
              info,
              (p) => index.figure(index.get(info.id, PROVINCE), p),
              lang,
            ),
          ),
        ],
        csv: {
          filename: 'sa-outcomes-ontario-headline-measures.csv',
          columns: {
            month: (p) => p,
            ...Object.fromEntries(
              others.map((info) => {
                const f = (p: string) => index.figure(index.get(info.id, PROVINCE), p);
                return [info.id, (p: string) => (f(p).status === 'ok' ? f(p).value : null)];
              }),
            ),
          },
        },
        lang,
      }),
  );
}

/** A chooser of key outcomes and the ranking of managers on the chosen one. */
export function overviewRanking(data: OverviewData, { lang }: { lang: Lang }): HTMLElement {
  const t = OVERVIEW_TEXT[lang];
  const index = new SeriesIndex(data.province);
  const infos = infoById(data);
  const outcomes = data.ranking.map((id) => infos.get(id)).filter((i): i is MeasureInfo => i !== undefined);
  const slot = el('div', { class: 'sa-ranking' });
  const show = (id: string) => {
    const info = infos.get(id);
    if (!info) return;
    slot.replaceChildren(
      info.latest
        ? rankingFigure(info, snapshotFigures(info, data.snapshot, data.managers), {
            lang,
            month: info.latest,
            program: 'ALL',
            province: summarize(info, index, PROVINCE).now,
          })
        : noDataNote(lang),
    );
  };
  const first = outcomes.find((i) => i.latest) ?? outcomes[0];
  if (first) show(first.id);
  return section(
    'ranking',
    t.ranking,
    paragraph(t.rankingNote),
    select(
      t.outcome,
      outcomes.map((i) => ({ value: i.id, label: measureTitle(i, lang) })),
      first?.id ?? '',
      show,
    ),
    slot,
  );
}
