// The sa-outcomes command line (outputs.md "Command line"). Each command prints a few human lines and ends
// with a one-line summary; failures print one clear line (the stack trace only with --verbose). Exit codes
// are EXIT below, for cron jobs and supervisors.
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { join } from 'node:path';
import { REASONS } from './extracts/contract.ts';
import { assertExtractsFolder } from './extracts/deliveries.ts';
import { generateDemo, type DemoOptions } from './extracts/demo.ts';
import { listReleases, verifyReleases } from './publish/releases.ts';
import { withdraw } from './extracts/withdraw.ts';
import {
  BlockingChecksFailed,
  DEFAULT_EXTRACTS,
  buildStep,
  buildSummary,
  ingestStep,
  ingestSummary,
  needsAttention,
  publishStep,
  publishSummary,
  runPipeline,
  withRun,
} from './pipeline.ts';
import { fundingSummary, runFundingScenario } from './funding/command.ts';
import { DEFAULT_OUT } from './publish/publish.ts';
import { serveSite } from './publish/serve.ts';
import { listQuarantine, readStatus, type MonthStatus, type RunHistory } from './status.ts';
import { DEFAULT_WAREHOUSE, Warehouse } from './warehouse.ts';
import { failedBackfillMonths, monthRange, queueBackfill } from './schedule/backfill.ts';
import { parseDuration } from './schedule/duration.ts';
import { databaseUrl, openQueue } from './schedule/queue.ts';
import { MONTHLY_REBUILD, TIME_ZONE } from './schedule/toronto-time.ts';
import { startWorker } from './schedule/worker.ts';
import { ensureSchema } from './warehouse-schema.ts';
import { printable, printableValue } from './terminal.ts';

/** Exit codes (README "Exit codes"). */
export const EXIT = {
  /** Done. */
  ok: 0,
  /** Failed: nothing was published (the last publication, and the warehouse's last good state, stay). */
  failed: 1,
  /** The command line was wrong: nothing was done. */
  usage: 2,
  /** Done and published, but a file was rejected or the as-of month could not advance: look at the log. */
  attention: 3,
} as const;

/** A wrong command line, found by our own checks rather than commander's. */
class UsageError extends Error {}

interface Globals {
  warehouse: string;
  verbose?: boolean;
  json?: boolean;
}

/** A command's output; the command's time, in its summary line, runs from when the output is made. */
class Output {
  private readonly started = performance.now();
  constructor(private readonly g: Globals) {}
  /** Human lines go to stderr with --json, so stdout stays machine-readable. */
  line = (s: string): void => {
    (this.g.json ? process.stderr : process.stdout).write(printable(s) + '\n');
  };
  done(summary: string, data: unknown): void {
    const secs = ((performance.now() - this.started) / 1000).toFixed(1);
    if (this.g.json)
      process.stdout.write(JSON.stringify({ ok: true, summary, ...((data as object) ?? {}) }) + '\n');
    else this.line(`${summary} (${secs} s)`);
  }
}

const positiveNumber =
  (name: string) =>
  (v: string): number => {
    const n = Number(v);
    if (!Number.isFinite(n) || n <= 0)
      throw new InvalidArgumentError(`${name} must be a positive number, got "${v}"`);
    return n;
  };
const wholeNumber =
  (name: string, min: number) =>
  (v: string): number => {
    if (!/^\d+$/.test(v) || Number(v) < min)
      throw new InvalidArgumentError(`${name} must be a whole number from ${min}, got "${v}"`);
    return Number(v);
  };
const month =
  (name: string) =>
  (v: string): string => {
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(v))
      throw new InvalidArgumentError(`${name} must be YYYY-MM, got "${v}"`);
    return v;
  };

function historyLine(r: RunHistory): string {
  const attempt = r.attempt === null ? '' : ` attempt ${r.attempt}/${r.max_attempts}`;
  const steps = r.steps
    .map((s) => `${s.step} ${s.seconds.toFixed(1)} s${s.rows === null ? '' : ` ${s.rows} rows`}`)
    .join(', ');
  const c = r.checks;
  const checks =
    c.passed + c.warnings + c.failed > 0
      ? `; checks ${c.passed} passed${c.warnings ? `, ${c.warnings} warnings` : ''}${c.failed ? `, ${c.failed} BLOCKING failed` : ''}`
      : '';
  return (
    `${r.started_at}  ${r.command.padEnd(14)} ${(r.trigger ?? '').padEnd(12)}${r.month ? ` ${r.month}` : ''}${attempt}  ` +
    `${r.status}${r.seconds === null ? '' : ` in ${r.seconds.toFixed(1)} s`}` +
    (steps ? `  [${steps}${checks}]` : '') +
    (r.error ? `  ${r.error.split('\n')[0]}` : '')
  );
}

function monthLine(m: MonthStatus): string {
  const parts = [
    m.loadedAt ? `loaded ${m.loadedAt}` : 'not loaded',
    m.builtAt ? `built ${m.builtAt}` : 'not built',
    m.publishedAt ? `published ${m.publishedAt}` : 'not published',
  ];
  if (m.stale) parts.push('STALE (loaded after its last publish)');
  else if (m.needsBuild && m.builtAt) parts.push('loaded after its last build');
  if (m.backfill)
    parts.push(
      `backfill ${m.backfill.status}${m.backfill.at ? ` ${m.backfill.at}` : ''}${m.backfill.error ? `: ${m.backfill.error}` : ''}`,
    );
  return `${m.month}  ${parts.join('  ')}`;
}

/** Reads a warehouse that must exist, its bookkeeping tables brought up to date first, recording no run. */
async function readWarehouse<T>(path: string, read: (wh: Warehouse) => Promise<T>): Promise<T> {
  const wh = await Warehouse.open(path, { mustExist: true });
  try {
    await ensureSchema(wh);
    return await read(wh);
  } finally {
    await wh.close();
  }
}

/** Lines for what an operator must look at although the command succeeded; sets the exit code. */
function attention(out: Output, state: { exitCode: number }, items: string[]): void {
  if (items.length === 0) return;
  state.exitCode = EXIT.attention;
  for (const a of items) out.line(`attention: ${a}`);
}

export function program(state: { exitCode: number } = { exitCode: EXIT.ok }): Command {
  const cmd = new Command('sa-outcomes')
    .description('Ontario social assistance outcomes: ingest extracts, build measures, publish dashboards')
    .addOption(new Option('--warehouse <file>', 'the DuckDB warehouse file').default(DEFAULT_WAREHOUSE))
    .option('--verbose', 'show stack traces and details')
    .option('--json', 'print a machine-readable summary on stdout')
    .showHelpAfterError()
    .exitOverride();
  const globals = (): Globals => cmd.opts<Globals>();

  cmd
    .command('run')
    .description('the main job: ingest new deliveries, build models and checks, publish')
    .option(
      '--extracts <dir>',
      'the extracts folder (demo extracts are generated when the default one is empty)',
      DEFAULT_EXTRACTS,
    )
    .option('--out <dir>', 'the published output folder', DEFAULT_OUT)
    .option('--no-site', 'do not build the dashboards')
    .option(
      '--keep-releases <n>',
      'keep the newest N releases in OUT/releases and OUT/internal-releases (default: all)',
      wholeNumber('--keep-releases', 1),
    )
    .action(async (o: { extracts: string; out: string; site: boolean; keepReleases?: number }) => {
      const g = globals();
      const out = new Output(g);
      const r = await runPipeline({
        warehouse: g.warehouse,
        extracts: o.extracts,
        out: o.out,
        site: o.site,
        keepReleases: o.keepReleases,
        log: out.line,
      });
      out.line(publishSummary(r.publish));
      attention(out, state, r.attention);
      out.done(
        `run complete: ${r.ingest.deliveries.length} new deliveries, ${r.build.models.length} models, published as of ${r.publish.asOfMonth}` +
          (r.attention.length ? `, ${r.attention.length} thing(s) need attention` : ''),
        { asOfMonth: r.publish.asOfMonth, files: r.publish.files, attention: r.attention },
      );
    });

  cmd
    .command('demo')
    .description('write realistic synthetic deliveries following the extract contract')
    .requiredOption('--out <dir>', 'where to write the YYYY-MM delivery folders')
    .option(
      '--scale <s>',
      'fraction of the real province (1 ≈ 620,000 open cases a month)',
      positiveNumber('--scale'),
      0.02,
    )
    .option('--months <n>', 'number of monthly deliveries', wholeNumber('--months', 1), 36)
    .option('--start <YYYY-MM>', 'the first reporting month', month('--start'), '2023-04')
    .option('--seed <k>', 'random seed (same seed, same bytes)', wholeNumber('--seed', 0), 1)
    .option(
      '--noise <rate>',
      'fraction of rows made bad, covering every quarantine reason',
      (v) => {
        const n = Number(v);
        if (v.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1)
          throw new InvalidArgumentError(`--noise must be a number from 0 to 1, got "${v}"`);
        return n;
      },
      0,
    )
    .action(async (o: Required<Omit<DemoOptions, 'onProgress'>>) => {
      const out = new Output(globals());
      const tty = process.stderr.isTTY && !globals().json;
      const d = await generateDemo({
        out: o.out,
        scale: o.scale,
        months: Math.round(o.months),
        start: o.start,
        seed: o.seed,
        noise: o.noise,
        onProgress: tty ? (m) => process.stderr.write(`\r  writing ${m}…`) : undefined,
      });
      if (tty) process.stderr.write('\r\x1b[K');
      const rows = Object.values(d.rows).reduce((a, b) => a + b, 0);
      out.done(
        `demo: wrote ${d.months.length} deliveries (${d.months[0]} to ${d.months.at(-1)}), ${d.files} files, ${rows} rows, ${(d.bytes / 1e6).toFixed(1)} MB to ${o.out}`,
        { ...d },
      );
    });

  cmd
    .command('ingest')
    .description('load new or restated deliveries; report loaded / collapsed / quarantined per file')
    .option('--extracts <dir>', 'the extracts folder', DEFAULT_EXTRACTS)
    .action(async (o: { extracts: string }) => {
      const g = globals();
      const out = new Output(g);
      // A mistyped folder must not create or touch a warehouse.
      assertExtractsFolder(o.extracts);
      const r = await withRun(
        'ingest',
        g,
        (wh, runId) => ingestStep(wh, runId, o.extracts, out.line),
        ingestSummary,
      );
      for (const f of r.files) {
        out.line(
          `  ${f.delivery}/${f.file.padEnd(34)} ${f.status.padEnd(9)} read ${f.rowsRead}, loaded ${f.loaded}, collapsed ${f.collapsed}, quarantined ${f.quarantined}${f.error ? ` — ${f.error}` : ''}`,
        );
      }
      const look = needsAttention(r);
      attention(out, state, look);
      out.done(ingestSummary(r), { files: r.files, asOfMonth: r.asOfMonth, attention: look });
    });

  cmd
    .command('withdraw')
    .description('back a delivery out: its rows go, the versions it replaced are in force again')
    .argument('<YYYY-MM>', 'the delivery to withdraw', month('the delivery'))
    .option(
      '--extracts <dir>',
      'the extracts folder (the other deliveries are loaded again from it)',
      DEFAULT_EXTRACTS,
    )
    .action(async (delivery: string, o: { extracts: string }) => {
      const g = globals();
      const out = new Output(g);
      assertExtractsFolder(o.extracts);
      const r = await withRun(
        'withdraw',
        { ...g, mustExist: true },
        (wh, runId) => withdraw(wh, { delivery, extracts: o.extracts, runId, log: out.line }),
        (w) =>
          `withdrew ${w.delivery} (${w.files.length} files, ${w.versions} row versions, ${w.quarantined} quarantined rows); ${ingestSummary(w.replay)}`,
      );
      attention(out, state, needsAttention(r.replay));
      out.line(
        `as of ${r.replay.asOfMonth ?? '(nothing loaded)'} now; \`sa-outcomes run\` builds and publishes without ${delivery}` +
          (r.replay.asOfMonth
            ? ` (with a worker running: sa-outcomes backfill --from ${r.replay.asOfMonth} --to ${r.replay.asOfMonth})`
            : ''),
      );
      out.done(
        `withdrew ${delivery}: ${r.files.length} file(s), ${r.versions} row version(s) and ${r.quarantined} quarantined row(s) gone; ${r.replay.deliveries.length} other deliveries loaded again`,
        {
          delivery,
          files: r.files,
          versions: r.versions,
          quarantined: r.quarantined,
          asOfMonth: r.replay.asOfMonth,
        },
      );
    });

  cmd
    .command('build')
    .description('run the models in dependency order, then the checks')
    .action(async () => {
      const g = globals();
      const out = new Output(g);
      const b = await withRun(
        'build',
        { ...g, mustExist: true },
        async (wh, runId) => {
          const built = await buildStep(wh, runId, out.line);
          // A build whose blocking checks fail is a failed run (in the history too), and says so once.
          if (built.blockingFailed.length > 0)
            throw new BlockingChecksFailed(
              `blocking check(s) failed: ${built.blockingFailed.map((c) => c.name).join(', ')}; publish will refuse until they pass`,
            );
          return built;
        },
        buildSummary,
      );
      out.done(buildSummary(b), { models: b.models, checks: b.checks });
    });

  cmd
    .command('publish')
    .description('write the public and internal outputs and build the dashboards')
    .option('--out <dir>', 'the published output folder', DEFAULT_OUT)
    .option('--no-site', 'do not build the dashboards')
    .option(
      '--keep-releases <n>',
      'keep the newest N releases in OUT/releases and OUT/internal-releases (default: all)',
      wholeNumber('--keep-releases', 1),
    )
    .action(async (o: { out: string; site: boolean; keepReleases?: number }) => {
      const g = globals();
      const out = new Output(g);
      const p = await withRun(
        'publish',
        { ...g, mustExist: true },
        (wh, runId) => publishStep(wh, runId, o.out, o.site, out.line, o.keepReleases),
        publishSummary,
      );
      out.done(publishSummary(p), { asOfMonth: p.asOfMonth, files: p.files });
    });

  cmd
    .command('worker')
    .description(
      'start the scheduler (graphile-worker on DATABASE_URL): run the pipeline when a delivery lands, rebuild monthly',
    )
    .option('--extracts <dir>', 'the extracts folder to watch', DEFAULT_EXTRACTS)
    .option('--out <dir>', 'the published output folder', DEFAULT_OUT)
    .option(
      '--check-every <duration>',
      'how often to look for new or restated deliveries: 30s, 5m, 1h',
      (v) => (parseDuration(v), v),
      '5m',
    )
    .option('--no-site', 'do not build the dashboards')
    .action(async (o: { extracts: string; out: string; checkEvery: string; site: boolean }) => {
      const g = globals();
      const out = new Output(g);
      // A mistyped folder would leave the worker checking nothing, forever.
      assertExtractsFolder(o.extracts);
      const url = databaseUrl();
      const stamp = (line: string): void => out.line(`${new Date().toISOString().slice(0, 19)}Z  ${line}`);
      const worker = await startWorker({
        databaseUrl: url,
        warehouse: g.warehouse,
        extracts: o.extracts,
        out: o.out,
        site: o.site,
        checkEvery: parseDuration(o.checkEvery),
        verbose: g.verbose,
        log: stamp,
      });
      const r = MONTHLY_REBUILD;
      stamp(
        `worker ${worker.poolId()} started: checks ${o.extracts} every ${o.checkEvery}, publishes to ${o.out}; ` +
          `full rebuild on day ${r.day} of each month at ${String(r.hour).padStart(2, '0')}:${String(r.minute).padStart(2, '0')} ${TIME_ZONE} time (Ctrl-C stops)`,
      );
      const signal = await new Promise<string>((resolve) => {
        process.once('SIGINT', () => resolve('SIGINT'));
        process.once('SIGTERM', () => resolve('SIGTERM'));
      });
      stamp(`${signal}: finishing the job in hand, then stopping`);
      await worker.stop();
      const { succeeded, failed } = worker.runs;
      out.done(`worker stopped: ${succeeded + failed} pipeline run(s), ${failed} failed`, { ...worker.runs });
    });

  cmd
    .command('backfill')
    .description('queue month rebuilds (rebuild the models, republish) for the worker to run')
    .option('--from <YYYY-MM>', 'the first month', month('--from'))
    .option('--to <YYYY-MM>', 'the last month', month('--to'))
    .option('--retry-failed', 'queue again only the months whose last backfill failed')
    .action(async (o: { from?: string; to?: string; retryFailed?: boolean }) => {
      const g = globals();
      const out = new Output(g);
      if (o.retryFailed ? o.from || o.to : !o.from || !o.to)
        throw new UsageError('give either --from YYYY-MM --to YYYY-MM, or --retry-failed');
      let months: string[];
      if (o.retryFailed) {
        months = await readWarehouse(g.warehouse, failedBackfillMonths);
      } else {
        if (o.from! > o.to!) throw new UsageError(`--from ${o.from} is after --to ${o.to}`);
        months = monthRange(o.from!, o.to!);
      }
      if (months.length > 0) {
        const utils = await openQueue(databaseUrl());
        try {
          await queueBackfill(utils, months);
        } finally {
          await utils.release();
        }
      }
      out.done(
        months.length === 0
          ? 'backfill: no failed months to queue again'
          : `backfill: queued ${months.length} month rebuild(s) (${months[0]} to ${months.at(-1)}); a running sa-outcomes worker runs them one at a time`,
        { months },
      );
    });

  cmd
    .command('funding')
    .description('a funding scenario: the funding formulas with another parameter file, against the baseline')
    .requiredOption(
      '--params <file>',
      'a funding parameter file (JSON), or `default` for the shipped defaults',
    )
    .option('--year <FY>', 'apply the file to this fiscal year only (e.g. 2025-26) and compare that year')
    .option('--out <dir>', 'the published output folder the scenario files go into', DEFAULT_OUT)
    .action(async (o: { params: string; year?: string; out: string }) => {
      const g = globals();
      const out = new Output(g);
      const r = await runFundingScenario(g, o, out.line);
      out.done(fundingSummary(r), { ...r });
    });

  cmd
    .command('status')
    .description('deliveries loaded, last runs with timings, freshness, checks, quarantine counts')
    .action(async () => {
      const g = globals();
      const out = new Output(g);
      const s = await readWarehouse(g.warehouse, readStatus);
      out.line(
        `as of ${s.asOfMonth ?? '(nothing loaded)'}${s.monthsBehind !== null ? ` — ${s.monthsBehind} month(s) behind today` : ''}`,
      );
      out.line('deliveries:');
      for (const d of s.deliveries) {
        out.line(
          `  ${d.delivery}  ${String(d.files).padStart(2)} files  read ${d.rowsRead}  loaded ${d.loaded}  collapsed ${d.collapsed}  quarantined ${d.quarantined}${d.incomplete ? '  INCOMPLETE (a file rejected, or no cases or payments file in force)' : ''}`,
        );
      }
      out.line('last runs:');
      for (const r of s.runs) {
        out.line(
          `  ${r.started_at}  ${r.command.padEnd(8)} ${r.status.padEnd(8)} ${r.seconds === null ? '' : `${r.seconds.toFixed(1)} s  `}${r.error ?? r.summary ?? ''}`,
        );
      }
      out.line('checks (last build):');
      for (const c of s.checks)
        out.line(
          `  ${c.status.padEnd(5)} ${c.severity.padEnd(8)} ${c.check_name}${c.failures ? ` (${c.failures} rows)` : ''}`,
        );
      out.line(`quarantine: ${s.quarantine.map((q) => `${q.reason} ${q.rows}`).join(', ') || 'empty'}`);
      out.line('run history (trigger, attempt, steps):');
      for (const r of s.history) out.line(`  ${historyLine(r)}`);
      out.line('months (loaded, built, published):');
      for (const m of s.months) out.line(`  ${monthLine(m)}`);
      const incomplete = s.deliveries.filter((d) => d.incomplete).length;
      out.done(
        `status: ${s.deliveries.length} deliveries as of ${s.asOfMonth ?? '-'}, ${incomplete} incomplete, ${s.quarantine.reduce((a, q) => a + q.rows, 0)} quarantine reasons`,
        s,
      );
    });

  cmd
    .command('quarantine')
    .description('list quarantined rows')
    .option('--file <f>', 'a table, a file name, or DELIVERY/FILE')
    .option('--reason <r>', 'a reason code, e.g. UNKNOWN_CASE')
    .action(async (o: { file?: string; reason?: string }) => {
      const g = globals();
      const out = new Output(g);
      if (o.reason && !(REASONS as readonly string[]).includes(o.reason)) {
        throw new UsageError(`unknown reason "${o.reason}": the reasons are ${REASONS.join(', ')}`);
      }
      const rows = await readWarehouse(g.warehouse, (wh) => listQuarantine(wh, o));
      for (const r of rows)
        out.line(
          `${r.delivery}  ${r.table_name}:${r.line}  ${r.reasons}  ${printableValue(r.messages)}\n    ${printableValue(r.raw ?? '')}`,
        );
      out.done(`quarantine: ${rows.length} row(s)${rows.length === 1000 ? ' (first 1000 shown)' : ''}`, {
        rows,
      });
    });

  cmd
    .command('releases')
    .description(
      'list the releases kept in OUT/releases; --verify rechecks every file against its SHA256SUMS',
    )
    .option('--out <dir>', 'the published output folder', DEFAULT_OUT)
    .option('--verify', 'recheck every checksum of every release (public and internal)')
    .action((o: { out: string; verify?: boolean }) => {
      const out = new Output(globals());
      const releases = listReleases(o.out);
      for (const r of releases)
        out.line(
          `${r.as_of_month}  ${r.run_id}  ${r.created}  ${r.files} files  ${(r.bytes / 1e6).toFixed(1)} MB  releases/${r.path}`,
        );
      const problems = o.verify ? verifyReleases(o.out) : [];
      for (const p of problems) out.line(`verify: ${p}`);
      if (problems.length > 0) state.exitCode = EXIT.failed;
      out.done(
        `${releases.length} release(s) in ${join(o.out, 'releases')}` +
          (o.verify
            ? problems.length === 0
              ? ', every checksum verified'
              : `, ${problems.length} problem(s): the files differ from what was released`
            : ''),
        { releases, ...(o.verify ? { problems } : {}) },
      );
    });

  cmd
    .command('serve')
    .description('serve the built dashboards on 127.0.0.1 for preview')
    .option('--out <dir>', 'the published output folder', DEFAULT_OUT)
    .option('--port <n>', 'port', (v) => Number.parseInt(v, 10), 3000)
    .action(async (o: { out: string; port: number }) => {
      const out = new Output(globals());
      const { server, url } = await serveSite(join(o.out, 'site'), o.port);
      out.line(`serving ${join(o.out, 'site')} at ${url} (Ctrl-C to stop)`);
      await new Promise<void>((done) => {
        const stop = (): void => {
          server.close(() => done());
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      out.line('stopped');
    });

  return cmd;
}

/** Runs the CLI; returns the exit code (EXIT). */
export async function main(argv: string[]): Promise<number> {
  const state: { exitCode: number } = { exitCode: EXIT.ok };
  const cmd = program(state);
  try {
    await cmd.parseAsync(argv, { from: 'user' });
    return state.exitCode;
  } catch (e) {
    // commander has printed its own message (and the usage); --help and --version end here too, with 0.
    if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
    const verbose = argv.includes('--verbose');
    const msg = e instanceof Error ? e.message : String(e);
    process.stderr.write(printable(`sa-outcomes: error: ${msg.split('\n')[0]}`) + '\n');
    if (verbose && e instanceof Error && e.stack) process.stderr.write(printable(e.stack) + '\n');
    if (argv.includes('--json')) process.stdout.write(JSON.stringify({ ok: false, error: msg }) + '\n');
    return e instanceof UsageError ? EXIT.usage : EXIT.failed;
  }
}
