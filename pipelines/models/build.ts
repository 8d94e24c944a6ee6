// `build`: reload the seeds and macros, run every model and build step (the funding allocation's iterative
// part, in TypeScript: pipelines/funding/) in dependency order in one transaction, then the checks. Timings,
// row counts and check results are recorded against the run.
import { blockingFailures, runChecks, type CheckResult } from './checks.ts';
import { loadMacros, loadModels, runModels, MODELS_DIR, type ModelTiming, type Step } from './runner.ts';
import { loadSeeds } from './seeds.ts';
import { allocationStep } from '../funding/funding.ts';
import { measureRowsModel } from '../measures/measure-rows.ts';
import { MEASURES, type MeasureDef } from '../measures/registry.ts';
import { pausePoint } from '../pause-point.ts';
import { clearChanges } from '../warehouse-schema.ts';
import { lit, type Warehouse } from '../warehouse.ts';

// The macros are loaded by the runner now; one-model tests still import them from here.
export { loadMacros } from './runner.ts';

/** The build's steps in TypeScript, ordered among the models by what they read (runner.ts). */
export const BUILD_STEPS: Step[] = [allocationStep];

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
    const ordered = await loadModels(wh, dir, BUILD_STEPS, [measureRowsModel(measures)]);
    const timings = await runModels(
      wh,
      ordered,
      (t) =>
        log(
          `  ${t.name.padEnd(32)} ${String(t.rows ?? 'view').padStart(10)} rows ${t.seconds.toFixed(2).padStart(7)} s${t.mode === 'incremental' ? ' (incremental)' : ''}${t.detail ? ` (${t.detail})` : ''}`,
        ),
      opts.maxChangeShare,
    );
    // The incremental models have taken in what ingest changed; start the next list afresh.
    await clearChanges(wh);
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
