// One chart as the spec wants it (spec/outputs.md, Dashboards): the vega-lite chart (its title
// carries the message, then what is plotted), a short text description, a table view and a CSV link.
// The chart redraws itself to its container's width; the rest (and the table's open state) stays.
import { csvFormat } from 'd3-dsv';
import { pick, type Lang } from './i18n.js';

/** The chart's data as a CSV download, made in the page from the rows the chart draws. */
export interface CsvDownload {
  rows: readonly Record<string, string | number | null>[];
  /** Column order (defaults to the first row's keys). */
  columns?: readonly string[];
  filename: string;
}

export interface FigureParts {
  /** Draws the chart for a width in pixels. */
  chart: (width: number) => Promise<HTMLElement>;
  description: string;
  table: HTMLTableElement;
  csv: CsvDownload;
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

export function csvText({ rows, columns }: Pick<CsvDownload, 'rows' | 'columns'>): string {
  const cols = columns ?? Object.keys(rows[0] ?? {});
  return `${csvFormat(
    rows.map((r) =>
      Object.fromEntries(cols.map((c) => [c, r[c] === null || r[c] === undefined ? '' : String(r[c])])),
    ),
    [...cols],
  )}\n`;
}

/** A link that downloads rows as a CSV file (a blob made in the page: nothing is fetched). */
export function csvLink(csv: CsvDownload, lang: Lang): HTMLAnchorElement {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([csvText(csv)], { type: 'text/csv;charset=utf-8' }));
  link.download = csv.filename;
  link.textContent = `${pick(TEXT.download, lang)} — ${csv.filename}`;
  return link;
}

export function chartFigure({ chart, description, table, csv, lang }: FigureParts): HTMLElement {
  const figure = document.createElement('figure');
  figure.className = 'sa-chart';

  const slot = document.createElement('div');
  slot.className = 'sa-chart-slot';
  let drawnWidth = 0;
  let latest = 0;
  const draw = async (width: number) => {
    const token = ++latest;
    try {
      const element = await chart(width);
      if (token === latest) slot.replaceChildren(element);
    } catch (error) {
      console.error(error);
      slot.textContent = pick(TEXT.failed, lang);
    }
  };
  new ResizeObserver((entries) => {
    const width = Math.floor(entries[0]?.contentRect.width ?? 0);
    if (width > 0 && width !== drawnWidth) {
      drawnWidth = width;
      void draw(width);
    }
  }).observe(slot);

  const text = document.createElement('p');
  text.className = 'sa-description';
  text.textContent = description;

  const details = document.createElement('details');
  details.className = 'sa-table-view';
  const summary = document.createElement('summary');
  summary.textContent = pick(TEXT.tableView, lang);
  details.append(summary, table);

  const downloads = document.createElement('p');
  downloads.className = 'sa-downloads';
  downloads.append(csvLink(csv, lang));

  figure.append(slot, text, details, downloads);
  return figure;
}
