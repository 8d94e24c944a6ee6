// `build`: reload the seeds and macros, run every model in dependency order in one transaction, then the
// funding step (the allocation's iterative part, in TypeScript: pipelines/funding/), then the checks. Timings,
// row counts and check results are recorded against the run.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { blockingFailures, runChecks, type CheckResult } from './checks.ts';
import { loadModels, runModels, MODELS_DIR, type ModelTiming } from './runner.ts';
import { loadSeeds } from './seeds.ts';
import { MEASURE_ROWS, measureRowsSql } from '../measures/measure-rows.ts';
import { MEASURES, type MeasureDef } from '../measures/registry.ts';
import { FUNDING_MODELS, buildFunding } from '../funding/funding.ts';
import { pausePoint } from '../pause-point.ts';
import { lit, type Warehouse } from '../warehouse.ts';

export interface BuildResult {
  models: ModelTiming[];
  checks: CheckResult[];
  blockingFailed: CheckResult[];
  seconds: number;
}

export interface BuildOptions {
  runId: string;
  modelsDir?: string;
  referenceDir?: string;
  log?: (line: string) => void;
  /** Incremental models are rebuilt whole when more than this share of their rows changed (default 0.25). */
  maxChangeShare?: number;
  /** Rebuild every model whole, incremental ones included (the monthly full rebuild, backfills). */
  full?: boolean;
  /** The measure registry (the seeds, and the marts stacked into measure_rows); MEASURES unless a test adds. */
  measures?: readonly MeasureDef[];
}

/** (Re)creates the SQL macros of models/macros/. */
export async function loadMacros(wh: Warehouse, modelsDir: string = MODELS_DIR): Promise<void> {
  const macros = join(modelsDir, 'macros');
  if (!existsSync(macros)) return;
  for (const f of readdirSync(macros)
    .filter((f) => f.endsWith('.sql'))
    .sort()) {
    await wh.run(readFileSync(join(macros, f), 'utf8'));
  }
}

export async function build(wh: Warehouse, opts: BuildOptions): Promise<BuildResult> {
  const dir = opts.modelsDir ?? MODELS_DIR;
  const log = opts.log ?? (() => undefined);
  const start = performance.now();
  const models = await wh.transaction(async () => {
    // Forgetting what was built makes the runner build every model whole.
    if (opts.full) await wh.run('delete from model_state');
    const measures = opts.measures ?? MEASURES;
    await loadSeeds(wh, opts.referenceDir, measures);
    await loadMacros(wh, dir);
    const ordered = await loadModels(wh, dir, [
      { name: MEASURE_ROWS, path: 'pipelines/measures/measure-rows.ts', sql: measureRowsSql(measures) },
    ]);
    const timings = await runModels(
      wh,
      ordered,
      (t) =>
        log(
          `  ${t.name.padEnd(32)} ${String(t.rows ?? 'view').padStart(10)} rows ${t.seconds.toFixed(2).padStart(7)} s${t.mode === 'incremental' ? ' (incremental)' : ''}`,
        ),
      opts.maxChangeShare,
    );
    if (FUNDING_MODELS.every((name) => ordered.some((m) => m.name === name))) {
      const f = await buildFunding(wh);
      const t: ModelTiming = { name: 'funding', rows: f.rows, mode: 'full', seconds: f.seconds };
      log(
        `  ${t.name.padEnd(32)} ${String(t.rows).padStart(10)} rows ${t.seconds.toFixed(2).padStart(7)} s (allocations ${f.allocationYears.join(', ') || 'none'})`,
      );
      timings.push(t);
    }

    // The incremental models have taken in what ingest changed; start the next list afresh.
    await wh.run('delete from changed_payments; delete from changed_cases; delete from changed_case_details');
    pausePoint('build');
    return timings;
  });
  const checks = await runChecks(wh, dir);
  for (const c of checks) {
    if (c.status !== 'pass') {
      log(
        `  check ${c.name} (${c.severity}) ${c.status === 'error' ? `could not run: ${c.error}` : `failed: ${c.failures} row(s)`}`,
      );
    }
  }
  for (const m of models) {
    await wh.run(
      `insert into run_steps values (${lit(opts.runId)}, 'build', ${lit(m.name)}, ${m.rows ?? 'null'}, ${m.seconds}, null)`,
    );
  }
  for (const c of checks) {
    await wh.run(
      `insert into check_results values (${lit(opts.runId)}, ${lit(c.name)}, ${lit(c.severity)}, ${c.failures}, ${lit(c.status)})`,
    );
  }
  return {
    models,
    checks,
    blockingFailed: blockingFailures(checks),
    seconds: (performance.now() - start) / 1000,
  };
}
