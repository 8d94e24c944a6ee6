// overview.json: the province overview's data — Ontario's monthly series of the headline measures
// (every program, breakdown ALL), and every service manager's figure for the key outcomes (and the
// caseload, for the list of managers) at each measure's reference month and a year before.
import type { OverviewData } from '../components/page-data.ts';
import { HEADLINE_MEASURES, KEY_OUTCOMES } from '../components/site.ts';
import { json, runLoader } from '../../lib/public.ts';
import { loadRegistry } from '../../lib/registry.ts';
import { managerInfos, PROVINCE, PublicMeasures, referenceMonths } from '../../lib/slices.ts';

runLoader('overview.json', async () => {
  const { MEASURES } = await loadRegistry();
  const measures = new PublicMeasures();
  const known = new Set(MEASURES.map((m) => m.id));
  const headline = HEADLINE_MEASURES.filter((id) => known.has(id));
  const outcomes = KEY_OUTCOMES.filter((id) => known.has(id));
  const ranking = outcomes.length > 0 ? outcomes : headline;
  const shown = new Set([...headline, ...ranking, 'caseload']);
  const infos = MEASURES.filter((m) => shown.has(m.id)).map((m) => measures.info(m));
  const months = new Map(infos.map((i) => [i.id, referenceMonths(i)]));
  const data: OverviewData = {
    measures: infos,
    headline,
    ranking,
    // The caseload is drawn by program, the other measures for both programs together.
    province: measures.series(
      [...new Set([...headline, ...ranking])],
      (r) =>
        r.service_manager === PROVINCE &&
        r.breakdown === 'ALL' &&
        (r.program === 'ALL' || r.measure_id === 'caseload'),
    ),
    managers: managerInfos(),
    snapshot: measures.snapshot(
      [...new Set([...ranking, 'caseload'])].filter((id) => known.has(id)),
      (id) => months.get(id) ?? [],
      (r) => r.service_manager !== PROVINCE,
    ),
  };
  return json(data);
});
