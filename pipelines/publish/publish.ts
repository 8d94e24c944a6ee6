// `publish`: writes OUT/public (disclosure-controlled), OUT/internal (exact, with the manifest and the
// quarantine) and OUT/site (the dashboards, built from OUT/public only). Everything is written into a new
// publication folder and made current by one atomic switch only when all of it succeeded (publications.ts):
// readers never see a half-written output, and a failed or killed run leaves the last good one.
import { createHash } from 'node:crypto';
import { copyFileSync, cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { checksSql, dataQualitySql } from './data-quality.ts';
import { publicFundingSql, publicMeasuresSql } from './disclosure.ts';
import { ILLUSTRATIVE_NOTE, SCENARIO_FILES } from '../funding/outputs.ts';
import { caseOfKind } from '../measures/kinds.ts';
import { pausePoint } from '../pause-point.ts';
import {
  currentPublication,
  newPublication,
  prepareOut,
  removeOldPublications,
  switchTo,
} from './publications.ts';
import { figuresHash, writeChanges } from './open-data/changes.ts';
import { releaseVersion, type Release } from './open-data/datapackage.ts';
import { writeOpenData } from './open-data/open-data.ts';
import {
  commitRelease,
  listReleases,
  prepareReleases,
  pruneReleases,
  releaseDir,
  stageRelease,
  type ReleaseEntry,
} from './releases.ts';
import { buildSite } from './site.ts';
import { SITE_INPUTS_FILE, siteInputs } from './site-inputs.ts';
import { spreadsheetSafe } from './spreadsheet-safe.ts';
import { assertWritableOut } from './writable.ts';
import { lastBuildChecks, readAsOfMonth } from '../warehouse-schema.ts';
import { lit, type Warehouse } from '../warehouse.ts';

export const DEFAULT_OUT = 'data/published';

export const VERSION: string = (
  JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'package.json'), 'utf8')) as {
    version: string;
  }
).version;

export interface PublishOptions {
  out: string;
  runId: string;
  site: boolean;
  /** How many releases to keep in OUT/releases (and OUT/internal-releases); all when absent. */
  keepReleases?: number;
  log?: (line: string) => void;
}

export interface PublishResult {
  out: string;
  asOfMonth: string;
  files: Record<string, { rows: number; sha256: string }>;
  /** The release this publication is kept as, and what its changes.csv compares it with. */
  release: { path: string; changesSince: Release['changesSince']; changes: number; pruned: number };
  /** The site: built, or carried over from the last publication (`reused`) when its inputs are the same. */
  site: { pages: number; bytes: number; seconds: number; reused: boolean } | null;
  seconds: number;
}

/** A value as text with its kind's decimals in the CSV (pipelines/measures/kinds.ts). */
const VALUE_TEXT = {
  0: 'm.value::hugeint::varchar',
  1: 'm.value::decimal(20, 1)::varchar',
  2: 'm.value::decimal(20, 2)::varchar',
};

/** measures.csv text columns: counts whole, money with 2 decimals, values with their kind's decimals. */
function formattedMeasures(source: string): string {
  return `select m.measure_id, m.period, m.service_manager, m.program, m.breakdown,
      case when r.money_numerator then m.numerator::decimal(20, 2)::varchar else m.numerator::hugeint::varchar end as numerator,
      m.denominator::varchar as denominator,
      ${caseOfKind('r.kind', (k) => VALUE_TEXT[k.csvDecimals])} as value,
      m.status
    from (${source}) as m
    join measure_registry as r using (measure_id)
    order by m.measure_id, m.period, m.service_manager, m.program, m.breakdown`;
}

/** funding.csv text columns (funding.md "Output"): money with 2 decimals, counts whole, plain character order. */
function formattedFunding(source: string): string {
  return `select fiscal_year, service_manager, program, component,
      case when unit = 'count' then amount::hugeint::varchar else amount::decimal(20, 2)::varchar end as amount,
      status
    from (${source})
    order by fiscal_year, service_manager, program, component`;
}

const sortedSource = (source: string): string =>
  `select * from (${source}) order by measure_id, period, service_manager, program, breakdown`;

/** Refuses to publish what the last build did not vouch for. */
export async function assertPublishable(wh: Warehouse): Promise<void> {
  if (!(await wh.tableExists('measures')))
    throw new Error('nothing to publish: run `sa-outcomes build` first');
  if (!(await wh.tableExists('funding')))
    throw new Error('the warehouse has no funding table yet: run `sa-outcomes build` first');
  // The models must have taken in every delivery loaded or withdrawn: otherwise the figures would be those of
  // an older warehouse under the new as-of month.
  const db = wh.db;
  const { built, loaded, withdrawn } = await db
    .selectNoFrom((eb) => [
      eb
        .selectFrom('model_state')
        .select((t) => t.fn.max('built_at').as('at'))
        .as('built'),
      eb
        .selectFrom('manifest')
        .select((t) => t.fn.max('ingested_at').as('at'))
        .as('loaded'),
      eb
        .selectFrom('withdrawn_files')
        .select((t) => t.fn.max('withdrawn_at').as('at'))
        .as('withdrawn'),
    ])
    .executeTakeFirstOrThrow();
  if (!built || [loaded, withdrawn].some((at) => at && at > built))
    throw new Error(
      'nothing to publish: deliveries were loaded or withdrawn after the last build; run `sa-outcomes build` (or `run`) first',
    );
  // Figures need an as-of month: a publication without one would replace the last good one with nothing.
  if ((await readAsOfMonth(db)) === null)
    throw new Error(
      'nothing to publish: no delivery has both its cases and payments files in force (see `sa-outcomes status`)',
    );
  const failed = await lastBuildChecks(db)
    .where('severity', '=', 'blocking')
    .where('status', '<>', 'pass')
    .execute();
  if (failed.length > 0) {
    throw new Error(
      `blocking check(s) failed in the last build, so nothing was published: ${failed.map((f) => `${f.check_name} (${f.status})`).join(', ')}`,
    );
  }
}

export async function publish(wh: Warehouse, opts: PublishOptions): Promise<PublishResult> {
  const log = opts.log ?? (() => undefined);
  const start = performance.now();
  await assertPublishable(wh);
  const out = resolve(opts.out);
  assertWritableOut(out);
  prepareOut(out);
  const previous = currentPublication(out);
  await prepareReleases(out, previous && basename(previous));
  const publication = newPublication(out, opts.runId);
  const pub = join(publication, 'public');
  const internal = join(publication, 'internal');

  let switched = false;
  try {
    const asOfMonth = (await readAsOfMonth(wh.db)) ?? '';
    const files: Record<string, { rows: number; sha256: string }> = {};
    const copy = async (select: string, path: string, format: 'csv' | 'parquet'): Promise<void> => {
      const options = format === 'csv' ? `(format csv, header true)` : `(format parquet, compression zstd)`;
      // COPY answers with the number of rows it wrote
      const rows = await wh.value<number>(`copy (${select}) to ${lit(path)} ${options}`);
      const rel = path.slice(publication.length + 1);
      files[rel] = { rows, sha256: createHash('sha256').update(readFileSync(path)).digest('hex') };
    };

    await wh.run(`create or replace temp table _public_measures as ${publicMeasuresSql('measures')}`);
    await copy(formattedMeasures('select * from _public_measures'), join(pub, 'measures.csv'), 'csv');
    await copy(sortedSource('select * from _public_measures'), join(pub, 'measures.parquet'), 'parquet');
    // Aggregate, identifier-free data-quality files for the dashboards' data quality page.
    await copy(dataQualitySql(), join(pub, 'data_quality.csv'), 'csv');
    await copy(checksSql(wh.db), join(pub, 'checks.csv'), 'csv');
    await copy(formattedMeasures('select * from measures'), join(internal, 'measures.csv'), 'csv');
    await copy(sortedSource('select * from measures'), join(internal, 'measures.parquet'), 'parquet');
    await copy(formattedFunding(publicFundingSql('funding')), join(pub, 'funding.csv'), 'csv');
    await copy(formattedFunding('select * from funding'), join(internal, 'funding.csv'), 'csv');
    // Text that came from the extracts (a row as read, a file's name, an error quoting a header) is made safe
    // to open in a spreadsheet; the other columns are codes, dates and counts.
    await copy(
      `select delivery, table_name as "table", line, reasons, strftime(first_seen, '%Y-%m-%dT%H:%M:%S') as first_seen,
         strftime(last_retried, '%Y-%m-%dT%H:%M:%S') as last_retried, ${spreadsheetSafe('raw')} as raw
       from quarantine order by delivery, table_name, file_id, line`,
      join(internal, 'quarantine.csv'),
      'csv',
    );
    await copy(
      `select delivery, table_name as "table", ${spreadsheetSafe('file')} as file, sha256, status, rows_read, loaded,
         collapsed, quarantined, ${spreadsheetSafe('error')} as error
       from manifest where status <> 'superseded' order by delivery, table_name nulls last, manifest.file`,
      join(internal, 'deliveries.csv'),
      'csv',
    );

    const generatedAt = new Date().toISOString();
    const fundingParameters = await fundingParametersMetadata(wh);
    for (const [dir, tier] of [
      [pub, 'public/'],
      [internal, 'internal/'],
    ] as const) {
      const own = Object.fromEntries(
        Object.entries(files)
          .filter(([k]) => k.startsWith(tier))
          .map(([k, v]) => [k.slice(tier.length), v]),
      );
      const meta = {
        as_of_month: asOfMonth,
        run_id: opts.runId,
        generated_at: generatedAt,
        version: VERSION,
        files: own,
        funding_parameters: fundingParameters,
      };
      writeFileSync(join(dir, 'metadata.json'), JSON.stringify(meta, null, 2) + '\n');
    }
    log(`  wrote ${Object.keys(files).length} files (as of ${asOfMonth})`);
    // The last funding scenario (sa-outcomes funding) is not part of the run's outputs, but it must survive the
    // switch: it is carried over as it was, with its own metadata (funding_scenario.json), for the site to show.
    for (const tier of ['public', 'internal'] as const) {
      for (const f of SCENARIO_FILES) {
        const from = previous && join(previous, tier, f);
        if (from && existsSync(from)) copyFileSync(from, join(publication, tier, f));
      }
    }

    // What changed since the last release with other figures; then the open-data files that describe every
    // file above: the data dictionary, and the package that hashes them.
    const base = changesBase(out, pub);
    const changes = await writeChanges(wh, pub, base ? releaseDir(out, base) : null);
    const changesSince = base
      ? {
          version: releaseVersion({ asOfMonth: base.as_of_month, runId: base.run_id }),
          created: base.created,
        }
      : null;
    const firstMonth = await wh.value<string>('select min(period) from _public_measures');
    await writeOpenData(pub, {
      asOfMonth,
      firstMonth,
      runId: opts.runId,
      created: generatedAt,
      changesSince,
    });
    log(
      changesSince
        ? `  changes.csv: ${changes} figure(s) changed since release ${changesSince.version}`
        : listReleases(out).length === 0
          ? '  changes.csv: the first release, nothing to compare with'
          : '  changes.csv: the same figures as every release so far, nothing to compare with',
    );

    // Without the site (--no-site) the publication has none: the previous site, built from an older public
    // tier, would contradict the files beside it, so OUT/site points at nothing until a publish builds one.
    let site: PublishResult['site'] = null;
    if (opts.site) {
      // The same public files and code as the last publication's site: it is carried over as it is.
      const inputs = siteInputs(pub);
      const last = previous && join(previous, SITE_INPUTS_FILE);
      if (previous && last && existsSync(last) && readFileSync(last, 'utf8') === inputs) {
        const started = performance.now();
        cpSync(join(previous, 'site'), join(publication, 'site'), { recursive: true });
        site = { pages: 0, bytes: 0, seconds: (performance.now() - started) / 1000, reused: true };
        log('  the site is unchanged (the same public files and code as the last one): carried over');
      } else {
        // Progress: each data loader, then each language's pages. Framework's other lines are noise here;
        // a failed build throws with the tail of them.
        log('  building the site: the data loaders, then the English and the French pages…');
        const progress = (line: string) => {
          if (/^(data loader |built \d+ pages? )/.test(line)) log(`    ${line}`);
        };
        site = {
          ...(await buildSite({ publicDir: pub, outDir: join(publication, 'site'), log: progress })),
          reused: false,
        };
        log(
          `  built the site: ${site.pages} pages, ${(site.bytes / 1e6).toFixed(1)} MB in ${site.seconds.toFixed(1)} s`,
        );
      }
      writeFileSync(join(publication, SITE_INPUTS_FILE), inputs);
    }

    stageRelease(out, publication, asOfMonth, opts.runId);
    pausePoint('publish:written');
    switchTo(out, opts.runId);
    switched = true;
    pausePoint('publish:switched');
    await commitRelease(out, asOfMonth, opts.runId);
    const pruned = opts.keepReleases === undefined ? [] : await pruneReleases(out, opts.keepReleases);
    log(
      `  kept as release ${asOfMonth}/${opts.runId}` +
        (pruned.length > 0
          ? `; ${pruned.length} older release(s) removed (keeping ${opts.keepReleases})`
          : ''),
    );
    removeOldPublications(out);
    return {
      out,
      asOfMonth,
      files,
      release: {
        path: `releases/${asOfMonth}/${opts.runId}/public`,
        changesSince,
        changes,
        pruned: pruned.length,
      },
      site,
      seconds: (performance.now() - start) / 1000,
    };
  } finally {
    if (!switched) rmSync(publication, { recursive: true, force: true });
  }
}

/**
 * The release changes.csv compares with: the newest whose figures differ from this publication's, so a run
 * that publishes the same figures again repeats the changes they were first published with. Null before any.
 */
function changesBase(out: string, publicDir: string): ReleaseEntry | null {
  const figures = figuresHash(publicDir);
  return (
    listReleases(out)
      .reverse()
      .find((r) => figuresHash(releaseDir(out, r)) !== figures) ?? null
  );
}

/**
 * The funding parameters behind funding.csv, for the methodology page: per fiscal year, the file used and its
 * values, and the illustrative label (funding.md "Parameters").
 */
async function fundingParametersMetadata(wh: Warehouse): Promise<Record<string, unknown>> {
  const rows = await wh.all<Record<string, unknown> & { fiscal_year: string; illustrative: boolean }>(
    `select * from ref_funding_parameters
     where fiscal_year in (select distinct fiscal_year from funding) order by fiscal_year`,
  );
  const illustrative = rows.some((r) => r.illustrative);
  return {
    illustrative,
    ...(illustrative ? { note: ILLUSTRATIVE_NOTE } : {}),
    by_fiscal_year: Object.fromEntries(rows.map(({ fiscal_year, ...r }) => [fiscal_year, r])),
  };
}
