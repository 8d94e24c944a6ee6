// The views of one measure that several pages share: its summary at the reference month, its trend by
// program or by breakdown value, and the ranking of service managers — each a complete figure (chart,
// description, table view, CSV) — and the note that stands in for a measure with no data yet.
import { barChart, type Bar } from './bar-charts.js';
import { lineChart } from './line-charts.js';
import {
  changeOnYear,
  comparesWithOntario,
  verdict,
  yearBefore,
  type Change,
  type Figure,
  type ManagerInfo,
  type MeasureInfo,
  type SeriesIndex,
  type SnapshotRow,
  PROVINCE,
} from './data.js';
import { figure } from './figure.js';
import { axisFormat, describeChange, formatChange, formatFigure, verdictWord } from './format.js';
import {
  breakdownName,
  formatMonth,
  formatNumber,
  pick,
  ONTARIO,
  programName,
  programPhrase,
  PROGRAMS,
  type Lang,
} from './i18n.js';
import { managerColumn, monthColumn } from './table.js';

export { PROVINCE };

export interface Summary {
  now: Figure;
  before: Figure;
  change: Change | null;
  verdict: 'better' | 'worse' | null;
}

/** A geography's figure at the measure's reference month, a year before, and the change between. */
export function summarize(info: MeasureInfo, index: SeriesIndex, geo: string, program = 'ALL'): Summary {
  const series = index.get(info.id, geo, program);
  const now = index.figure(series, info.latest);
  const since = info.latest ? yearBefore(info.latest) : null;
  const before = index.figure(series, since);
  const change = since ? changeOnYear(info.kind, now, before, since) : null;
  return { now, before, change, verdict: verdict(info.better, change) };
}

/** "up 3.2% since March 2024 (better)". */
export function changeSentence(info: MeasureInfo, s: Summary, lang: Lang): string {
  const words = describeChange(s.change, lang);
  return s.verdict ? `${words} (${verdictWord(s.verdict, lang)})` : words;
}

/** The change cell of a table: "+3.2% (better)". */
export function changeCell(s: Summary, lang: Lang): string {
  const text = formatChange(s.change, lang);
  return s.verdict ? `${text} (${verdictWord(s.verdict, lang)})` : text;
}

const TEXT = {
  noData: {
    en: 'No data yet: this measure has no published figures. It will appear here once it is computed.',
    fr: 'Aucune donnée pour l’instant : cette mesure n’a pas de chiffres publiés. Elle paraîtra ici dès qu’elle sera calculée.',
  },
  rank: { en: 'Rank', fr: 'Rang' },
  region: { en: 'Region', fr: 'Région' },
  change: { en: 'Change on the year', fr: 'Variation sur un an' },
  yearAgo: { en: 'A year earlier', fr: 'Un an plus tôt' },
  gaps: {
    en: (n: number) =>
      ` ${n} monthly figure${n === 1 ? ' is' : 's are'} not published (suppressed or pending) and left as gaps.`,
    fr: (n: number) =>
      ` ${n} chiffre${n === 1 ? ' mensuel n’est' : 's mensuels ne sont'} pas publié${n === 1 ? '' : 's'} (supprimé${n === 1 ? '' : 's'} ou en attente) et laissé${n === 1 ? '' : 's'} en blanc.`,
  },
};

/** The note shown in place of a measure's charts while it has no published row. */
export function noDataNote(lang: Lang): HTMLElement {
  const p = document.createElement('p');
  p.className = 'sa-no-data-note';
  p.textContent = pick(TEXT.noData, lang);
  return p;
}

export const measureTitle = (info: MeasureInfo, lang: Lang): string => pick(info.title, lang);

/** Lines for one geography: by program (breakdown ALL), or by breakdown value (both programs). */
export function trendFigure(
  info: MeasureInfo,
  index: SeriesIndex,
  { geo, geoName, by, lang }: { geo: string; geoName: string; by: 'program' | 'breakdown'; lang: Lang },
): HTMLElement {
  const title = measureTitle(info, lang);
  const lines =
    by === 'program'
      ? PROGRAMS.map((p) => ({ key: p, label: programName(p, lang), series: index.get(info.id, geo, p) }))
      : ['ALL', ...index.breakdowns(info.id, geo)].map((b) => ({
          key: b,
          label: breakdownName(b, lang),
          series: index.get(info.id, geo, 'ALL', b),
        }));
  const present = lines.filter((l) => l.series);
  const points = present.flatMap((l) =>
    index.points(l.series).map(({ period, figure }) => ({
      period,
      series: l.label,
      value: figure.status === 'ok' ? figure.value : null,
      shown: formatFigure(info, figure, lang),
    })),
  );
  const s = summarize(info, index, geo);
  const gaps = present.reduce(
    (n, l) => n + [...(l.series?.status ?? '')].filter((c) => c === 's' || c === 'p').length,
    0,
  );
  const periods = index.periods;
  const range = periods.length
    ? `${formatMonth(periods[0] ?? '', lang)} – ${formatMonth(periods[periods.length - 1] ?? '', lang)}`
    : '';
  const byWords =
    by === 'program'
      ? lang === 'fr'
        ? 'par programme'
        : 'by program'
      : lang === 'fr'
        ? `par ${(info.breakdown ?? '').replace(/_/g, ' ')}`
        : `by ${(info.breakdown ?? '').replace(/_/g, ' ')}`;
  const where =
    lang === 'fr'
      ? geo === PROVINCE
        ? 'en Ontario'
        : `— ${geoName}`
      : geo === PROVINCE
        ? 'in Ontario'
        : `— ${geoName}`;
  const message = `${title} ${where}${lang === 'fr' ? ' :' : ':'} ${changeSentence(info, s, lang)}`;
  const subtitle = `${title}, ${geoName}, ${byWords}, ${lang === 'fr' ? 'mensuel' : 'monthly'}, ${range}`;
  const latest = info.latest
    ? lang === 'fr'
      ? `En ${formatMonth(info.latest, lang)}, le chiffre (${programPhrase('ALL', lang)}) était ${formatFigure(info, s.now, lang)}; ${changeSentence(info, s, lang)}.`
      : `In ${formatMonth(info.latest, lang)} the figure (${programPhrase('ALL', lang)}) was ${formatFigure(info, s.now, lang)}; ${changeSentence(info, s, lang)}.`
    : '';
  const description = `${latest}${gaps ? pick(TEXT.gaps, lang)(gaps) : ''}`.trim();
  const labels = present.map((l) => l.label);
  return figure(periods, {
    chart: lineChart,
    plot: () => ({
      points,
      order: labels,
      yTitle: title,
      yFormat: axisFormat(info),
    }),
    message,
    subtitle,
    description,
    columns: [
      monthColumn(lang, (p) => p),
      ...present.map((l) => ({
        label: l.label,
        numeric: true,
        text: (p: string) => formatFigure(info, index.figure(l.series, p), lang),
        status: (p: string) => index.figure(l.series, p).status,
      })),
    ],
    csv: {
      filename: `sa-outcomes-${info.id}-${geo}-${by}.csv`,
      columns: {
        month: (p) => p,
        ...Object.fromEntries(
          present.flatMap((l) => {
            const f = (p: string) => index.figure(l.series, p);
            return [
              [l.key, (p: string) => (f(p).status === 'ok' ? f(p).value : null)],
              [`${l.key}_status`, (p: string) => f(p).status ?? 'no_data'],
            ];
          }),
        ),
      },
    },
    lang,
  });
}

/** One manager's figure in a ranking, and the same month a year earlier. */
export interface RankedFigure {
  manager: ManagerInfo;
  now: Figure;
  before: Figure;
}

/** The managers' figures at a reference month from snapshot rows (both programs, breakdown ALL). */
export function snapshotFigures(
  info: MeasureInfo,
  snapshot: readonly SnapshotRow[],
  managers: readonly ManagerInfo[],
): RankedFigure[] {
  const month = info.latest ?? '';
  const at = (code: string, period: string): Figure => {
    const r = snapshot.find((s) => s.measure === info.id && s.geo === code && s.period === period);
    return r
      ? { value: r.status === 'ok' ? r.value : null, status: r.status }
      : { value: null, status: null };
  };
  return managers.map((m) => ({ manager: m, now: at(m.code, month), before: at(m.code, yearBefore(month)) }));
}

export interface RankingOptions {
  lang: Lang;
  /** The month ranked. */
  month: string;
  program: string;
  /** Ontario's figure, drawn as a dashed line where it compares (not for counts and dollar totals). */
  province: Figure;
  /** A manager to pick out (its page). */
  highlight?: string;
}

/** The managers ranked on a measure at a month, best (or largest) first, unpublished last. */
export function rankingFigure(
  info: MeasureInfo,
  figures: readonly RankedFigure[],
  o: RankingOptions,
): HTMLElement {
  const { lang, month, program, province, highlight } = o;
  const title = measureTitle(info, lang);
  const yearAgo = yearBefore(month);
  const lowFirst = info.better === 'down';
  const published = (f: Figure) => (f.status === 'ok' ? f.value : null);
  const lines = figures
    .map((f) => {
      const change = changeOnYear(info.kind, f.now, f.before, yearAgo);
      return { ...f, change, verdict: verdict(info.better, change) };
    })
    .sort((a, b) => {
      const va = published(a.now);
      const vb = published(b.now);
      if (va === null || vb === null)
        return va === null ? (vb === null ? a.manager.name.localeCompare(b.manager.name) : 1) : -1;
      return lowFirst ? va - vb : vb - va;
    });
  const shown = lines.filter((l) => published(l.now) !== null);
  const suppressed = lines.filter((l) => l.now.status === 'suppressed').length;
  const pending = lines.filter((l) => l.now.status === 'pending').length;
  const first = shown[0];
  const last = shown[shown.length - 1];
  const order =
    info.better === 'neither'
      ? lang === 'fr'
        ? 'du plus élevé au plus bas'
        : 'highest first'
      : lang === 'fr'
        ? 'du meilleur au moins bon'
        : 'best first';
  const message =
    first && last && first !== last
      ? lang === 'fr'
        ? `${title} : de ${formatFigure(info, first.now, lang)} (${first.manager.name}) à ${formatFigure(info, last.now, lang)} (${last.manager.name})`
        : `${title}: from ${formatFigure(info, first.now, lang)} (${first.manager.name}) to ${formatFigure(info, last.now, lang)} (${last.manager.name})`
      : title;
  const by = lang === 'fr' ? 'par gestionnaire de services' : 'by service manager';
  const subtitle = `${title}, ${programPhrase(program, lang)}, ${by}, ${formatMonth(month, lang)}, ${order}`;
  const description =
    lang === 'fr'
      ? `${shown.length} des ${lines.length} gestionnaires de services ont un chiffre publié${suppressed ? `; ${suppressed} sont supprimés parce qu’ils portent sur moins de 10 personnes` : ''}${pending ? `; ${pending} sont en attente` : ''}. Ontario : ${formatFigure(info, province, lang)}.`
      : `${shown.length} of the ${lines.length} service managers have a published figure${suppressed ? `; ${suppressed} are suppressed because they involve fewer than 10 people` : ''}${pending ? `; ${pending} are pending` : ''}. Ontario: ${formatFigure(info, province, lang)}.`;
  const bars: Bar[] = lines.map((l) => ({
    label: l.manager.code === highlight ? `▶ ${l.manager.name}` : l.manager.name,
    value: published(l.now),
    shown: formatFigure(info, l.now, lang),
    highlight: l.manager.code === highlight,
  }));
  const onScale = comparesWithOntario(info.kind) && published(province) !== null;
  return figure(lines, {
    chart: barChart,
    plot: () => ({
      bars,
      xTitle: title,
      xFormat: axisFormat(info),
      reference: onScale
        ? {
            value: province.value ?? 0,
            label: `${pick(ONTARIO, lang)} ${formatFigure(info, province, lang)}`,
          }
        : null,
    }),
    message,
    subtitle,
    description,
    columns: [
      {
        label: pick(TEXT.rank, lang),
        numeric: true,
        text: (l) => (shown.includes(l) ? formatNumber(shown.indexOf(l) + 1, lang) : '—'),
      },
      managerColumn(lang, (l) => l.manager),
      { label: pick(TEXT.region, lang), text: (l) => l.manager.region },
      {
        label: title,
        numeric: true,
        text: (l) => formatFigure(info, l.now, lang),
        status: (l) => l.now.status,
      },
      {
        label: pick(TEXT.yearAgo, lang),
        numeric: true,
        text: (l) => formatFigure(info, l.before, lang),
        status: (l) => l.before.status,
      },
      { label: pick(TEXT.change, lang), numeric: true, text: (l) => changeCell(l, lang) },
    ],
    csv: {
      filename: `sa-outcomes-${info.id}-${program}-by-manager-${month}.csv`,
      columns: {
        measure_id: () => info.id,
        period: () => month,
        service_manager: (l) => l.manager.code,
        name: (l) => l.manager.name,
        program: () => program,
        value: (l) => published(l.now),
        status: (l) => l.now.status ?? 'no_data',
        value_year_before: (l) => published(l.before),
        status_year_before: (l) => l.before.status ?? 'no_data',
      },
    },
    lang,
  });
}
