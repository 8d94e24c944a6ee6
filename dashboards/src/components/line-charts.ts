// Lines over months (drawn by vega.ts; what charts share is in
// chart-parts.ts): one chart of a few series, or small
// multiples of one panel per measure. Lines differ by colour and dash, and carry a label at their end where
// the labels cannot overlap.
import type { TopLevelSpec } from 'vega-lite';
import { LEGEND, monthAxis, nothingPublished, type Titled } from './chart-parts.js';
import { formatMonth, type Lang } from './i18n.js';
import { chartTitle, DASHES, SCHEME, vegaLite } from './vega.js';

export interface LinePoint {
  period: string;
  series: string;
  value: number | null;
  shown: string;
}

export interface LineOptions extends Titled {
  points: readonly LinePoint[];
  /** Series labels in legend order; the first is drawn solid and on top. */
  order: readonly string[];
  yTitle: string;
  yFormat: string;
  lang: Lang;
  height?: number;
  /** Colours in `order` (default: the categorical scheme). */
  colors?: readonly string[];
}

/** Lines over months, one per series, told apart by colour, dash and an end label. */
export function lineChart(o: LineOptions, width: number) {
  if (o.points.every((p) => p.value === null)) return nothingPublished(o.lang);
  const colors = o.colors ?? SCHEME.categories;
  const latestValid = new Map<string, string>();
  for (const p of o.points) {
    if (p.value !== null && (latestValid.get(p.series) ?? '') < p.period) latestValid.set(p.series, p.period);
  }
  const height = o.height ?? 260;
  const all = o.points.flatMap((p) => (p.value === null ? [] : [p.value]));
  const low = Math.min(...all, 0);
  const span = Math.max(...all, 0) - low || 1;
  const values = o.points.map((p) => ({
    month: `${p.period}-01`,
    monthName: formatMonth(p.period, o.lang),
    series: p.series,
    value: p.value,
    shown: p.shown,
    end: latestValid.get(p.series) === p.period,
    // An end label within a label's height of the bottom sits above its point, clear of the month axis.
    nearAxis: p.value !== null && ((p.value - low) / span) * height < 12,
  }));
  const series = {
    field: 'series',
    type: 'nominal',
    title: null,
    sort: [...o.order],
  } as const;
  // End labels only where they cannot overlap: at most 3 lines whose last values are at least a label's
  // height apart on the chart's scale (which starts at 0); otherwise the legend alone names the lines.
  const ends = o.points
    .filter((p) => p.value !== null && latestValid.get(p.series) === p.period)
    .map((p) => p.value as number)
    .sort((a, b) => a - b);
  const endLabels =
    ends.length <= 3 && ends.every((v, i) => i === 0 || ((v - ends[i - 1]!) / span) * height >= 14);
  const labelRoom = endLabels ? Math.min(160, Math.max(60, ...o.order.map((s) => s.length * 6.5))) : 5;
  // Colour and dash share one legend (vega-lite merges legends of one field when they agree), wrapped in
  // columns so that a dozen series stay inside the chart.
  const legend =
    o.order.length > 1 ? { ...LEGEND, columns: Math.max(1, Math.floor((width - 20) / 170)) } : null;
  const spec = {
    title: chartTitle(o.message, o.subtitle, width),
    description: o.description,
    height,
    data: { values },
    padding: { left: 5, top: 5, bottom: 5, right: labelRoom },
    encoding: {
      x: monthAxis(width),
      y: { field: 'value', type: 'quantitative', title: o.yTitle, axis: { format: o.yFormat } },
      color: {
        ...series,
        scale: { domain: [...o.order], range: o.order.map((_, i) => colors[i % colors.length]) },
        legend,
      },
    },
    layer: [
      {
        // A suppressed or missing month breaks the line rather than joining across it.
        mark: { type: 'line', point: true, strokeWidth: 2, invalid: 'break-paths-show-path-domains' },
        encoding: {
          strokeDash: {
            ...series,
            scale: { domain: [...o.order], range: o.order.map((_, i) => DASHES[i % DASHES.length]) },
            legend,
          },
          tooltip: [
            { field: 'monthName', title: o.lang === 'fr' ? 'Mois' : 'Month' },
            { field: 'series', title: o.lang === 'fr' ? 'Série' : 'Series' },
            { field: 'shown', title: o.yTitle },
          ],
        },
      },
      ...(endLabels
        ? [
            {
              transform: [{ filter: 'datum.end && !datum.nearAxis' }],
              mark: { type: 'text', align: 'left', dx: 8, fontSize: 12 },
              encoding: { text: { field: 'series' } },
            },
            {
              transform: [{ filter: 'datum.end && datum.nearAxis' }],
              mark: { type: 'text', align: 'left', dx: 8, dy: -4, baseline: 'bottom', fontSize: 12 },
              encoding: { text: { field: 'series' } },
            },
          ]
        : []),
    ],
  } as TopLevelSpec;
  return vegaLite(spec, { width, lang: o.lang });
}

export interface PanelPoint extends LinePoint {
  /** The panel (small multiple) the point belongs to. */
  panel: string;
}

export interface PanelOptions extends Titled {
  points: readonly PanelPoint[];
  panels: readonly string[];
  order: readonly string[];
  lang: Lang;
  /** Colours in `order` (default: the highlight, then Ontario's grey). */
  colors?: readonly string[];
}

/** Small multiples: one panel of lines per measure, each with its own scale, one under the other. */
export function panelChart(o: PanelOptions, width: number) {
  // A panel with nothing published is left out (its measure is in the table view).
  const drawn = new Set(o.points.filter((p) => p.value !== null).map((p) => p.panel));
  if (drawn.size === 0) return nothingPublished(o.lang);
  const values = o.points
    .filter((p) => drawn.has(p.panel))
    .map((p) => ({
      month: `${p.period}-01`,
      monthName: formatMonth(p.period, o.lang),
      panel: p.panel,
      series: p.series,
      value: p.value,
      shown: p.shown,
    }));
  const series = { field: 'series', type: 'nominal', title: null, sort: [...o.order] } as const;
  const spec = {
    title: chartTitle(o.message, o.subtitle, width),
    description: o.description,
    data: { values },
    facet: {
      row: {
        field: 'panel',
        type: 'nominal',
        sort: o.panels.filter((p) => drawn.has(p)),
        title: null,
        header: {
          labelAngle: 0,
          labelAlign: 'left',
          labelAnchor: 'start',
          labelOrient: 'top',
          labelFontSize: 13,
          labelFontWeight: 'bold',
          labelLimit: width,
        },
      },
    },
    resolve: { scale: { y: 'independent' } },
    spacing: 18,
    spec: {
      width: Math.max(220, width - 110),
      height: 90,
      encoding: {
        x: {
          ...monthAxis(width),
          axis: {
            ...monthAxis(width).axis,
            tickCount: Math.max(2, Math.min(6, Math.floor(width / 140))),
          },
        },
        // One format for every panel (their units are in their titles): 3 significant digits, so that a
        // flat line at 0 reads 0, not 0.000000.
        y: { field: 'value', type: 'quantitative', title: null, axis: { tickCount: 3, format: ',.3~r' } },
        color: {
          ...series,
          scale: {
            domain: [...o.order],
            range: o.colors ?? [SCHEME.highlight, SCHEME.province, SCHEME.ODSP],
          },
          legend: LEGEND,
        },
        strokeDash: {
          ...series,
          scale: { domain: [...o.order], range: o.order.map((_, i) => DASHES[i % DASHES.length]) },
          legend: LEGEND,
        },
      },
      mark: { type: 'line', point: { size: 18 }, strokeWidth: 2, invalid: 'break-paths-show-path-domains' },
    },
  } as unknown as TopLevelSpec;
  // Tooltips per point, set on the inner spec's encoding.
  (spec as unknown as { spec: { encoding: Record<string, unknown> } }).spec.encoding.tooltip = [
    { field: 'panel', title: ' ' },
    { field: 'monthName', title: o.lang === 'fr' ? 'Mois' : 'Month' },
    { field: 'series', title: o.lang === 'fr' ? 'Série' : 'Series' },
    { field: 'shown', title: o.lang === 'fr' ? 'Valeur' : 'Value' },
  ];
  return vegaLite(spec, { width, lang: o.lang, size: 'cells' });
}
