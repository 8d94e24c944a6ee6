// managers.zip: one JSON file per service manager (managers/TOR.json, …) for its page and council report:
// every measure's series for the manager and for Ontario (both programs, breakdown ALL; the caseload by
// program too), its peers' figures at each measure's reference month and a year before, and its funding
// rows. Nothing the page does not draw: the page must stay light (spec: no page over 1.5 MB).
import { LETTER_OF_STATUS, type MeasureInfo, type PeerFigures } from '../components/data.ts';
import type { FundingRow } from '../components/funding-data.ts';
import type { ManagerData } from '../components/page-data.ts';
import { readOptionalCsv, runLoader, type MeasureRow } from '../../lib/public.ts';
import { zipOf } from '../../lib/archive.ts';
import { loadRegistry } from '../../lib/registry.ts';
import { managerInfos, peersOf, PROVINCE, PublicMeasures } from '../../lib/slices.ts';
import { fundingRows } from '../../lib/funding.ts';

/** Each measure's figure for every peer at the measure's reference month, in the peers' order. */
function peerFigures(measures: PublicMeasures, infos: readonly MeasureInfo[], peers: readonly string[]): PeerFigures[] {
  return infos.flatMap((info) => {
    if (!info.latest) return [];
    const at = new Map(
      measures
        .snapshot([info.id], () => [info.latest ?? ''], (r) => peers.includes(r.service_manager))
        .map((r) => [r.geo, r]),
    );
    const rows = peers.map((code) => at.get(code));
    return [
      {
        measure: info.id,
        value: rows.map((r) => (r?.status === 'ok' ? r.value : null)),
        denominator: rows.map((r) => (r?.status === 'ok' ? r.denominator : null)),
        status: rows.map((r) => (r ? LETTER_OF_STATUS[r.status] : '-')).join(''),
      },
    ];
  });
}

runLoader('managers.zip', async () => {
  const { MEASURES, GROUPS } = await loadRegistry();
  const measures = new PublicMeasures();
  const managers = managerInfos();
  const infos = MEASURES.map((m) => measures.info(m));
  const ids = infos.map((i) => i.id);
  const funding = fundingRows(readOptionalCsv('funding.csv'));
  /** What the page draws: both programs, and the caseload's trend by program. */
  const drawn = (r: MeasureRow) => r.breakdown === 'ALL' && (r.program === 'ALL' || r.measure_id === 'caseload');
  // Ontario's series are the same in every file: cut once.
  const province = measures.series(ids, (r) => r.service_manager === PROVINCE && drawn(r));
  const files: [string, string][] = [];
  for (const manager of managers) {
    const peers = peersOf(manager.code, managers);
    const own = measures.series(ids, (r) => r.service_manager === manager.code && drawn(r));
    const data: ManagerData = {
      manager,
      groups: Object.entries(GROUPS).map(([id, title]) => ({ id, title })),
      peers: managers.filter((m) => peers.includes(m.code)),
      measures: infos,
      series: { periods: measures.periods, series: [...own.series, ...province.series] },
      peerFigures: peerFigures(measures, infos, peers),
      funding: funding && funding.filter((f: FundingRow) => f[1] === manager.code),
    };
    files.push([`${manager.code}.json`, JSON.stringify(data)]);
  }
  return zipOf(files);
});
