// The service managers ranked on a measure at a month: a figure (chart, description, table view, CSV) that
// the overview, the topic pages and the comparison page share.
import { barChart, type Bar } from './bar-charts.js';
import {
  changeOnYear,
  comparesAcrossPlaces,
  verdict,
  yearBefore,
  type Figure,
  type ManagerInfo,
  type MeasureInfo,
  type SnapshotRow,
} from './data.js';
import { figure } from './figure.js';
import { axisFormat, formatFigure } from './format.js';
import { formatMonth, formatNumber, pick, ONTARIO, programPhrase, type Lang } from './i18n.js';
import { changeCell, measureTitle } from './measure-views.js';
import { MEASURE_TEXT } from './strings/measure.js';
import { managerColumn } from './table.js';

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
      ? { value: r.status === 'ok' ? r.value : null, denominator: r.denominator, status: r.status }
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
        return va === null
          ? vb === null
            ? pick(a.manager.name, lang).localeCompare(pick(b.manager.name, lang))
            : 1
          : -1;
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
        ? `${title} : de ${formatFigure(info, first.now, lang)} (${pick(first.manager.name, lang)}) à ${formatFigure(info, last.now, lang)} (${pick(last.manager.name, lang)})`
        : `${title}: from ${formatFigure(info, first.now, lang)} (${pick(first.manager.name, lang)}) to ${formatFigure(info, last.now, lang)} (${pick(last.manager.name, lang)})`
      : title;
  const by = lang === 'fr' ? 'par gestionnaire de services' : 'by service manager';
  const subtitle = `${title}, ${programPhrase(program, lang)}, ${by}, ${formatMonth(month, lang)}, ${order}`;
  const description =
    lang === 'fr'
      ? `${shown.length} des ${lines.length} gestionnaires de services ont un chiffre publié${suppressed ? `; ${suppressed} sont supprimés parce qu’ils portent sur moins de 10 personnes` : ''}${pending ? `; ${pending} sont en attente` : ''}. Ontario : ${formatFigure(info, province, lang)}.`
      : `${shown.length} of the ${lines.length} service managers have a published figure${suppressed ? `; ${suppressed} are suppressed because they involve fewer than 10 people` : ''}${pending ? `; ${pending} are pending` : ''}. Ontario: ${formatFigure(info, province, lang)}.`;
  const bars: Bar[] = lines.map((l) => ({
    label: l.manager.code === highlight ? `▶ ${pick(l.manager.name, lang)}` : pick(l.manager.name, lang),
    value: published(l.now),
    shown: formatFigure(info, l.now, lang),
    highlight: l.manager.code === highlight,
  }));
  const onScale = comparesAcrossPlaces(info.kind) && published(province) !== null;
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
        label: MEASURE_TEXT[lang].rank,
        numeric: true,
        text: (l) => (shown.includes(l) ? formatNumber(shown.indexOf(l) + 1, lang) : '—'),
      },
      managerColumn(lang, (l) => l.manager),
      { label: MEASURE_TEXT[lang].region, text: (l) => l.manager.region },
      {
        label: title,
        numeric: true,
        text: (l) => formatFigure(info, l.now, lang),
        status: (l) => l.now.status,
      },
      {
        label: MEASURE_TEXT[lang].yearAgo,
        numeric: true,
        text: (l) => formatFigure(info, l.before, lang),
        status: (l) => l.before.status,
      },
      { label: MEASURE_TEXT[lang].change, numeric: true, text: (l) => changeCell(l, lang) },
    ],
    csv: {
      filename: `sa-outcomes-${info.id}-${program}-by-manager-${month}.csv`,
      columns: {
        measure_id: () => info.id,
        period: () => month,
        service_manager: (l) => l.manager.code,
        name: (l) => l.manager.name.en,
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
