// The funding rows as the funding loader (src/data/funding.json.ts) writes them and the pages read them, and
// which fiscal years the funding pages show (funding.md "Output").
/** funding.csv rows, compacted: [fiscal year, service manager, program, component, amount, status]. */
export type FundingRow = [string, string, string, string, number | null, string];

/** The fiscal years the funding pages show (funding.md "Output"). */
export interface FundingYears {
  /** The latest complete fiscal year: its cost sharing and outcome payments. */
  complete: string;
  /** The year after it, whose allocation is computed from it. */
  allocation: string;
}

/** The fiscal year before `fy`: "2025-26" → "2024-25" (as pipelines/funding/fiscal-year.ts labels them). */
function fiscalYearBefore(fy: string): string {
  const start = Number(fy.slice(0, 4)) - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}

/**
 * The latest complete fiscal year and the allocation computed from it, or null when no year is complete yet.
 * Found from the latest complete allocation, whose status is its reference year's: a complete year always has
 * one (all 47 managers get an allocation), even a year without a payment or an exit.
 */
export function fundingYears(rows: readonly FundingRow[]): FundingYears | null {
  const allocated = rows
    .filter(([, , , component, , status]) => component === 'pdf_allocation' && status === 'complete')
    .map(([fy]) => fy)
    .sort();
  const allocation = allocated[allocated.length - 1];
  return allocation ? { complete: fiscalYearBefore(allocation), allocation } : null;
}

/** Whether the funding pages show a row: the complete year's actuals and the allocation computed from it. */
export const shownFundingRow = (years: FundingYears, [fy, , , component]: FundingRow): boolean =>
  component.startsWith('pdf_') ? fy === years.allocation : fy === years.complete;

/** funding_scenario.csv rows: [fiscal year, service manager, component, baseline, scenario, difference, % change]. */
export type ScenarioRow = [
  string,
  string,
  string,
  number | null,
  number | null,
  number | null,
  number | null,
];
