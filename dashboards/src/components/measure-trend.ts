// A measure's trend for one geography, by program or by breakdown value: a figure (chart, description,
// table view, CSV) that the overview, the topic pages and the managers' pages share.
import { lineChart } from './line-charts.js';
import { PROVINCE, type MeasureInfo, type SeriesIndex } from './data.js';
import { figure } from './figure.js';
import { axisFormat, formatFigure } from './format.js';
import {
  breakdownName,
  byBreakdown,
  formatMonth,
  programName,
  programPhrase,
  PROGRAMS,
  type Lang,
} from './i18n.js';
import { changeSentence, measureTitle, summarize } from './measure-views.js';
import { MEASURE_TEXT } from './strings/measure.js';
import { figureColumn, monthColumn } from './table.js';

/** Lines for one geography: by program (breakdown ALL), or by breakdown value (both programs). */
export function trendFigure(
  info: MeasureInfo,
  index: SeriesIndex,
  { geo, geoName, by, lang }: { geo: string; geoName: string; by: 'program' | 'breakdown'; lang: Lang },
): HTMLElement {
  const title = measureTitle(info, lang);
  const lines =
    by === 'program'
      ? PROGRAMS.map((p) => {
          const series = index.get(info.id, geo, p);
          return { key: p, label: programName(p, lang), series, at: (m: string) => index.figure(series, m) };
        })
      : ['ALL', ...index.breakdowns(info.id, geo)].map((b) => ({
          key: b,
          label: breakdownName(b, lang),
          series: index.get(info.id, geo, 'ALL', b),
          at: (m: string) => index.breakdownFigure(info, geo, b, m),
        }));
  const present = lines.filter((l) => l.series);
  const points = present.flatMap((l) =>
    index.periods.map((period) => {
      const figure = l.at(period);
      return {
        period,
        series: l.label,
        value: figure.status === 'ok' ? figure.value : null,
        shown: formatFigure(info, figure, lang),
      };
    }),
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
      : byBreakdown(info.breakdown ?? '', lang);
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
  const description = `${latest}${gaps ? MEASURE_TEXT[lang].gaps(gaps) : ''}`.trim();
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
    columns: [monthColumn(lang, (p) => p), ...present.map((l) => figureColumn(l.label, info, l.at, lang))],
    csv: {
      filename: `sa-outcomes-${info.id}-${geo}-${by}.csv`,
      columns: {
        month: (p) => p,
        ...Object.fromEntries(
          present.flatMap((l) => {
            const f = l.at;
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
