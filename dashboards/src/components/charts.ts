// The chart shapes the pages use, as vega-lite specs drawn by vega.ts. Each takes its data already
// labelled and formatted (`shown` is the figure as a table would read it) and the available width.
// Colour never carries meaning alone: lines also differ by dash and carry a label at their end; the
// highlighted bar is also named in its label; figures that are not published are written out in words.
import type { TopLevelSpec } from 'vega-lite';
import { formatMonth, type Lang } from './i18n.js';
import { chartTitle, DASHES, SCHEME, vegaLite } from './vega.js';

export interface Titled {
  /** The message: what the chart shows, in a sentence. */
  message: string;
  /** What is plotted: measure, geography, unit and period. */
  subtitle: string;
  /** The same in words, for screen readers (the SVG's description). */
  description: string;
}

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

const NOTHING_PUBLISHED = {
  en: 'Nothing to draw: every figure here is suppressed, pending or missing (the table view lists them).',
  fr: 'Rien à tracer : chaque chiffre est supprimé, en attente ou absent (le tableau les énumère).',
};

/** Stands in for a chart with no published value (vega would draw empty axes and warn). */
async function nothingPublished(lang: Lang): Promise<HTMLElement> {
  const p = document.createElement('p');
  p.className = 'sa-no-data-note';
  p.textContent = NOTHING_PUBLISHED[lang];
  return p;
}

const LEGEND = {
  orient: 'top',
  direction: 'horizontal',
  symbolType: 'stroke',
  symbolSize: 300,
  title: null,
} as const;

const monthAxis = (width: number) => ({
  field: 'month',
  type: 'temporal',
  timeUnit: 'utcyearmonth',
  title: null,
  axis: {
    format: '%b %Y',
    labelAngle: 0,
    labelOverlap: 'greedy',
    tickCount: Math.max(2, Math.min(8, Math.floor(width / 120))),
  },
});

/** Lines over months, one per series, told apart by colour, dash and an end label. */
export function lineChart(o: LineOptions, width: number) {
  if (o.points.every((p) => p.value === null)) return nothingPublished(o.lang);
  const colors = o.colors ?? SCHEME.categories;
  const latestValid = new Map<string, string>();
  for (const p of o.points) {
    if (p.value !== null && (latestValid.get(p.series) ?? '') < p.period) latestValid.set(p.series, p.period);
  }
  const values = o.points.map((p) => ({
    month: `${p.period}-01`,
    monthName: formatMonth(p.period, o.lang),
    series: p.series,
    value: p.value,
    shown: p.shown,
    end: latestValid.get(p.series) === p.period,
  }));
  const series = {
    field: 'series',
    type: 'nominal',
    title: null,
    sort: [...o.order],
  } as const;
  const labelRoom = Math.min(160, Math.max(60, ...o.order.map((s) => s.length * 6.5)));
  // Colour and dash share one legend (vega-lite merges legends of one field when they agree).
  const legend = o.order.length > 1 ? LEGEND : null;
  const spec = {
    title: chartTitle(o.message, o.subtitle, width),
    description: o.description,
    height: o.height ?? 260,
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
      {
        transform: [{ filter: 'datum.end' }],
        mark: { type: 'text', align: 'left', dx: 8, fontSize: 12 },
        encoding: { text: { field: 'series' } },
      },
    ],
  } as TopLevelSpec;
  return vegaLite(spec, { width, lang: o.lang });
}

export interface Bar {
  label: string;
  value: number | null;
  shown: string;
  /** Drawn in the highlight colour, and its label says why. */
  highlight?: boolean;
}

export interface BarOptions extends Titled {
  bars: readonly Bar[];
  xTitle: string;
  xFormat: string;
  lang: Lang;
  /** A vertical rule, e.g. Ontario's figure, labelled. */
  reference?: { value: number; label: string } | null;
}

/** Horizontal bars in the given order; figures that are not published are written where the bar would be. */
export function barChart(o: BarOptions, width: number) {
  if (o.bars.every((b) => b.value === null)) return nothingPublished(o.lang);
  const values = o.bars.map((b) => ({ ...b, highlight: Boolean(b.highlight) }));
  const y = {
    field: 'label',
    type: 'nominal',
    title: null,
    sort: null,
    scale: { domain: values.map((v) => v.label) },
    axis: { labelLimit: Math.min(300, Math.max(140, width * 0.38)), labelFontSize: 11 },
  } as const;
  const tooltip = [
    { field: 'label', title: ' ' },
    { field: 'shown', title: o.xTitle },
  ];
  const layers: object[] = [
    {
      transform: [{ filter: 'isValid(datum.value)' }],
      mark: { type: 'bar' },
      encoding: {
        y,
        x: {
          field: 'value',
          type: 'quantitative',
          title: o.xTitle,
          axis: { format: o.xFormat, orient: 'top' },
        },
        color: {
          condition: { test: 'datum.highlight', value: SCHEME.highlight },
          value: SCHEME.bar,
        },
        tooltip,
      },
    },
    {
      transform: [{ filter: 'isValid(datum.value)' }],
      mark: { type: 'text', align: 'left', dx: 4, fontSize: 11 },
      encoding: { y, x: { field: 'value', type: 'quantitative' }, text: { field: 'shown' } },
    },
    {
      transform: [{ filter: '!isValid(datum.value)' }],
      mark: { type: 'text', align: 'left', dx: 4, fontStyle: 'italic', color: SCHEME.muted, fontSize: 11 },
      encoding: { y, x: { datum: 0, type: 'quantitative' }, text: { field: 'shown' }, tooltip },
    },
  ];
  if (o.reference) {
    layers.push(
      {
        data: { values: [o.reference] },
        mark: { type: 'rule', strokeDash: [4, 3], color: SCHEME.province, strokeWidth: 1.5 },
        encoding: { x: { field: 'value', type: 'quantitative' } },
      },
      {
        data: { values: [o.reference] },
        mark: {
          type: 'text',
          align: 'left',
          dx: 4,
          dy: -6,
          fontSize: 11,
          color: SCHEME.province,
          baseline: 'bottom',
        },
        encoding: {
          x: { field: 'value', type: 'quantitative' },
          y: { value: 0 },
          text: { field: 'label' },
        },
      },
    );
  }
  const spec = {
    title: chartTitle(o.message, o.subtitle, width),
    description: o.description,
    height: Math.max(40, values.length * 18),
    data: { values },
    padding: { left: 5, top: 5, bottom: o.reference ? 22 : 5, right: 60 },
    layer: layers,
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
        y: { field: 'value', type: 'quantitative', title: null, axis: { tickCount: 3 } },
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

export interface StackPart {
  label: string;
  part: string;
  value: number;
  shown: string;
}

export interface StackOptions extends Titled {
  parts: readonly StackPart[];
  /** Row labels in order. */
  labels: readonly string[];
  /** Parts in stacking (and legend) order. */
  order: readonly string[];
  xTitle: string;
  xFormat: string;
  lang: Lang;
}

/** Horizontal stacked bars (components of a whole per row); parts differ by colour and by order, and the table lists them. */
export function stackedBarChart(o: StackOptions, width: number) {
  const values = o.parts.map((p) => ({ ...p, rank: o.order.indexOf(p.part) }));
  const spec = {
    title: chartTitle(o.message, o.subtitle, width),
    description: o.description,
    height: Math.max(40, o.labels.length * 18),
    data: { values },
    mark: { type: 'bar', stroke: 'white', strokeWidth: 0.5 },
    encoding: {
      y: {
        field: 'label',
        type: 'nominal',
        title: null,
        sort: [...o.labels],
        axis: { labelLimit: Math.min(300, Math.max(140, width * 0.38)), labelFontSize: 11 },
      },
      x: {
        field: 'value',
        type: 'quantitative',
        title: o.xTitle,
        stack: 'zero',
        axis: { format: o.xFormat, orient: 'top' },
      },
      color: {
        field: 'part',
        type: 'nominal',
        title: null,
        sort: [...o.order],
        scale: {
          domain: [...o.order],
          range: o.order.map((_, i) => SCHEME.categories[i % SCHEME.categories.length]),
        },
        legend: { orient: 'top', direction: 'horizontal', columns: width < 600 ? 2 : 4 },
      },
      order: { field: 'rank', type: 'quantitative' },
      tooltip: [
        { field: 'label', title: ' ' },
        { field: 'part', title: o.lang === 'fr' ? 'Composante' : 'Component' },
        { field: 'shown', title: o.xTitle },
      ],
    },
  } as TopLevelSpec;
  return vegaLite(spec, { width, lang: o.lang });
}

export interface Dumbbell {
  label: string;
  before: number | null;
  after: number | null;
  beforeShown: string;
  afterShown: string;
}

export interface DumbbellOptions extends Titled {
  rows: readonly Dumbbell[];
  beforeLabel: string;
  afterLabel: string;
  xTitle: string;
  xFormat: string;
  lang: Lang;
}

/** Before and after per row: a hollow circle, a filled square and the line between them. */
export function dumbbellChart(o: DumbbellOptions, width: number) {
  if (o.rows.every((r) => r.before === null && r.after === null)) return nothingPublished(o.lang);
  const values = o.rows.flatMap((r) => [
    { label: r.label, when: o.beforeLabel, value: r.before, shown: r.beforeShown },
    { label: r.label, when: o.afterLabel, value: r.after, shown: r.afterShown },
  ]);
  const y = {
    field: 'label',
    type: 'nominal',
    title: null,
    sort: o.rows.map((r) => r.label),
    axis: { labelLimit: Math.min(300, Math.max(140, width * 0.38)), labelFontSize: 11 },
  } as const;
  const when = { field: 'when', type: 'nominal', title: null, sort: [o.beforeLabel, o.afterLabel] } as const;
  const spec = {
    title: chartTitle(o.message, o.subtitle, width),
    description: o.description,
    height: Math.max(40, o.rows.length * 22),
    data: { values },
    layer: [
      {
        transform: [{ filter: 'isValid(datum.value)' }],
        mark: { type: 'line', color: SCHEME.muted },
        encoding: { y, x: { field: 'value', type: 'quantitative' }, detail: { field: 'label' } },
      },
      {
        transform: [{ filter: 'isValid(datum.value)' }],
        mark: { type: 'point', size: 80, strokeWidth: 2 },
        encoding: {
          y,
          x: {
            field: 'value',
            type: 'quantitative',
            title: o.xTitle,
            axis: { format: o.xFormat, orient: 'top' },
          },
          shape: { ...when, scale: { domain: [o.beforeLabel, o.afterLabel], range: ['circle', 'square'] } },
          color: {
            ...when,
            scale: { domain: [o.beforeLabel, o.afterLabel], range: [SCHEME.muted, SCHEME.bar] },
          },
          fill: {
            ...when,
            scale: { domain: [o.beforeLabel, o.afterLabel], range: ['white', SCHEME.bar] },
            legend: null,
          },
          tooltip: [
            { field: 'label', title: ' ' },
            { field: 'when', title: ' ' },
            { field: 'shown', title: o.xTitle },
          ],
        },
      },
    ],
  } as TopLevelSpec;
  return vegaLite(spec, { width, lang: o.lang });
}
