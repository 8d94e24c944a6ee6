// Ontario's fiscal year (funding.md "Fiscal year"): `2024-25` runs from benefit month 2024-04 to 2025-03.
// The same rule is a SQL macro (models/macros/fiscal_year.sql) for the models.

const FY = /^(\d{4})-(\d{2})$/;

/** The label of the fiscal year starting in April of `startYear`: 2024 → "2024-25". */
export const fiscalYearLabel = (startYear: number): string =>
  `${startYear}-${String((startYear + 1) % 100).padStart(2, '0')}`;

/** The calendar year a fiscal year label starts in, or null when the label is not a fiscal year. */
export function fiscalYearStart(label: string): number | null {
  const m = FY.exec(label);
  if (!m) return null;
  const start = Number(m[1]);
  return fiscalYearLabel(start) === label ? start : null;
}

export const isFiscalYear = (label: string): boolean => fiscalYearStart(label) !== null;

/** The fiscal year of a benefit month `YYYY-MM`. */
export function fiscalYearOf(month: string): string {
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return fiscalYearLabel(m >= 4 ? year : year - 1);
}

/** The fiscal year `n` years after (or, negative, before) `label`. */
export function shiftFiscalYear(label: string, n: number): string {
  const start = fiscalYearStart(label);
  if (start === null) throw new Error(`not a fiscal year: "${label}" (expected e.g. 2024-25)`);
  return fiscalYearLabel(start + n);
}

/** Every fiscal year from `first` to `last`, inclusive. */
export function fiscalYearsBetween(first: string, last: string): string[] {
  const a = fiscalYearStart(first);
  const b = fiscalYearStart(last);
  if (a === null || b === null) return [];
  const out: string[] = [];
  for (let y = a; y <= b; y++) out.push(fiscalYearLabel(y));
  return out;
}
