// topics.zip: one JSON file per topic page (topics/employment.json, …; src/components/site.ts TOPICS):
// Ontario's series of the topic's measures (by program, and by breakdown value for both programs),
// every manager's figure at each measure's reference month and a year before, and the counts behind the
// rates a topic pools: the Employment Services comparison (every manager) and the referral funnel
// (Ontario). Nothing the page does not draw: the page must stay light (spec: no page over 1.5 MB).
import type { Fraction, SeriesSet } from '../components/data.ts';
import type { TopicData } from '../components/page-data.ts';
import { EST_MEASURES, FUNNEL_MEASURES, TOPICS } from '../components/site.ts';
import { runLoader } from '../../lib/public.ts';
import { zipOf } from '../../lib/archive.ts';
import { loadRegistry } from '../../lib/registry.ts';
import { managerInfos, PROVINCE, PublicMeasures, referenceMonths } from '../../lib/slices.ts';
import type { MeasureRow } from '../../lib/public.ts';

/** Numerators and denominators of the selected rows, as series over the period range. */
function fractions(
  measures: PublicMeasures,
  ids: readonly string[],
  keep: (r: MeasureRow) => boolean,
): Fraction[] {
  const index = new Map(measures.periods.map((p, i) => [p, i]));
  const out = new Map<string, Fraction>();
  for (const id of ids) {
    for (const r of measures.rows(id)) {
      if (!keep(r) || r.status !== 'ok' || r.denominator === null) continue;
      const key = `${r.measure_id}|${r.service_manager}|${r.program}|${r.breakdown}`;
      let f = out.get(key);
      if (!f) {
        const empty = () => measures.periods.map(() => null);
        f = {
          measure: id,
          geo: r.service_manager,
          program: r.program,
          breakdown: r.breakdown,
          numerator: empty(),
          denominator: empty(),
        };
        out.set(key, f);
      }
      const i = index.get(r.period) ?? 0;
      f.numerator[i] = r.numerator;
      f.denominator[i] = r.denominator;
    }
  }
  return [...out.values()];
}

runLoader('topics.zip', async () => {
  const { MEASURES, GROUPS } = await loadRegistry();
  const measures = new PublicMeasures();
  const managers = managerInfos();
  const files: [string, string][] = [];
  for (const [topic, groups] of Object.entries(TOPICS)) {
    const defs = MEASURES.filter((m) => (groups as readonly string[]).includes(m.group));
    const infos = defs.map((m) => measures.info(m));
    const ids = infos.map((i) => i.id);
    const months = new Map(infos.map((i) => [i.id, referenceMonths(i)]));
    const province: SeriesSet = measures.series(
      ids,
      (r) => r.service_manager === PROVINCE && (r.breakdown === 'ALL' || r.program === 'ALL'),
    );
    const est = topic === 'employment' ? EST_MEASURES.filter((id) => ids.includes(id)) : [];
    const funnel = new Set<string>([FUNNEL_MEASURES.readyReferred, FUNNEL_MEASURES.connected]);
    const data: TopicData = {
      topic,
      groups: groups.map((g) => ({ id: g, title: GROUPS[g as keyof typeof GROUPS] ?? { en: g, fr: g } })),
      measures: infos,
      province,
      managers,
      snapshot: measures.snapshot(
        ids,
        (id) => months.get(id) ?? [],
        (r) => r.service_manager !== PROVINCE,
      ),
      fractions: [
        ...fractions(
          measures,
          ids.filter((id) => funnel.has(id)),
          (r) =>
            r.service_manager === PROVINCE &&
            r.program === 'ALL' &&
            (r.breakdown === 'ALL' || r.breakdown === FUNNEL_MEASURES.eo),
        ),
        ...fractions(
          measures,
          est,
          (r) => r.service_manager !== PROVINCE && r.program === 'ALL' && r.breakdown === 'ALL',
        ),
      ],
    };
    files.push([`${topic}.json`, JSON.stringify(data)]);
  }
  return zipOf(files);
});
