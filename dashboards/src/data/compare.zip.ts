// compare.zip: one JSON file per measure (compare/caseload.json, …) for the compare page: every
// geography's series of the measure, every program, breakdown ALL.
import type { CompareData } from '../components/page-data.ts';
import { runLoader } from '../../lib/public.ts';
import { zipOf } from '../../lib/archive.ts';
import { loadRegistry } from '../../lib/registry.ts';
import { managerInfos, PublicMeasures } from '../../lib/slices.ts';

runLoader('compare.zip', async () => {
  const { MEASURES } = await loadRegistry();
  const measures = new PublicMeasures();
  const managers = managerInfos();
  return zipOf(
    MEASURES.map((def) => {
      const data: CompareData = {
        measure: measures.info(def),
        managers,
        series: measures.series([def.id], (r) => r.breakdown === 'ALL'),
      };
      return [`${def.id}.json`, JSON.stringify(data)];
    }),
  );
});
