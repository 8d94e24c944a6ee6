// The public tier's data-quality files, for the dashboards' data quality page (the site is built from
// OUT/public only). They are aggregates of the manifest, the quarantine and the last build's checks: row
// counts per delivery and table, never a row, a raw value, a file name or an error message (which can quote
// row content), so nothing in them identifies a person.
//
//   data_quality.csv  one row per delivery (reporting month) and file in force: its table (empty for a
//                     skipped file), status, rows read / loaded / collapsed / quarantined, the rows still in
//                     quarantine by reason, the day it was ingested and, for a rejected or skipped file, the
//                     error code only (UNREADABLE, MISSING_COLUMN, DUPLICATE_COLUMN, EMPTY_HEADER,
//                     UNKNOWN_FILE).
//   checks.csv        one row per check of the last build: name, severity, status and failing row count.
import { REASONS } from '../extracts/contract.ts';

export const DATA_QUALITY_COLUMNS = [
  'delivery',
  'table',
  'status',
  'rows_read',
  'loaded',
  'collapsed',
  'quarantined',
  ...REASONS.map((r) => r.toLowerCase()),
  'ingested_on',
  'error_code',
];

/** data_quality.csv, sorted by delivery, table, then ingestion order (skipped files have no table). */
export function dataQualitySql(): string {
  const byReason = REASONS.map(
    (r) => `coalesce(sum(q.rows) filter (where q.reason = '${r}'), 0)::bigint as ${r.toLowerCase()}`,
  ).join(',\n      ');
  return `with quarantined as (
    select file_id, reason, count(*) as rows
    from (select file_id, unnest(string_split(reasons, ';')) as reason from quarantine)
    group by file_id, reason
  ),
  final as (
    select m.delivery, m.table_name as "table", m.status,
      m.rows_read, m.loaded, m.collapsed, m.quarantined,
      ${byReason},
      strftime(m.ingested_at, '%Y-%m-%d') as ingested_on,
      m.error_code,
      m.file_id
    from manifest as m
    left join quarantined as q using (file_id)
    where m.status <> 'superseded'
    group by all
  )
  select ${DATA_QUALITY_COLUMNS.map((c) => `"${c}"`).join(', ')}
  from final
  order by delivery, "table" nulls last, file_id`;
}

/** checks.csv: the checks of the most recent build that ran any. */
export function checksSql(): string {
  return `with last_run as (
    -- (a build run outside the pipeline, as in tests, has no runs row: its checks still count)
    select c.run_id from check_results as c left join runs as r using (run_id)
    order by r.started_at desc nulls last limit 1
  )
  select check_name, severity, status, failures
  from check_results
  where run_id = (select run_id from last_run)
  order by check_name`;
}
