// Renders a vega-lite spec with vega-embed, imported from node_modules (bundled under _node/ by
// the build) — never `npm:vega-embed` or the built-in `vl`, which would fetch from a CDN.
import embed from 'vega-embed';
import type { TopLevelSpec } from 'vega-lite';

export const SCHEME = {
  ALL: '#1f4e79',
  OW: '#c8553d',
  ODSP: '#2a9d8f',
  bar: '#1f4e79',
  muted: '#6b6b6b',
} as const;

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

/** The chart as an element; `width` is the available width in pixels. */
export async function vegaLite(spec: TopLevelSpec, { width }: { width: number }): Promise<HTMLElement> {
  const div = document.createElement('div');
  div.className = 'sa-vega';
  const sized = {
    ...spec,
    width: Math.max(280, Math.floor(width)),
    autosize: { type: 'fit-x', contains: 'padding' },
    config: CONFIG,
  } as TopLevelSpec;
  await embed(div, sized, { mode: 'vega-lite', renderer: 'svg', actions: false });
  return div;
}
