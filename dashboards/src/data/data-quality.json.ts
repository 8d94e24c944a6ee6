// data-quality.json: the public data-quality files (data_quality.csv, checks.csv; see
// pipelines/publish/data-quality.ts) and the run stamp, for the data quality page. Each part is null
// when the public folder predates it.
import { json, readMetadata, readOptionalCsv, runLoader } from '../../lib/public.ts';
import { contractTables } from '../../lib/registry.ts';

const num = (s: string | undefined): number => Number(s ?? 0);

runLoader('data-quality.json', async () => {
  const metadata = readMetadata();
  const tables = await contractTables();
  const files = readOptionalCsv('data_quality.csv');
  const checks = readOptionalCsv('checks.csv');
  return json({
    metadata,
    tables,
    files:
      files &&
      files.map((r) => ({
        delivery: r.delivery ?? '',
        table: r.table ?? '',
        status: r.status ?? '',
        rowsRead: num(r.rows_read),
        loaded: num(r.loaded),
        collapsed: num(r.collapsed),
        quarantined: num(r.quarantined),
        reasons: Object.fromEntries(
          ['missing_required', 'bad_type', 'bad_code', 'rule_violation', 'key_conflict', 'unknown_case'].map(
            (k) => [k.toUpperCase(), num(r[k])],
          ),
        ),
        ingestedOn: r.ingested_on ?? '',
        errorCode: r.error_code || null,
      })),
    checks:
      checks &&
      checks.map((r) => ({
        name: r.check_name ?? '',
        severity: r.severity ?? '',
        status: r.status ?? '',
        failures: num(r.failures),
      })),
  });
});
