// Horizontal bars (drawn by vega.ts; what charts share is in chart-parts.ts): one bar per row, or rows of stacked parts.
// The highlighted bar is also named in its label; figures that are not published are written out in words.
import type { TopLevelSpec } from 'vega-lite';
import { labelAxis, nothingPublished, valueAxis, type Titled } from './chart-parts.js';
import type { Lang } from './i18n.js';
import { chartTitle, SCHEME, vegaLite } from './vega.js';

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
  const y = { ...labelAxis(width, null), scale: { domain: values.map((v) => v.label) } };
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
        x: valueAxis(o),
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
        // Under the bars, in the bottom padding: the value axis is at the top, and a label there ran into
        // its numbers.
        mark: {
          type: 'text',
          align: 'left',
          dx: 4,
          dy: 6,
          fontSize: 11,
          color: SCHEME.province,
          baseline: 'top',
        },
        encoding: {
          x: { field: 'value', type: 'quantitative' },
          y: { value: { expr: 'height' } },
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
      y: labelAxis(width, [...o.labels]),
      x: { ...valueAxis(o), stack: 'zero' },
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
