// A service manager's trends (its caseload, then each group's measures against Ontario month by month) and
// how complete its figures are, for its page (src/[lang]/managers/[code].md).
import { stackedBarChart } from './bar-charts.js';
import { panelChart } from './line-charts.js';
import { comparesAcrossPlaces, type MeasureInfo, type SeriesIndex } from './data.js';
import type { ManagerData } from './page-data.js';
import { el } from './dom.js';
import { figure } from './figure.js';
import { formatFigure, withUnit } from './format.js';
import { formatMonth, formatNumber, formatPercent, ONTARIO, pick, STATUS_WORDS, type Lang } from './i18n.js';
import { trendFigure } from './measure-trend.js';
import { measureTitle, PROVINCE, summarize } from './measure-views.js';
import { MANAGER_TEXT } from './strings/manager.js';
import { figureColumn, monthColumn } from './table.js';

type Options = { lang: Lang };

/** The caseload by program, then one panel chart of each group's measures against Ontario. */
export function managerTrends(data: ManagerData, index: SeriesIndex, { lang }: Options): HTMLElement {
  const m = data.manager;
  const caseload = data.measures.find((i) => i.id === 'caseload' && i.latest);
  const figures = data.groups.flatMap((g) => {
    const infos = data.measures.filter((i) => i.group === g.id && i.latest && index.get(i.id, m.code));
    return infos.length === 0 ? [] : [groupTrends(data, index, g, infos, lang)];
  });
  return el(
    'div',
    {},
    caseload
      ? trendFigure(caseload, index, { geo: m.code, geoName: pick(m.name, lang), by: 'program', lang })
      : null,
    ...figures,
  );
}

function groupTrends(
  data: ManagerData,
  index: SeriesIndex,
  group: ManagerData['groups'][number],
  infos: readonly MeasureInfo[],
  lang: Lang,
): HTMLElement {
  const t = MANAGER_TEXT[lang];
  const m = data.manager;
  const ontario = pick(ONTARIO, lang);
  const groupTitle = pick(group.title, lang);
  const figureAt = (info: MeasureInfo, geo: string, period: string) =>
    index.figure(index.get(info.id, geo), period);
  const description = infos
    .map((info) => {
      const s = summarize(info, index, m.code);
      return `${measureTitle(info, lang)}: ${formatFigure(info, s.now, lang)} (${formatMonth(info.latest ?? '', lang)})${comparesAcrossPlaces(info.kind) ? `, ${ontario} ${formatFigure(info, summarize(info, index, PROVINCE).now, lang)}` : ''}`;
    })
    .join('; ');
  const value = (f: ReturnType<typeof figureAt>) => (f.status === 'ok' ? f.value : null);
  return figure(index.periods, {
    chart: panelChart,
    plot: () => ({
      // Each series as published (its own months), the manager's and, for rates, Ontario's.
      points: infos.flatMap((info) =>
        [
          { geo: m.code, label: pick(m.name, lang) },
          ...(comparesAcrossPlaces(info.kind) ? [{ geo: PROVINCE, label: ontario }] : []),
        ].flatMap((s) =>
          index.points(index.get(info.id, s.geo)).map(({ period, figure }) => ({
            panel: withUnit(info, measureTitle(info, lang)),
            period,
            series: s.label,
            value: figure.status === 'ok' ? figure.value : null,
            shown: formatFigure(info, figure, lang),
          })),
        ),
      ),
      panels: infos.map((i) => withUnit(i, measureTitle(i, lang))),
      // Ontario is in the legend only where it is drawn: a group of counts and totals has no Ontario line.
      order: infos.some((i) => comparesAcrossPlaces(i.kind))
        ? [pick(m.name, lang), ontario]
        : [pick(m.name, lang)],
    }),
    message: t.trendsMessage(pick(m.name, lang), groupTitle),
    subtitle: t.trendsSubtitle,
    description,
    caption: `${groupTitle} — ${pick(m.name, lang)}`,
    columns: [
      monthColumn(lang, (p) => p),
      ...infos.map((info) =>
        figureColumn(measureTitle(info, lang), info, (p) => figureAt(info, m.code, p), lang),
      ),
    ],
    csv: {
      filename: `sa-outcomes-${m.code}-${group.id}.csv`,
      columns: {
        month: (p) => p,
        ...Object.fromEntries(
          infos.flatMap((info) => [
            [info.id, (p: string) => value(figureAt(info, m.code, p))],
            [`${info.id}_status`, (p: string) => figureAt(info, m.code, p).status ?? 'no_data'],
            [`${info.id}_ontario`, (p: string) => value(figureAt(info, PROVINCE, p))],
          ]),
        ),
      },
    },
    lang,
  });
}

const COMPLETENESS_PARTS = ['published', 'suppressed', 'pending', 'missing'] as const;
type Part = (typeof COMPLETENESS_PARTS)[number];

type CompletenessRow = { info: MeasureInfo } & Record<Part, number>;

/** For each measure with data, how many of the manager's monthly figures (both programs) are in each state. */
export function completenessRows(data: ManagerData, index: SeriesIndex): CompletenessRow[] {
  return data.measures
    .filter((i) => i.latest)
    .map((info) => {
      const status = index.get(info.id, data.manager.code)?.status ?? '-'.repeat(index.periods.length);
      const count = (letters: string) => [...status].filter((c) => letters.includes(c)).length;
      return {
        info,
        published: count('o'),
        suppressed: count('s'),
        pending: count('p'),
        missing: count('n-'),
      };
    });
}

/** The shares (in %) of all the manager's monthly figures that are published and suppressed. */
export function completenessShares(rows: readonly CompletenessRow[]): {
  published: number;
  suppressed: number;
} {
  const total = rows.reduce((a, r) => a + r.published + r.suppressed + r.pending + r.missing, 0);
  const share = (k: Part) => (total ? (100 * rows.reduce((a, r) => a + r[k], 0)) / total : 0);
  return { published: share('published'), suppressed: share('suppressed') };
}

/** How many of each measure's monthly figures are published, suppressed, pending or missing. */
export function managerCompleteness(
  data: ManagerData,
  index: SeriesIndex,
  { lang }: Options,
): HTMLElement | null {
  const t = MANAGER_TEXT[lang];
  const m = data.manager;
  const partName = (p: Part) =>
    p === 'published' ? t.published : p === 'missing' ? t.missing : pick(STATUS_WORDS[p], lang);
  const rows = completenessRows(data, index);
  if (rows.length === 0) return null;
  const shares = completenessShares(rows);
  const message = t.completenessMessage(
    formatPercent(shares.published, lang, 0),
    pick(m.name, lang),
    formatPercent(shares.suppressed, lang, 0),
  );
  const subtitle = t.completenessSubtitle(index.periods.length);
  return figure(rows, {
    chart: stackedBarChart,
    plot: (rows) => ({
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
      xTitle: t.months,
      xFormat: ',d',
    }),
    message,
    subtitle,
    description: message,
    columns: [
      { label: t.measure, text: (r) => measureTitle(r.info, lang), rowHeader: true },
      ...COMPLETENESS_PARTS.map((p) => ({
        label: partName(p),
        numeric: true,
        text: (r: (typeof rows)[number]) => formatNumber(r[p], lang),
      })),
    ],
    csv: {
      filename: `sa-outcomes-${m.code}-completeness.csv`,
      columns: {
        measure_id: (r) => r.info.id,
        published: (r) => r.published,
        suppressed: (r) => r.suppressed,
        pending: (r) => r.pending,
        missing: (r) => r.missing,
      },
    },
    lang,
  });
}
