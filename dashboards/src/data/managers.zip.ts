// managers.zip: one JSON file per service manager (managers/TOR.json, …) for its page and council report:
// every measure's series for the manager (every program and breakdown) and for Ontario (breakdown ALL),
// its peers' figures at each measure's reference month and a year before, and its funding rows.
import type { FundingRow, ManagerData } from '../components/data.ts';
import { readOptionalCsv, runLoader } from '../../lib/public.ts';
import { zipOf } from '../../lib/archive.ts';
import { loadRegistry } from '../../lib/registry.ts';
import { managerInfos, peersOf, PROVINCE, PublicMeasures, referenceMonths } from '../../lib/slices.ts';
import { fundingRows } from '../../lib/funding.ts';

runLoader('managers.zip', async () => {
  const { MEASURES, GROUPS } = await loadRegistry();
  const measures = new PublicMeasures();
  const managers = managerInfos();
  const infos = MEASURES.map((m) => measures.info(m));
  const ids = infos.map((i) => i.id);
  const months = new Map(infos.map((i) => [i.id, referenceMonths(i)]));
  const funding = fundingRows(readOptionalCsv('funding.csv'));
  // Ontario's series are the same in every file: cut once.
  const province = measures.series(ids, (r) => r.service_manager === PROVINCE && r.breakdown === 'ALL');
  const files: [string, string][] = [];
  for (const manager of managers) {
    const peers = peersOf(manager.code, managers);
    const own = measures.series(ids, (r) => r.service_manager === manager.code);
    const data: ManagerData = {
      manager,
      groups: Object.entries(GROUPS).map(([id, title]) => ({ id, title })),
      peers: managers.filter((m) => peers.includes(m.code)),
      measures: infos,
      series: { periods: measures.periods, series: [...own.series, ...province.series] },
      peerRows: measures.snapshot(
        ids,
        (id) => months.get(id) ?? [],
        (r) => peers.includes(r.service_manager) && r.program === 'ALL' && r.breakdown === 'ALL',
      ),
      funding: funding && funding.filter((f: FundingRow) => f[1] === manager.code || f[1] === PROVINCE),
    };
    files.push([`${manager.code}.json`, JSON.stringify(data)]);
  }
  return zipOf(files);
});
