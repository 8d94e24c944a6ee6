// The public funding files (funding.md, "Output" and "Scenarios"), checked and compacted for the pages.
import type { FundingRow, ScenarioRow } from '../src/components/funding-data.ts';

/** A column of a public funding file: text, or a number (null when the cell is empty). */
type ColumnType = 'text' | 'number';

/** funding.csv's columns, in the order of a FundingRow. */
const FUNDING_COLUMNS: Record<string, ColumnType> = {
  fiscal_year: 'text',
  service_manager: 'text',
  program: 'text',
  component: 'text',
  amount: 'number',
  status: 'text',
};
/** funding_scenario.csv's columns, in the order of a ScenarioRow. */
const SCENARIO_COLUMNS: Record<string, ColumnType> = {
  fiscal_year: 'text',
  service_manager: 'text',
  component: 'text',
  baseline: 'number',
  scenario: 'number',
  difference: 'number',
  pct_change: 'number',
};

const num = (s: string | undefined): number | null => (s === undefined || s === '' ? null : Number(s));

/** A public funding file's rows, checked for its columns and compacted to arrays in their order. */
function compactRows(
  name: string,
  rows: Record<string, string>[],
  columns: Record<string, ColumnType>,
): (string | number | null)[][] {
  const first = rows[0];
  const names = Object.keys(columns);
  const missing = first ? names.filter((c) => !(c in first)) : [];
  if (missing.length) throw new Error(`${name} lacks the column(s) ${missing.join(', ')} (funding.md)`);
  return rows.map((r) => names.map((c) => (columns[c] === 'number' ? num(r[c]) : (r[c] ?? ''))));
}

/** funding.csv rows, or null when the file is not published. */
export const fundingRows = (rows: Record<string, string>[] | null): FundingRow[] | null =>
  rows && (compactRows('funding.csv', rows, FUNDING_COLUMNS) as FundingRow[]);

/** funding_scenario.csv rows, or null when no scenario has been published. */
export const scenarioRows = (rows: Record<string, string>[] | null): ScenarioRow[] | null =>
  rows && (compactRows('funding_scenario.csv', rows, SCENARIO_COLUMNS) as ScenarioRow[]);
