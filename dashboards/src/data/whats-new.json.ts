// whats-new.json: what changed since the last release, summarised for the "What's new" page from the public
// changes.csv (pipelines/publish/open-data/changes.ts), datapackage.json (which release it compares with)
// and data_quality.csv (the deliveries restated since). Each part is null when the public folder predates it.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  json,
  managerNames,
  publicDir,
  readMetadata,
  readOptionalCsv,
  runLoader,
  serviceManagers,
} from '../../lib/public.ts';
import { summarizeChanges } from '../../lib/changes.ts';
import { loadRegistry } from '../../lib/registry.ts';

/** The revised figures the page lists one by one; changes.csv has them all. */
const LISTED = 200;

runLoader('whats-new.json', async () => {
  const metadata = readMetadata();
  const packagePath = join(publicDir(), 'datapackage.json');
  const pkg = existsSync(packagePath)
    ? (JSON.parse(readFileSync(packagePath, 'utf8')) as {
        version: string;
        changes_since: { version: string; created: string } | null;
      })
    : null;
  const changes = readOptionalCsv('changes.csv');
  const restatedSince = pkg?.changes_since?.created?.slice(0, 10) ?? null;
  const restated = (readOptionalCsv('data_quality.csv') ?? [])
    .filter((r) => r.status === 'restated' && restatedSince !== null && (r.ingested_on ?? '') >= restatedSince)
    .map((r) => ({ delivery: r.delivery ?? '', table: r.table ?? '' }));
  const { MEASURES } = await loadRegistry();
  const names = Object.fromEntries(serviceManagers().map((sm) => [sm.code, managerNames(sm)]));
  return json({
    metadata,
    version: pkg?.version ?? null,
    since: pkg?.changes_since ?? null,
    restated,
    groups:
      changes &&
      summarizeChanges(
        changes.map((r) => ({
          file: r.file ?? '',
          change: r.change ?? '',
          period: r.period ?? '',
          service_manager: r.service_manager ?? '',
        })),
      ),
    revised:
      changes &&
      changes
        .filter((r) => r.change === 'revised' && r.file === 'measures.csv')
        .slice(0, LISTED)
        .map((r) => ({
          measure: r.measure_id ?? '',
          period: r.period ?? '',
          manager: r.service_manager ?? '',
          program: r.program ?? '',
          breakdown: r.breakdown ?? '',
          before: r.old_value || null,
          after: r.new_value || null,
        })),
    revisedTotal: changes && changes.filter((r) => r.change === 'revised' && r.file === 'measures.csv').length,
    titles: Object.fromEntries(MEASURES.map((m) => [m.id, m.title])),
    names,
  });
});
