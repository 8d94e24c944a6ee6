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
import { lastBuildChecks, type WarehouseDb } from '../warehouse-schema.ts';

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

/**
 * checks.csv: the checks of the last build, the query status and publish read (lastBuildChecks), as SQL for
 * COPY. It takes no parameters, so its SQL runs as it is.
 */
export function checksSql(db: WarehouseDb): string {
  return lastBuildChecks(db).compile().sql;
}
