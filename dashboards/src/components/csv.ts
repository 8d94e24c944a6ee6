// A figure's CSV download, written in the page from the rows the figure draws (figure.ts): one line per
// row, one column per named value; a missing value is an empty cell, never 0.
import { csvFormat } from 'd3-dsv';

export type CsvValue = string | number | null | undefined;

/** Each column's name and its value for a row, in order. */
export type CsvColumns<R> = Record<string, (row: R) => CsvValue>;

export function csvText<R>(rows: readonly R[], columns: CsvColumns<R>): string {
  const names = Object.keys(columns);
  const cells = rows.map((row) =>
    Object.fromEntries(
      names.map((name) => {
        const value = columns[name]?.(row);
        return [name, value === null || value === undefined ? '' : String(value)];
      }),
    ),
  );
  return `${csvFormat(cells, names)}\n`;
}
