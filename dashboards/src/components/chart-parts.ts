// The chart shapes the pages use (line-charts.ts, bar-charts.ts, dumbbell-chart.ts), as vega-lite specs drawn
// by vega.ts. Each takes its data already labelled and formatted (`shown` is the figure as a table would read
// it) and the available width.
// Colour never carries meaning alone: lines also differ by dash and carry a label at their end; the
// highlighted bar is also named in its label; figures that are not published are written out in words.
//
// What the chart shapes share: their titles, the note that stands in for a chart with nothing published,
// the legend, the month axis, and the label and value axes of the horizontal charts.
import type { Lang } from './i18n.js';

export interface Titled {
  /** The message: what the chart shows, in a sentence. */
  message: string;
  /** What is plotted: measure, geography, unit and period. */
  subtitle: string;
  /** The same in words, for screen readers (the SVG's description). */
  description: string;
}

/** The options every chart takes besides what it plots: its titles and language. */
export type ChartWords = Titled & { lang: Lang };

const NOTHING_PUBLISHED = {
  en: 'Nothing to draw: every figure here is suppressed, pending or missing (the table view lists them).',
  fr: 'Rien à tracer : chaque chiffre est supprimé, en attente ou absent (le tableau les énumère).',
};

/** Stands in for a chart with no published value (vega would draw empty axes and warn). */
export async function nothingPublished(lang: Lang): Promise<HTMLElement> {
  const p = document.createElement('p');
  p.className = 'sa-no-data-note';
  p.textContent = NOTHING_PUBLISHED[lang];
  return p;
}

export const LEGEND = {
  orient: 'top',
  direction: 'horizontal',
  symbolType: 'stroke',
  symbolSize: 300,
  title: null,
} as const;

export const monthAxis = (width: number) => ({
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

/** The rows' labels down the left of a horizontal chart, in the given order (null: as drawn). */
export const labelAxis = (width: number, sort: readonly string[] | null) =>
  ({
    field: 'label',
    type: 'nominal',
    title: null,
    sort,
    axis: { labelLimit: Math.min(300, Math.max(140, width * 0.38)), labelFontSize: 11 },
  }) as const;

/** The values along the top of a horizontal chart, with its title and d3 format. */
export const valueAxis = (o: { xTitle: string; xFormat: string }) =>
  ({
    field: 'value',
    type: 'quantitative',
    title: o.xTitle,
    axis: { format: o.xFormat, orient: 'top' },
  }) as const;
