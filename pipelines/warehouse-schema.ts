// The warehouse's own bookkeeping tables (manifest, quarantine, history, run log) and their Kysely types.
// Model tables (stg_*, int_*, mart_*, measures) are created by the model runner from models/*.sql.
import { TABLES, TABLE_NAMES, type TableName } from './extracts/contract.ts';
import { deliveredFieldsSql, rowHashSql, storedColumnsSql, storedType } from './extracts/typed-columns.ts';
import type { Kysely } from 'kysely';
import type { Warehouse } from './warehouse.ts';
import type { MeasureRow } from './measures/measure-row.ts';

export const histTable = (t: TableName): string => `hist_${t}`;

// The types are what a read returns (warehouse-dialect.ts): BIGINT as bigint, INTEGER and DOUBLE as number,
// DECIMAL as number (a double: read it as text, `amount::varchar`, where cents matter), TIMESTAMP as Date.

/** What ingest changed in an extract table since the last build, for the incremental models (runner.ts). */
export const changesTable = (t: TableName): string => `changes_${t}`;

/** Forgets the changes: the incremental models have taken them in (build), or are rebuilt whole (withdraw). */
export async function clearChanges(wh: Warehouse): Promise<void> {
  await wh.run(TABLE_NAMES.map((t) => `delete from ${changesTable(t)};`).join('\n'));
}

export interface ManifestRow {
  file_id: number;
  delivery: string;
  table_name: string | null;
  file: string;
  sha256: string;
  /** loaded | restated | rejected | skipped | superseded (a restated file's earlier version) */
  status: string;
  rows_read: bigint;
  loaded: bigint;
  collapsed: bigint;
  quarantined: bigint;
  error: string | null;
  ingested_at: Date;
  run_id: string;
  size: bigint | null;
  mtime_ms: number | null;
  /** Why a file was rejected (a FILE_ERRORS code) or skipped (UNKNOWN_FILE); null for a loaded file. */
  error_code: string | null;
}

export interface QuarantineRow {
  file_id: number;
  delivery: string;
  table_name: string;
  line: bigint;
  reasons: string;
  messages: string;
  retry: boolean;
  first_seen: Date;
  last_retried: Date | null;
  raw: string | null;
  fields: string[];
  /** The hash of the row's contract fields as delivered (typed-columns.ts), carried when it loads on retry. */
  row_hash: bigint | null;
}

export interface RunRow {
  run_id: string;
  command: string;
  started_at: Date;
  finished_at: Date | null;
  /** running | success | failed | abandoned (its process died before it finished) */
  status: string;
  summary: string | null;
  error: string | null;
  /** What started it: cli | new-delivery | schedule | backfill | retry (a job's later attempt) */
  trigger: string | null;
  /** The graphile-worker job's attempt (1 for the first) and its limit; null outside the worker. */
  attempt: number | null;
  max_attempts: number | null;
  job_id: string | null;
  /** The worker that ran it: its graphile-worker pool id and process id. */
  worker: string | null;
  /** The month a backfill-month run rebuilt. */
  month: string | null;
  /** The run whose success queued this one (ingest → build → publish). */
  caused_by: string | null;
}

export interface RunStepRow {
  run_id: string;
  step: string;
  name: string;
  rows: bigint | null;
  seconds: number;
  detail: string | null;
}

export interface CheckResultRow {
  run_id: string;
  check_name: string;
  severity: string;
  failures: bigint;
  status: string;
}

/** What the build last made of each model, so that an unchanged one can be kept (runner.ts). */
export interface ModelStateRow {
  model: string;
  sql_sha256: string;
  built_at: Date;
}

/**
 * Per month (partition): when the models and the published output last took it in. When it was loaded
 * comes from the manifest, which ingest writes in the same transaction as the rows.
 */
export interface MonthStatusRow {
  month: string;
  built_at: Date | null;
  built_run_id: string | null;
  published_at: Date | null;
  published_run_id: string | null;
  /** The outcome of the month's last backfill: running | success | failed */
  backfill_status: string | null;
  backfill_at: Date | null;
  backfill_run_id: string | null;
  backfill_error: string | null;
}

export interface WithdrawnFileRow {
  delivery: string;
  file: string;
  sha256: string;
  size: bigint | null;
  mtime_ms: number | null;
  withdrawn_at: Date;
  run_id: string;
}

export interface IngestLogRow {
  run_id: string;
  delivery: string;
  file: string | null;
  level: string;
  message: string;
}

/** The funding table (funding.md), written by the build's funding step (pipelines/funding/funding.ts). */
export interface FundingRow {
  fiscal_year: string;
  /** A service manager code, or ON. */
  service_manager: string;
  program: string;
  component: string;
  /** DECIMAL(20, 2): read it as text (amount::varchar) where cents matter. */
  amount: number | null;
  /** `dollars` or `count` (outcome_milestones_*). */
  unit: string;
  /** complete | provisional */
  status: string;
}

/** The warehouse's tables and views as Kysely reads them. */
export interface WarehouseSchema {
  manifest: ManifestRow;
  withdrawn_files: WithdrawnFileRow;
  quarantine: QuarantineRow;
  runs: RunRow;
  run_steps: RunStepRow;
  check_results: CheckResultRow;
  model_state: ModelStateRow;
  month_status: MonthStatusRow;
  ingest_log: IngestLogRow;
  extract_funding_parameters: { name: string; path: string; text: string };
  /** View: the as-of month, or null before any delivery is in force. */
  as_of_month: { as_of_month: string | null };
  /** View: the checks of the last build (see ensureSchema). */
  last_build_checks: CheckResultRow;
  measures: MeasureRow;
  funding: FundingRow;
}

export type WarehouseDb = Kysely<WarehouseSchema>;

/** The as-of month (the view as_of_month), or null before any delivery is in force. */
export async function readAsOfMonth(db: WarehouseDb): Promise<string | null> {
  const row = await db.selectFrom('as_of_month').select('as_of_month').executeTakeFirst();
  return row?.as_of_month ?? null;
}

/** The checks of the last build, by name: what status shows, publish vouches for and checks.csv lists. */
export function lastBuildChecks(db: WarehouseDb) {
  return db
    .selectFrom('last_build_checks')
    .select(['check_name', 'severity', 'status', 'failures'])
    .orderBy('check_name');
}

/** Creates the bookkeeping tables when missing; safe to call on every open. */
export async function ensureSchema(wh: Warehouse): Promise<void> {
  await wh.run(`
    create sequence if not exists file_id_seq start 1;
    create table if not exists manifest (
      file_id integer primary key, delivery varchar not null, table_name varchar, file varchar not null,
      sha256 varchar not null, status varchar not null, rows_read bigint not null default 0,
      loaded bigint not null default 0, collapsed bigint not null default 0, quarantined bigint not null default 0,
      error varchar, ingested_at timestamp not null, run_id varchar not null, size bigint, mtime_ms double,
      error_code varchar
    );
    alter table manifest add column if not exists size bigint;
    alter table manifest add column if not exists mtime_ms double;
    alter table manifest add column if not exists error_code varchar;
    -- Files recorded before error_code: their error text starts with the code ("MISSING_COLUMN: …").
    update manifest set error_code = split_part(error, ':', 1)
      where error_code is null and status in ('rejected', 'skipped') and error is not null;
    create table if not exists quarantine (
      file_id integer not null, delivery varchar not null, table_name varchar not null, line bigint not null,
      reasons varchar not null, messages varchar not null, retry boolean not null,
      first_seen timestamp not null, last_retried timestamp, raw varchar, fields varchar[] not null,
      row_hash ubigint
    );
    alter table quarantine add column if not exists row_hash ubigint;
    create table if not exists runs (
      run_id varchar primary key, command varchar not null, started_at timestamp not null,
      finished_at timestamp, status varchar not null, summary varchar, error varchar
    );
    alter table runs add column if not exists trigger varchar;
    alter table runs add column if not exists attempt integer;
    alter table runs add column if not exists max_attempts integer;
    alter table runs add column if not exists job_id varchar;
    alter table runs add column if not exists worker varchar;
    alter table runs add column if not exists month varchar;
    alter table runs add column if not exists caused_by varchar;
    create table if not exists month_status (
      month varchar primary key, built_at timestamp, built_run_id varchar, published_at timestamp,
      published_run_id varchar, backfill_status varchar, backfill_at timestamp, backfill_run_id varchar,
      backfill_error varchar
    );
    create table if not exists run_steps (
      run_id varchar not null, step varchar not null, name varchar not null, rows bigint, seconds double not null,
      detail varchar
    );
    create table if not exists check_results (
      run_id varchar not null, check_name varchar not null, severity varchar not null, failures bigint not null,
      status varchar not null
    );
    create table if not exists model_state (
      model varchar primary key, sql_sha256 varchar not null, built_at timestamp not null
    );
    -- Files backed out by \`sa-outcomes withdraw\`: not loaded again unless they change (another sha256).
    create table if not exists withdrawn_files (
      delivery varchar not null, file varchar not null, sha256 varchar not null, size bigint, mtime_ms double,
      withdrawn_at timestamp not null, run_id varchar not null
    );
    create table if not exists ingest_log (
      run_id varchar not null, delivery varchar not null, file varchar, level varchar not null, message varchar not null
    );
    -- Funding parameter files that came with the extracts (funding/extract-parameters.ts), as last read.
    create table if not exists extract_funding_parameters (
      name varchar primary key, path varchar not null, text varchar not null
    );
  `);
  // The as-of month (extracts.md "Order of work"): the latest delivery whose cases and payments files are in
  // force (loaded or restated). A later delivery whose cases or payments file was rejected, or that has none,
  // does not move it. Every reader of the as-of month (models, seeds, publish, status) reads this view.
  await wh.run(`create or replace view as_of_month as
    select max(delivery) as as_of_month from (
      select delivery from manifest
      where table_name in ('cases', 'payments') and status in ('loaded', 'restated')
      group by delivery
      having count(distinct table_name) = 2
    )`);
  // The last build's checks: those of the latest run that recorded any. A build outside a recorded run (as in
  // tests) has no runs row; its checks count only when no recorded run has any, the latest-inserted first.
  // Every reader of the last build's checks (status, publish, checks.csv) reads this view.
  await wh.run(`create or replace view last_build_checks as
    with last_run as (
      select c.run_id from check_results as c left join runs as r using (run_id)
      order by r.started_at desc nulls last, c.rowid desc
      limit 1
    )
    select * from check_results where run_id = (select run_id from last_run)`);
  await typeTheHistory(wh);
  await checkRowHash(wh);
  for (const t of TABLE_NAMES) {
    await wh.run(`create table if not exists ${histTable(t)} ${histColumns(t)}`);
    // Every version ingest loaded, replaced or removed since the last build, with the columns in which it
    // differs from the version it replaced or was replaced by (null: a key new or gone, a version removed).
    await wh.run(
      `create table if not exists ${changesTable(t)} (${contractColumns(t)}, changed_columns varchar[])`,
    );
  }
  // A warehouse from before changes_* kept the changes in three tables of its own: build it whole once.
  const earlier = await wh.value<number>(
    `select count(*) from information_schema.tables where table_schema = 'main' and table_name = 'changed_payments'`,
  );
  if (earlier > 0) {
    await wh.run(`delete from model_state;
      drop table changed_payments; drop table if exists changed_cases; drop table if exists changed_case_details`);
  }
}

const contractColumns = (t: TableName): string =>
  TABLES[t].columns.map((c) => `${c.name} ${storedType(c)}`).join(', ');

/**
 * Every delivered version, typed (typed-columns.ts), with the hash of its delivered text and where it came
 * from; is_current marks the version from the latest delivery (like a dbt snapshot's open validity);
 * delivered_fields keeps the delivered text only where typing would not give it back.
 */
const histColumns = (t: TableName): string =>
  `(${contractColumns(t)}, row_hash ubigint not null, delivery varchar not null, file_id integer not null,
    line bigint not null, is_current boolean not null, delivered_fields varchar[])`;

/**
 * A warehouse from before typed history kept every column as text. Its versions are typed once, each with the
 * hash of its text (which is its delivered text), and so are the held rows' hashes; the pending changes are
 * dropped and the models built whole once.
 */
async function typeTheHistory(wh: Warehouse): Promise<void> {
  const text = await wh.value<number>(
    `select count(*) from information_schema.columns where table_schema = 'main' and table_name = 'hist_cases' and column_name = 'opened_on' and data_type = 'VARCHAR'`,
  );
  if (text === 0) return;
  await wh.transaction(async () => {
    for (const t of TABLE_NAMES) {
      const hist = histTable(t);
      await wh.run(`alter table ${hist} rename to _text_history;
      create table ${hist} ${histColumns(t)};
      insert into ${hist}
      select ${storedColumnsSql(t, 'h')}, ${rowHashSql(t, (c) => `h.${c}`)} as row_hash,
        delivery, file_id, line, is_current, ${deliveredFieldsSql(t, 'h')} as delivered_fields
      from _text_history h;
      drop table _text_history;
      drop table if exists ${changesTable(t)};`);
      await wh.run(
        `update quarantine set row_hash = ${rowHashSql(t, (_c, i) => `fields[${i}]`)} where table_name = $table`,
        { table: t },
      );
    }
    await wh.run(`delete from model_state`);
  });
}

// A fixed row, hashed as ingest hashes a row's delivered text (typed-columns.ts).
const HASH_PROBE = `hash('C1', null::varchar, '733.00')`;

/**
 * The history keeps a hash of each version's delivered text, and DuckDB does not promise that hash() stays the
 * same across its versions. The warehouse records the hash of a fixed row when it is made; a DuckDB that hashes
 * it otherwise would no longer find re-delivered rows identical, so ingest refuses it rather than count them
 * as new versions.
 */
async function checkRowHash(wh: Warehouse): Promise<void> {
  await wh.run(`create table if not exists row_hash_probe (hashed ubigint not null)`);
  const recorded = await wh.all<{ same: boolean }>(
    `select hashed = ${HASH_PROBE} as same from row_hash_probe`,
  );
  if (recorded.length === 0) await wh.run(`insert into row_hash_probe select ${HASH_PROBE}`);
  else if (!recorded[0]!.same)
    throw new Error(
      `${wh.path}: this DuckDB hashes rows otherwise than the one that made the warehouse, so re-delivered rows ` +
        `would no longer be found identical. Load the extracts again into a new warehouse (--warehouse NEW ingest), ` +
        `or use the DuckDB version of package-lock.json`,
    );
}
