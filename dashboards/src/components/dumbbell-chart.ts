// Before and after per row (drawn by vega.ts; what charts share is in chart-parts.ts).
import type { TopLevelSpec } from 'vega-lite';
import { labelAxis, nothingPublished, valueAxis, type Titled } from './chart-parts.js';
import type { Lang } from './i18n.js';
import { chartTitle, SCHEME, vegaLite } from './vega.js';

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
  const y = labelAxis(
    width,
    o.rows.map((r) => r.label),
  );
  const when = { field: 'when', type: 'nominal', title: null, sort: [o.beforeLabel, o.afterLabel] } as const;
  // One legend for before and after: shape, outline and fill must all name it, or vega-lite draws none.
  const legend = { orient: 'top', direction: 'horizontal', title: null } as const;
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
          x: valueAxis(o),
          shape: {
            ...when,
            scale: { domain: [o.beforeLabel, o.afterLabel], range: ['circle', 'square'] },
            legend,
          },
          color: {
            ...when,
            scale: { domain: [o.beforeLabel, o.afterLabel], range: [SCHEME.muted, SCHEME.bar] },
            legend,
          },
          fill: {
            ...when,
            scale: { domain: [o.beforeLabel, o.afterLabel], range: ['white', SCHEME.bar] },
            legend,
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
