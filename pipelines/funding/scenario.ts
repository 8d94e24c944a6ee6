// Funding scenarios (funding.md "Scenarios"; `sa-outcomes funding --params FILE [--year FY]`): the same
// formulas with another parameter file, compared side by side with the baseline in the warehouse's `funding`
// table (the published one), per manager and component: baseline, scenario, difference, % change.
//
// How: inside one transaction that is always rolled back, ref_funding_parameters is replaced by the scenario's
// parameters, the models tagged `funding` and the allocation step are rerun, and the comparison is
// written to files; the rollback then leaves the warehouse exactly as it was. The files are written into the
// current publication, beside its baseline (OUT/internal/funding_scenario.csv, all components;
// OUT/public/funding_scenario.csv, the allocation components and disclosure-controlled outcome payments, of
// complete years only, as the public funding.csv), atomically (temporary file, then rename), each with its own
// funding_scenario.json; measures.*, funding.csv and metadata.json are never touched. No publish runs
// meanwhile: both hold the warehouse, which has one writer.
//
// Without --year the scenario file's parameters replace every year's. With --year FY they replace that year's
// only (the other years keep the baseline's), and the comparison shows that year: its mitigation floor is then
// the baseline's allocation of FY − 1, the one actually made.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { allocationStep } from './funding.ts';
import { isFiscalYear } from './fiscal-year.ts';
import { parametersInForce } from './extract-parameters.ts';
import { loadParameterFile, parameterTableSql, type ParameterFile } from './parameters.ts';
import {
  ILLUSTRATIVE_NOTE,
  SCENARIO_CSV,
  SCENARIO_INTERNAL_COLUMNS,
  SCENARIO_JSON,
  SCENARIO_PUBLIC_COLUMNS,
} from './outputs.ts';
import { loadMacros, loadModels, runModels, MODELS_DIR } from '../models/runner.ts';
import { publicFundingSql } from '../publish/disclosure.ts';
import { DATAPACKAGE_FILE, type Release } from '../publish/open-data/datapackage.ts';
import { writeOpenData } from '../publish/open-data/open-data.ts';
import { writeAtomically } from '../publish/write-atomically.ts';
import { currentPublication } from '../publish/publications.ts';
import { REFERENCE_DIR } from '../reference.ts';
import { readAsOfMonth } from '../warehouse-schema.ts';
import { lit, type Warehouse } from '../warehouse.ts';

export interface ScenarioOptions {
  /** A parameter file, or `default` for the default.json in force (the extracts' own, else the shipped one). */
  params: string;
  year?: string;
  /** The published output folder (OUT). */
  out: string;
  /** The reference folder whose funding/default.json `default` is when the extracts carry none. */
  referenceDir?: string;
  modelsDir?: string;
  log?: (line: string) => void;
}

export interface ScenarioYearSummary {
  fiscalYear: string;
  /** Managers whose pdf_allocation differs from the baseline. */
  managersChanged: number;
  managers: number;
  largestIncrease: { serviceManager: string; difference: string } | null;
  largestDecrease: { serviceManager: string; difference: string } | null;
}

export interface ScenarioResult {
  paramsFile: string;
  sha256: string;
  year: string | null;
  illustrative: boolean;
  files: Record<string, { rows: number; sha256: string }>;
  years: ScenarioYearSummary[];
  /** Years compared that the public file leaves out whole: provisional (funding.md "Output"). */
  notPublic: string[];
  seconds: number;
}

const NOT_PUBLIC_REASON =
  'provisional (not all 12 months of the year, or of the reference year of its allocation, are in), and public ' +
  'funding holds complete fiscal years only (funding.md "Output")';

const formatted = (column: string): string =>
  `case when unit = 'count' then (${column})::hugeint::varchar else (${column})::decimal(20, 2)::varchar end`;

/** 100 × (scenario − baseline) / |baseline|, 1 decimal half away from zero; null without a non-zero baseline. */
const pctChange = (baseline: string, scenario: string): string =>
  `case when ${baseline} is null or ${scenario} is null or ${baseline} = 0 then null
        else (div_half_away(1000 * ((${scenario} - ${baseline}) * 100)::hugeint, abs((${baseline} * 100)::hugeint)) / 10)::decimal(18, 1)
   end`;

function comparisonSql(
  baseline: string,
  scenario: string,
  year: string | null,
  tier: 'internal' | 'public',
): string {
  const where = year ? `where fiscal_year = ${lit(year)}` : '';
  const keep =
    tier === 'public' ? `where starts_with(component, 'pdf_') or component = 'outcome_payments'` : '';
  const joined = `select
        fiscal_year, service_manager, program, component,
        coalesce(b.unit, s.unit) as unit,
        b.amount as baseline_amount, s.amount as scenario_amount,
        coalesce(b.status, s.status) as status
      from (select * from ${baseline} ${keep}) as b
      full join (select * from ${scenario} ${keep}) as s using (fiscal_year, service_manager, program, component)`;
  const columns =
    tier === 'internal'
      ? `fiscal_year, service_manager, program, component`
      : `fiscal_year, service_manager, component`;
  return `select ${columns},
      ${formatted('baseline_amount')} as baseline,
      ${formatted('scenario_amount')} as scenario,
      ${formatted('scenario_amount - baseline_amount')} as difference,
      ${pctChange('baseline_amount', 'scenario_amount')}::varchar as pct_change
      ${tier === 'internal' ? ', status' : ''}
    from (${joined}) ${where}
    order by fiscal_year, service_manager, program, component`;
}

const sha256 = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

export async function runScenario(wh: Warehouse, opts: ScenarioOptions): Promise<ScenarioResult> {
  const start = performance.now();
  const log = opts.log ?? (() => undefined);
  if (!(await wh.tableExists('funding')) || !(await wh.tableExists('ref_funding_parameters'))) {
    throw new Error('there is no baseline funding in the warehouse: run `sa-outcomes build` first');
  }
  const scenarioFile: ParameterFile =
    opts.params === 'default'
      ? (await parametersInForce(wh, opts.referenceDir ?? REFERENCE_DIR)).find((f) => f.fiscalYear === null)!
      : loadParameterFile(opts.params);
  const funded = (
    await wh.db.selectFrom('funding').select('fiscal_year').distinct().orderBy('fiscal_year').execute()
  ).map((r) => r.fiscal_year);
  const year = opts.year ?? null;
  if (year !== null) {
    if (!isFiscalYear(year)) throw new Error(`--year must be a fiscal year such as 2025-26, got "${year}"`);
    if (!funded.includes(year)) {
      throw new Error(
        `no funding for ${year}: the years with funding are ${funded.length ? funded.join(', ') : 'none (build first)'}`,
      );
    }
  }
  const compared = year ? [year] : funded;
  // The years the public tier holds come from its own rule (publicFundingSql), so this cannot drift from it.
  const publicYears = (
    await wh.all<{ fiscal_year: string }>(`select distinct fiscal_year from (${publicFundingSql()})`)
  ).map((r) => r.fiscal_year);
  const notPublic = compared.filter((fy) => !publicYears.includes(fy));
  const baselineIllustrative =
    (await wh.value<number>('select count(*) from ref_funding_parameters where illustrative')) > 0;
  const illustrative = scenarioFile.params.illustrative || baselineIllustrative;

  const publication = currentPublication(resolve(opts.out));
  if (!publication) {
    throw new Error(
      `nothing is published in ${opts.out} yet: run \`sa-outcomes publish --out ${opts.out}\` first (the scenario files go beside the published baseline)`,
    );
  }
  const dirs = { internal: join(publication, 'internal'), public: join(publication, 'public') };
  const files: ScenarioResult['files'] = {};
  let years: ScenarioYearSummary[] = [];

  await wh.run('begin transaction');
  try {
    await wh.run('create temp table _baseline_funding as select * from funding');
    await wh.run('create temp table _baseline_parameters as select * from ref_funding_parameters');
    const seeded = (
      await wh.all<{ fiscal_year: string }>(
        'select fiscal_year from ref_funding_parameters order by fiscal_year',
      )
    ).map((r) => r.fiscal_year);
    const replaced = seeded.filter((fy) => year === null || fy === year);
    await wh.run(
      parameterTableSql(
        replaced.map((fy) => ({ fiscalYear: fy, file: scenarioFile })),
        '_scenario_parameters',
      ),
    );
    await wh.run(
      `delete from ref_funding_parameters where fiscal_year in (select fiscal_year from _scenario_parameters)`,
    );
    await wh.run('insert into ref_funding_parameters select * from _scenario_parameters');

    // The same formulas: the funding models and the funding step, on the scenario's parameters.
    const modelsDir = opts.modelsDir ?? MODELS_DIR;
    await loadMacros(wh, modelsDir);
    const models = (await loadModels(wh, modelsDir, [allocationStep])).filter((m) =>
      m.tags.includes('funding'),
    );
    if (!['funding', allocationStep.name].every((n) => models.some((m) => m.name === n))) {
      throw new Error(
        `the funding models (tagged funding) or their allocation step are missing from ${modelsDir}`,
      );
    }
    await runModels(wh, models);

    for (const tier of ['internal', 'public'] as const) {
      const sql =
        tier === 'internal'
          ? comparisonSql('_baseline_funding', 'funding', year, tier)
          : comparisonSql(
              `(${publicFundingSql('_baseline_funding', '_baseline_parameters')})`,
              `(${publicFundingSql('funding', 'ref_funding_parameters')})`,
              year,
              tier,
            );
      const path = join(dirs[tier], SCENARIO_CSV);
      await writeAtomically(path, (tmp) => wh.run(`copy (${sql}) to ${lit(tmp)} (format csv, header true)`));
      files[`${tier}/${SCENARIO_CSV}`] = {
        rows: await wh.value<number>(`select count(*) from (${sql})`),
        sha256: sha256(path),
      };
    }
    years = await summarize(wh, year);
  } finally {
    await wh.run('rollback').catch(() => undefined);
  }

  const asOfMonth = (await readAsOfMonth(wh.db)) ?? '';
  const generatedAt = new Date().toISOString();
  for (const tier of ['internal', 'public'] as const) {
    const meta = {
      illustrative,
      note: illustrative ? ILLUSTRATIVE_NOTE : undefined,
      scenario_parameters: {
        file: basename(scenarioFile.path),
        sha256: scenarioFile.sha256,
        illustrative: scenarioFile.params.illustrative,
        description: scenarioFile.params.description,
      },
      applies_to: year ?? 'every fiscal year',
      fiscal_years: tier === 'public' ? compared.filter((fy) => !notPublic.includes(fy)) : compared,
      ...(tier === 'public' && notPublic.length > 0
        ? { left_out: { fiscal_years: notPublic, why: NOT_PUBLIC_REASON } }
        : {}),
      baseline: 'the published funding.csv of the last build (its own parameter files, metadata.json)',
      as_of_month: asOfMonth,
      generated_at: generatedAt,
      columns: tier === 'internal' ? SCENARIO_INTERNAL_COLUMNS : SCENARIO_PUBLIC_COLUMNS,
      blank_means:
        tier === 'public'
          ? 'suppressed: outcome payments of a manager with 1–9 milestones reached (funding.md "Output")'
          : 'no such row on that side',
      files: { [SCENARIO_CSV]: files[`${tier}/${SCENARIO_CSV}`] },
    };
    const path = join(dirs[tier], SCENARIO_JSON);
    await writeAtomically(path, (tmp) => writeFileSync(tmp, JSON.stringify(meta, null, 2) + '\n'));
    files[`${tier}/${SCENARIO_JSON}`] = { rows: 1, sha256: sha256(path) };
  }
  // The public package lists and hashes the scenario files too, as the release's own (its metadata.json's).
  const published = JSON.parse(readFileSync(join(dirs.public, 'metadata.json'), 'utf8')) as {
    as_of_month: string;
    run_id: string;
    generated_at: string;
  };
  const packaged = join(dirs.public, DATAPACKAGE_FILE);
  await writeOpenData(dirs.public, {
    asOfMonth: published.as_of_month,
    firstMonth: await wh.value<string>('select min(period) from measures'),
    runId: published.run_id,
    created: published.generated_at,
    changesSince: existsSync(packaged)
      ? (JSON.parse(readFileSync(packaged, 'utf8')) as { changes_since: Release['changesSince'] })
          .changes_since
      : null,
  });
  for (const y of years) {
    log(
      `  ${y.fiscalYear}: ${y.managersChanged} of ${y.managers} managers' allocations change` +
        (y.largestIncrease
          ? `; largest increase ${y.largestIncrease.serviceManager} +${y.largestIncrease.difference}`
          : '') +
        (y.largestDecrease
          ? `; largest decrease ${y.largestDecrease.serviceManager} ${y.largestDecrease.difference}`
          : ''),
    );
  }
  if (notPublic.length > 0) {
    log(
      `  public/${SCENARIO_CSV} holds nothing for ${notPublic.join(', ')}: ${NOT_PUBLIC_REASON}; ` +
        `internal/${SCENARIO_CSV} has it`,
    );
  }
  return {
    paramsFile: scenarioFile.path,
    sha256: scenarioFile.sha256,
    year,
    illustrative,
    files,
    years,
    notPublic,
    seconds: (performance.now() - start) / 1000,
  };
}

/** Per allocation year: how many managers' pdf_allocation changed, and the largest moves. */
async function summarize(wh: Warehouse, year: string | null): Promise<ScenarioYearSummary[]> {
  const rows = await wh.all<{ fiscal_year: string; service_manager: string; difference: string; d: number }>(
    `select fiscal_year, service_manager, (coalesce(s.amount, 0) - coalesce(b.amount, 0))::varchar as difference,
        (coalesce(s.amount, 0) - coalesce(b.amount, 0))::double as d
     from (select * from _baseline_funding where component = 'pdf_allocation' and service_manager <> 'ON') as b
     full join (select * from funding where component = 'pdf_allocation' and service_manager <> 'ON') as s
       using (fiscal_year, service_manager)
     ${year ? `where fiscal_year = ${lit(year)}` : ''}
     order by fiscal_year, service_manager`,
  );
  const byYear = new Map<string, typeof rows>();
  for (const r of rows) byYear.set(r.fiscal_year, [...(byYear.get(r.fiscal_year) ?? []), r]);
  return [...byYear].map(([fiscalYear, rs]) => {
    const up = rs.filter((r) => r.d > 0).sort((a, b) => b.d - a.d)[0];
    const down = rs.filter((r) => r.d < 0).sort((a, b) => a.d - b.d)[0];
    return {
      fiscalYear,
      managersChanged: rs.filter((r) => r.d !== 0).length,
      managers: rs.length,
      largestIncrease: up ? { serviceManager: up.service_manager, difference: up.difference } : null,
      largestDecrease: down ? { serviceManager: down.service_manager, difference: down.difference } : null,
    };
  });
}
