// methodology.json: every measure's registry entry (with whether it has published rows yet), the groups
// and kinds in both languages, the funding parameters behind funding.csv (metadata.json's
// funding_parameters: illustrative defaults unless replaced) and the run stamp.
import { json, readFundingParameters, readMetadata, runLoader } from '../../lib/public.ts';
import { loadRegistry } from '../../lib/registry.ts';
import { PublicMeasures } from '../../lib/slices.ts';

runLoader('methodology.json', async () => {
  const { MEASURES, GROUPS, KINDS } = await loadRegistry();
  const measures = new PublicMeasures();
  const present = new Set(measures.ids());
  return json({
    metadata: readMetadata(),
    groups: GROUPS,
    kinds: KINDS,
    measures: MEASURES.map((m) => ({ ...m, latest: measures.latest(m.id), published: present.has(m.id) })),
    funding: readFundingParameters(),
  });
});
