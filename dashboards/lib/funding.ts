// The public funding files (funding.md, "Output" and "Scenarios"), checked and compacted for the pages.
import type { FundingRow, ScenarioRow } from '../src/components/funding-data.ts';

const FUNDING_COLUMNS = ['fiscal_year', 'service_manager', 'program', 'component', 'amount', 'status'];
const SCENARIO_COLUMNS = [
  'fiscal_year',
  'service_manager',
  'component',
  'baseline',
  'scenario',
  'difference',
  'pct_change',
];

const num = (s: string | undefined): number | null => (s === undefined || s === '' ? null : Number(s));

function checkColumns(name: string, rows: Record<string, string>[], columns: string[]): void {
  const first = rows[0];
  if (!first) return;
  const missing = columns.filter((c) => !(c in first));
  if (missing.length) throw new Error(`${name} lacks the column(s) ${missing.join(', ')} (funding.md)`);
}

/** funding.csv rows, or null when the file is not published. */
export function fundingRows(rows: Record<string, string>[] | null): FundingRow[] | null {
  if (!rows) return null;
  checkColumns('funding.csv', rows, FUNDING_COLUMNS);
  return rows.map((r) => [
    r.fiscal_year ?? '',
    r.service_manager ?? '',
    r.program ?? '',
    r.component ?? '',
    num(r.amount),
    r.status ?? '',
  ]);
}

/** funding_scenario.csv rows, or null when no scenario has been published. */
export function scenarioRows(rows: Record<string, string>[] | null): ScenarioRow[] | null {
  if (!rows) return null;
  checkColumns('funding_scenario.csv', rows, SCENARIO_COLUMNS);
  return rows.map((r) => [
    r.fiscal_year ?? '',
    r.service_manager ?? '',
    r.component ?? '',
    num(r.baseline),
    num(r.scenario),
    num(r.difference),
    num(r.pct_change),
  ]);
}
