// A plain HTML table view of a chart's data (no CDN-backed Inputs.table), with a caption.
import type { Status } from './format.js';

export interface Column<T> {
  label: string;
  /** The text of the cell. */
  text: (row: T) => string;
  /** Right-aligned tabular figures. */
  numeric?: boolean;
  /** A figure's status: non-ok cells are styled as placeholders ("suppressed", "no data"). */
  status?: (row: T) => Status;
  /** This column names the row (rendered as <th scope="row">). */
  rowHeader?: boolean;
}

export function tableView<T>(
  rows: readonly T[],
  columns: readonly Column<T>[],
  caption: string,
): HTMLTableElement {
  const table = document.createElement('table');
  table.className = 'sa-table';
  table.createCaption().textContent = caption;
  const headRow = table.createTHead().insertRow();
  for (const c of columns) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = c.label;
    if (c.numeric) th.className = 'sa-num';
    headRow.append(th);
  }
  const body = table.createTBody();
  for (const row of rows) {
    const tr = body.insertRow();
    for (const c of columns) {
      const cell = document.createElement(c.rowHeader ? 'th' : 'td');
      if (c.rowHeader) (cell as HTMLTableCellElement).scope = 'row';
      cell.textContent = c.text(row);
      const classes = [];
      if (c.numeric) classes.push('sa-num');
      const status = c.status?.(row);
      if (status === 'suppressed') classes.push('sa-suppressed');
      else if (status && status !== 'ok') classes.push('sa-no-data');
      if (classes.length) cell.className = classes.join(' ');
      tr.append(cell);
    }
  }
  return table;
}
