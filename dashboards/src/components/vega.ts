// Renders a vega-lite spec with vega-embed, imported from node_modules (bundled under _node/ by
// the build) — never `npm:vega-embed` or the built-in `vl`, which would fetch from a CDN. It is
// imported when the first chart is drawn, not with the page: vega is most of a page's script, and the
// page's words and tables need none of it.
import type { TopLevelSpec } from 'vega-lite';
import { VEGA_LOCALES, type Lang } from './i18n.js';

// Colours pass 3:1 against white; every chart also tells its series apart by dash, label or position.
export const SCHEME = {
  ALL: '#1f4e79',
  OW: '#b5452f',
  ODSP: '#1b7f74',
  bar: '#1f4e79',
  highlight: '#b5452f',
  province: '#444444',
  muted: '#6b6b6b',
  /** Categorical: for breakdown values and components (Tableau 10, darkened where needed). */
  categories: ['#1f4e79', '#b5452f', '#1b7f74', '#8a5a00', '#6a3d9a', '#4e6b1f', '#a23a6b', '#3f5f8a'],
} as const;

/** Dash patterns, in the order of SCHEME.categories: a second way to tell lines apart. */
export const DASHES: number[][] = [
  [1, 0],
  [6, 3],
  [2, 2],
  [8, 3, 2, 3],
  [4, 4],
  [1, 3],
  [10, 2],
  [3, 6],
];

const CONFIG = {
  font: 'system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif',
  title: { anchor: 'start', fontSize: 17, subtitleFontSize: 13, subtitleColor: '#555', offset: 12 },
  axis: { labelFontSize: 12, titleFontSize: 12, titleFontWeight: 'normal', gridColor: '#e6e6e6' },
  legend: { labelFontSize: 12, titleFontSize: 12 },
  view: { stroke: null },
} as const;

/** Splits text into lines of at most `maxChars` characters, at spaces. */
export function wrapText(text: string, maxChars: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > maxChars) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * The two-part title: the message, then what is plotted. Vega does not wrap titles, so both are
 * broken into lines that fit `width` (estimated from the font sizes in CONFIG).
 */
export function chartTitle(message: string, subtitle: string, width: number) {
  return {
    text: wrapText(message, Math.max(20, Math.floor(width / (CONFIG.title.fontSize * 0.6)))),
    subtitle: wrapText(subtitle, Math.max(24, Math.floor(width / (CONFIG.title.subtitleFontSize * 0.55)))),
  };
}

export interface RenderOptions {
  /** The available width in pixels. */
  width: number;
  lang: Lang;
  /**
   * 'fit' (default): the whole chart fits `width`. 'cells': the spec sizes its own cells (facets and
   * concatenations, which vega-lite cannot fit to a width).
   */
  size?: 'fit' | 'cells';
}

/** The chart as an element, drawn as SVG with the page language's number and date formats. */
export async function vegaLite(
  spec: TopLevelSpec,
  { width, lang, size = 'fit' }: RenderOptions,
): Promise<HTMLElement> {
  const div = document.createElement('div');
  div.className = 'sa-vega';
  const sized = {
    ...spec,
    ...(size === 'fit'
      ? { width: Math.max(280, Math.floor(width)), autosize: { type: 'fit-x', contains: 'padding' } }
      : {}),
    config: CONFIG,
  } as TopLevelSpec;
  const { default: embed } = await import('vega-embed');
  await embed(div, sized, {
    mode: 'vega-lite',
    renderer: 'svg',
    actions: false,
    ...VEGA_LOCALES[lang],
  });
  return div;
}
