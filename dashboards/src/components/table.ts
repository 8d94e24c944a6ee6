// A plain HTML table (no CDN-backed Inputs.table), with a caption. Cells that stand in for a figure
// that is not published ("suppressed", "pending", "no data") are styled as such, and say so in words.
import type { Figure, ManagerInfo, MeasureInfo, Status } from './data.js';
import { formatFigure } from './format.js';
import { formatMonth, pick, type Lang } from './i18n.js';
import { managerPath, siteHref } from './site.js';

export interface Column<T> {
  label: string;
  /** The text of the cell. */
  text: (row: T) => string;
  /** Right-aligned tabular figures. */
  numeric?: boolean;
  /** A figure's status: non-ok cells are styled as placeholders. null means no row. */
  status?: (row: T) => Status | null;
  /** This column names the row (rendered as <th scope="row">). */
  rowHeader?: boolean;
  /** A link for the cell's text. */
  href?: (row: T) => string | null;
  /** The link downloads, under this file name. */
  download?: (row: T) => string;
}

/**
 * The table, in a box that scrolls sideways on its own when the table is wider than the screen, so
 * that a phone never scrolls the whole page sideways (WCAG 1.4.10). The box can take the keyboard's
 * focus, to be scrolled with the arrow keys, and is named by the caption.
 */
export function tableView<T>(
  rows: readonly T[],
  columns: readonly Column<T>[],
  caption: string,
): HTMLDivElement {
  const box = document.createElement('div');
  box.className = 'sa-table-scroll';
  box.tabIndex = 0;
  box.setAttribute('role', 'region');
  box.setAttribute('aria-label', caption);
  box.append(table(rows, columns, caption));
  return box;
}

function table<T>(rows: readonly T[], columns: readonly Column<T>[], caption: string): HTMLTableElement {
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
      const href = c.href?.(row);
      if (href) {
        const a = document.createElement('a');
        a.href = href;
        if (c.download) a.download = c.download(row);
        a.textContent = c.text(row);
        cell.append(a);
      } else {
        cell.textContent = c.text(row);
      }
      const classes = [];
      if (c.numeric) classes.push('sa-num');
      const status = c.status?.(row);
      if (status === 'suppressed') classes.push('sa-suppressed');
      else if (c.status && status !== 'ok') classes.push('sa-no-data');
      if (classes.length) cell.className = classes.join(' ');
      tr.append(cell);
    }
  }
  return table;
}

/** A row's month, naming the row. */
export function monthColumn<T>(lang: Lang, period: (row: T) => string): Column<T> {
  return {
    label: pick({ en: 'Month', fr: 'Mois' }, lang),
    text: (row) => formatMonth(period(row), lang),
    rowHeader: true,
  };
}

/** A measure's figures of a series, month by month (the rows are months), as they read, with their status. */
export function figureColumn(
  label: string,
  info: Pick<MeasureInfo, 'kind' | 'money' | 'digits' | 'nobody'>,
  figureAt: (period: string) => Figure,
  lang: Lang,
): Column<string> {
  return {
    label,
    numeric: true,
    text: (p) => formatFigure(info, figureAt(p), lang),
    status: (p) => figureAt(p).status,
  };
}

/** A row's service manager, naming the row and linking to its page. */
export function managerColumn<T>(lang: Lang, manager: (row: T) => ManagerInfo): Column<T> {
  return {
    label: pick({ en: 'Service manager', fr: 'Gestionnaire de services' }, lang),
    text: (row) => pick(manager(row).name, lang),
    rowHeader: true,
    href: (row) => siteHref(managerPath(lang, manager(row).code)),
  };
}
