// methodology.json: every measure's registry entry (with whether it has published rows yet), the groups
// and kinds in both languages, the funding parameter files (data/reference/funding/*.json, illustrative
// defaults) and the run stamp.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { json, readMetadata, referenceDir, runLoader } from '../../lib/public.ts';
import { loadRegistry } from '../../lib/registry.ts';
import { PublicMeasures } from '../../lib/slices.ts';

function fundingParameters(): { file: string; parameters: unknown }[] {
  const dir = join(referenceDir(), 'funding');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => ({ file, parameters: JSON.parse(readFileSync(join(dir, file), 'utf8')) as unknown }));
}

runLoader('methodology.json', async () => {
  const { MEASURES, GROUPS, KINDS } = await loadRegistry();
  const measures = new PublicMeasures();
  const present = new Set(measures.ids());
  return json({
    metadata: readMetadata(),
    groups: GROUPS,
    kinds: KINDS,
    measures: MEASURES.map((m) => ({ ...m, latest: measures.latest(m.id), published: present.has(m.id) })),
    funding: fundingParameters(),
  });
});
