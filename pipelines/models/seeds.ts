// Seed tables the models read besides the extracts (like dbt seeds): reference data from data/reference/
// and the measure registry. Reloaded at every build so they always match the files and the code.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { csvParseRows } from 'd3-dsv';
import { fiscalYearOf, fiscalYearsBetween, shiftFiscalYear } from '../funding/fiscal-year.ts';
import { parametersInForce } from '../funding/extract-parameters.ts';
import { parameterTableSql, parametersForYear } from '../funding/parameters.ts';
import { KIND_RULES } from '../measures/kinds.ts';
import { MEASURES, type MeasureDef } from '../measures/registry.ts';
import { REFERENCE_DIR } from '../reference.ts';
import { readAsOfMonth } from '../warehouse-schema.ts';
import { lit, type Warehouse } from '../warehouse.ts';

export async function loadSeeds(
  wh: Warehouse,
  referenceDir: string = REFERENCE_DIR,
  measures: readonly MeasureDef[] = MEASURES,
): Promise<void> {
  const csv = (file: string, needed: readonly string[]): string =>
    `read_csv(${lit(join(referenceDir, file))}, header = true, all_varchar = true, auto_detect = false, columns = ${referenceColumns(join(referenceDir, file), needed)})`;
  await wh.run(`create or replace table ref_service_managers as
    select code, name, type, region from ${csv('service_managers.csv', ['code', 'name', 'type', 'region'])}`);
  await wh.run(`create or replace table ref_est_catchments as
    select code, catchment, phase, try_cast(ies_start as date) as ies_start
    from ${csv('est_catchments.csv', ['code', 'catchment', 'phase', 'ies_start'])}`);
  const rows = measures
    .map(
      (m) =>
        `(${lit(m.id)}, ${lit(m.kind)}, ${lit(m.mart)}, ${m.moneyNumerator}, ${m.cohortDays ?? 'null'}, ${m.numeratorOutsideGroup ?? false}, ${lit(m.breakdown ?? '')}, ${lit(m.title.en)}, ${lit(m.title.fr)})`,
    )
    .join(',\n');
  await wh.run(`create or replace table measure_registry as
    select * from (values ${rows})
      as t(measure_id, kind, mart, money_numerator, cohort_days, numerator_outside_group, breakdown_column, title_en, title_fr)`);
  await loadMeasureKinds(wh);
  await loadFundingParameters(wh, referenceDir);
}

/**
 * The columns of a reference file as its header names them, all text, for read_csv: a file may hold
 * more columns than the warehouse reads (name_fr, for the site) or an older file fewer optional ones,
 * but one without a column the warehouse needs is refused, by name.
 */
export function referenceColumns(path: string, needed: readonly string[]): string {
  const header = (readFileSync(path, 'utf8').split(/\r?\n/, 1)[0] ?? '').replace(/^\uFEFF/, '');
  // d3-dsv, as reference.ts reads the same files: a quoted name may hold a comma.
  const columns = (csvParseRows(header)[0] ?? []).map((c) => c.trim());
  const missing = needed.filter((c) => !columns.includes(c));
  if (missing.length > 0)
    throw new Error(
      `${path}: its header (${header}) lacks ${missing.join(', ')}; the columns needed are ${needed.join(', ')}`,
    );
  return `{${columns.map((c) => `${lit(c)}: 'VARCHAR'`).join(', ')}}`;
}

/** measure_kinds: one row per kind, the rules of pipelines/measures/kinds.ts the models read. */
export async function loadMeasureKinds(wh: Warehouse): Promise<void> {
  const rows = Object.entries(KIND_RULES)
    .map(
      ([kind, k]) =>
        `(${lit(kind)}, ${lit(k.value)}, ${k.additive}, ${k.zeroRows}, ${k.hasNumerator}, ${k.hasDenominator}, ${k.shareOfGroup})`,
    )
    .join(',\n');
  await wh.run(`create or replace table measure_kinds as
    select * from (values ${rows})
      as t(kind, value_rule, additive, zero_rows, has_numerator, has_denominator, share_of_group)`);
}

/**
 * The fiscal years the funding models may need parameters for: from the year of the earliest delivered
 * benefit month to the year after the as-of month's (the allocation one year past the data). The period range
 * itself is a model, built after the seeds; this covers it, and the check funding_parameters_cover_years
 * confirms it.
 */
export async function fundingYears(wh: Warehouse): Promise<string[]> {
  const first = await wh.value<string | null>(
    `select min(benefit_month) from hist_payments where is_current and regexp_full_match(benefit_month, '\\d{4}-(0[1-9]|1[0-2])')`,
  );
  const last = await readAsOfMonth(wh.db);
  if (!first || !last || first > last) return [];
  return fiscalYearsBetween(fiscalYearOf(first), shiftFiscalYear(fiscalYearOf(last), 1));
}

/**
 * ref_funding_parameters: one row per fiscal year with the parameters that apply to it (funding.md
 * "Parameters"), from the validated files the extracts carried, else those in <reference>/funding/
 * (extract-parameters.ts). A bad file stops the build with its name, field and problem.
 */
export async function loadFundingParameters(
  wh: Warehouse,
  referenceDir: string = REFERENCE_DIR,
): Promise<void> {
  const files = await parametersInForce(wh, referenceDir);
  const years = await fundingYears(wh);
  await wh.run(
    parameterTableSql(years.map((fy) => ({ fiscalYear: fy, file: parametersForYear(files, fy) }))),
  );
}
