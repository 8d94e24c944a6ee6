// One chart as the spec wants it (spec/outputs.md, Dashboards): the vega-lite chart (its title
// carries the message, then what is plotted), a short text description, a table view and a CSV link,
// all three made by `figure` from one list of rows, so the table and the download hold what is drawn.
// The chart redraws itself to its container's width; the rest (and the table's open state) stays.
//
// A page can hold twenty charts; each is drawn only when it comes near the screen, so the top of a page
// shows at once and a phone does not draw what its reader never scrolls to. Before printing every chart
// is drawn (`drawAllCharts`, also run on the beforeprint event). The table view and the CSV behind a
// chart are made only when a reader asks for them.
import type { ChartWords } from './chart-parts.js';
import { csvText, type CsvColumns } from './csv.js';
import { pick, type Lang } from './i18n.js';
import { tableView, type Column } from './table.js';

interface FigureParts {
  /** Draws the chart for a width in pixels. */
  chart: (width: number) => Promise<HTMLElement>;
  description: string;
  /** Builds the table view: only when a reader opens it, so a page of charts stays light. */
  table: () => HTMLElement;
  /** The CSV download: its text is made only when a reader asks for it. */
  csv: { text: () => string; filename: string };
  lang: Lang;
}

const TEXT = {
  tableView: { en: 'Table view', fr: 'Tableau des données' },
  download: { en: 'Download the data (CSV)', fr: 'Télécharger les données (CSV)' },
  failed: {
    en: 'The chart could not be drawn; the table view below has the figures.',
    fr: 'Le graphique n’a pas pu être tracé; le tableau ci-dessous contient les chiffres.',
  },
};

/**
 * A link that downloads a CSV file: a blob made in the page when the link is first followed (nothing
 * is fetched; the browser follows the href as it is after the click's listeners have run).
 */
function csvLink(csv: FigureParts['csv'], lang: Lang): HTMLAnchorElement {
  const link = document.createElement('a');
  link.href = '#';
  link.download = csv.filename;
  link.addEventListener('click', () => {
    if (!link.href.startsWith('blob:'))
      link.href = URL.createObjectURL(new Blob([csv.text()], { type: 'text/csv;charset=utf-8' }));
  });
  link.textContent = `${pick(TEXT.download, lang)} — ${csv.filename}`;
  return link;
}

/** The charts of the page not drawn yet: each entry draws its chart now. */
const pending = new Set<() => Promise<void>>();

/** Draws every chart of the page not drawn yet (before printing: a council report needs them all). */
export async function drawAllCharts(): Promise<void> {
  await Promise.all([...pending].map((draw) => draw()));
}

if (typeof window !== 'undefined') window.addEventListener('beforeprint', () => void drawAllCharts());

const near = new IntersectionObserver(
  (entries) => {
    for (const e of entries)
      if (e.isIntersecting) (e.target as HTMLElement & { drawNow?: () => void }).drawNow?.();
  },
  { rootMargin: '600px 0px' },
);

function chartFigure({ chart, description, table, csv, lang }: FigureParts): HTMLElement {
  const figure = document.createElement('figure');
  figure.className = 'sa-chart';

  const slot = document.createElement('div') as HTMLDivElement & { drawNow?: () => void };
  slot.className = 'sa-chart-slot';
  let width = 0;
  let drawnWidth = 0;
  let latest = 0;
  const draw = async () => {
    if (width === 0 || width === drawnWidth) return;
    drawnWidth = width;
    pending.delete(first);
    const token = ++latest;
    try {
      const element = await chart(width);
      if (token === latest) {
        slot.replaceChildren(element);
        // A chart wider than a phone scrolls in its box (style.css): the keyboard can scroll it too.
        if (slot.scrollWidth > slot.clientWidth) slot.tabIndex = 0;
        else slot.removeAttribute('tabindex');
      }
    } catch (error) {
      console.error(error);
      slot.textContent = pick(TEXT.failed, lang);
    }
  };
  // The first drawing waits for the chart to come near the screen (or for a print).
  const first = async () => {
    near.unobserve(slot);
    await draw();
  };
  slot.drawNow = () => void first();
  new ResizeObserver((entries) => {
    const measured = Math.floor(entries[0]?.contentRect.width ?? 0);
    if (measured <= 0 || measured === width) return;
    const wasDrawn = drawnWidth > 0;
    width = measured;
    if (wasDrawn) void draw();
    else if (!pending.has(first)) {
      pending.add(first);
      near.observe(slot);
    }
  }).observe(slot);

  const text = document.createElement('p');
  text.className = 'sa-description';
  text.textContent = description;

  const details = document.createElement('details');
  details.className = 'sa-table-view';
  const summary = document.createElement('summary');
  summary.textContent = pick(TEXT.tableView, lang);
  details.append(summary);
  details.addEventListener('toggle', () => {
    if (details.open && details.childElementCount === 1) details.append(table());
  });

  const downloads = document.createElement('p');
  downloads.className = 'sa-downloads';
  downloads.append(csvLink(csv, lang));

  figure.append(slot, text, details, downloads);
  return figure;
}

/** What a figure shows of its rows: the chart, the table view's columns and the CSV's columns. */
export interface FigureOptions<R, O extends ChartWords> {
  /** The chart function (line-charts.ts, bar-charts.ts, dumbbell-chart.ts) that draws the rows. */
  chart: (o: O, width: number) => Promise<HTMLElement>;
  /** What the chart plots of the rows: its options besides its titles and language. */
  plot: (rows: readonly R[]) => Omit<O, keyof ChartWords>;
  /** The chart's titles (chart-parts.ts `Titled`); the description is also the text under the chart. */
  message: string;
  subtitle: string;
  description: string;
  /** The table view: its caption (the subtitle unless given) and columns. */
  caption?: string;
  columns: readonly Column<R>[];
  /** Rows the table view shows above the others, not drawn nor downloaded (Ontario's total). */
  totals?: readonly R[];
  /** The CSV download: its file name and each column's value of a row, in order. */
  csv: { filename: string; columns: CsvColumns<R> };
  lang: Lang;
}

/** A chart, its table view and its CSV download, from one list of rows and one set of titles. */
export function figure<R, O extends ChartWords>(rows: readonly R[], o: FigureOptions<R, O>): HTMLElement {
  const { message, subtitle, description, lang } = o;
  return chartFigure({
    // What is plotted (worked out when the chart is drawn) and the titles make the chart's options.
    chart: (width) => o.chart({ ...o.plot(rows), message, subtitle, description, lang } as O, width),
    description,
    table: () => tableView([...(o.totals ?? []), ...rows], o.columns, o.caption ?? subtitle),
    csv: { text: () => csvText(rows, o.csv.columns), filename: o.csv.filename },
    lang,
  });
}
