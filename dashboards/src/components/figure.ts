// One chart as the spec wants it (spec/outputs.md, Dashboards): the vega-lite chart (its title
// carries the message, then what is plotted), a short text description, a table view and a CSV link.
// The chart redraws itself to its container's width; the rest (and the table's open state) stays.

export interface FigureParts {
  /** Draws the chart for a width in pixels. */
  chart: (width: number) => Promise<HTMLElement>;
  description: string;
  table: HTMLTableElement;
  csv: { href: string; filename: string };
}

export function chartFigure({ chart, description, table, csv }: FigureParts): HTMLElement {
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
      slot.textContent = `The chart could not be drawn (${error instanceof Error ? error.message : String(error)}); the table view below has the figures.`;
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
  summary.textContent = 'Table view';
  details.append(summary, table);

  const downloads = document.createElement('p');
  downloads.className = 'sa-downloads';
  const link = document.createElement('a');
  link.href = csv.href;
  link.download = csv.filename;
  link.textContent = `Download the data (CSV, ${csv.filename})`;
  downloads.append(link);

  figure.append(slot, text, details, downloads);
  return figure;
}
