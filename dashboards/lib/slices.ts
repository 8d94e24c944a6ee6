// Cuts the public measures into what one page needs (the data contract of src/components/data.ts):
// series over the period range for the trends, snapshot rows at a month for the rankings, and each
// measure's registry entry with its reference month. Loaders ship these slices, never the whole file.
import {
  LETTER_OF_STATUS,
  PROVINCE,
  type ManagerInfo,
  type MeasureInfo,
  type Series,
  type SeriesSet,
  type SnapshotRow,
} from '../src/components/data.ts';
import { KIND_RULES } from '../src/components/kinds.ts';
import { estCatchments, managerNames, readMeasures, serviceManagers, type MeasureRow } from './public.ts';
import type { MeasureDef } from './registry.ts';

/** Defined with the data contract (src/components/data.ts); the loaders read it from here. */
export { PROVINCE };

/** The public measures, indexed by measure. */
export class PublicMeasures {
  /** Every month of the period range, ascending. */
  readonly periods: string[];
  private readonly byMeasure = new Map<string, MeasureRow[]>();

  constructor(rows: readonly MeasureRow[] = readMeasures()) {
    const periods = new Set<string>();
    for (const r of rows) {
      periods.add(r.period);
      let list = this.byMeasure.get(r.measure_id);
      if (!list) this.byMeasure.set(r.measure_id, (list = []));
      list.push(r);
    }
    this.periods = [...periods].sort();
  }

  /** The measure ids that have at least one row. */
  ids(): string[] {
    return [...this.byMeasure.keys()];
  }

  rows(measure: string): readonly MeasureRow[] {
    return this.byMeasure.get(measure) ?? [];
  }

  /**
   * The reference month of a measure: the latest month whose Ontario row for both programs and all
   * breakdowns is final (ok or suppressed, not pending). A cohort measure's last months are pending,
   * so its reference month is earlier than the as-of month.
   */
  latest(measure: string): string | null {
    let latest: string | null = null;
    for (const r of this.rows(measure)) {
      if (r.service_manager !== PROVINCE || r.program !== 'ALL' || r.breakdown !== 'ALL') continue;
      if (r.status === 'pending') continue;
      if (latest === null || r.period > latest) latest = r.period;
    }
    return latest;
  }

  /** Series of the rows that `keep` selects, over the whole period range. */
  series(measures: readonly string[], keep: (r: MeasureRow) => boolean): SeriesSet {
    const index = new Map(this.periods.map((p, i) => [p, i]));
    const out = new Map<string, Series>();
    for (const measure of measures) {
      for (const r of this.rows(measure)) {
        if (!keep(r)) continue;
        const key = `${r.measure_id}|${r.service_manager}|${r.program}|${r.breakdown}`;
        let s = out.get(key);
        if (!s) {
          s = {
            measure: r.measure_id,
            geo: r.service_manager,
            program: r.program,
            breakdown: r.breakdown,
            value: this.periods.map(() => null),
            status: '-'.repeat(this.periods.length),
          };
          out.set(key, s);
        }
        const i = index.get(r.period) ?? 0;
        s.value[i] = r.status === 'ok' ? r.value : null;
        s.status = s.status.slice(0, i) + LETTER_OF_STATUS[r.status] + s.status.slice(i + 1);
      }
    }
    return { periods: this.periods, series: [...out.values()] };
  }

  /** The rows of both programs and breakdown ALL that `keep` selects, at the given months of each measure. */
  snapshot(
    measures: readonly string[],
    monthsOf: (measure: string) => readonly string[],
    keep: (r: MeasureRow) => boolean,
  ): SnapshotRow[] {
    const out: SnapshotRow[] = [];
    for (const measure of measures) {
      const months = new Set(monthsOf(measure));
      for (const r of this.rows(measure)) {
        if (!months.has(r.period) || r.program !== 'ALL' || r.breakdown !== 'ALL' || !keep(r)) continue;
        out.push({
          measure: r.measure_id,
          geo: r.service_manager,
          period: r.period,
          value: r.value,
          denominator: r.denominator,
          status: r.status,
        });
      }
    }
    return out;
  }

  /** A registry entry as the pages need it, with its reference month. */
  info(def: MeasureDef): MeasureInfo {
    return {
      id: def.id,
      group: def.group,
      kind: def.kind,
      better: def.better,
      breakdown: def.breakdown,
      cohortDays: def.cohortDays,
      money: def.moneyNumerator || KIND_RULES[def.kind].display === 'money',
      digits: def.digits ?? KIND_RULES[def.kind].displayDigits,
      title: def.title,
      description: def.description,
      nobody: def.nobody ?? null,
      latest: this.latest(def.id),
    };
  }
}

/** The reference month and the same month a year earlier (for the change on the year). */
export function referenceMonths(info: MeasureInfo): string[] {
  if (!info.latest) return [];
  const [y, m] = info.latest.split('-');
  return [info.latest, `${Number(y) - 1}-${m}`];
}

/** The 47 service managers with their Employment Services catchment. */
export function managerInfos(): ManagerInfo[] {
  const est = new Map(estCatchments().map((c) => [c.code, c]));
  return serviceManagers().map((sm) => {
    const c = est.get(sm.code);
    return {
      code: sm.code,
      name: managerNames(sm),
      type: sm.type,
      region: sm.region,
      catchment: c?.catchment ?? null,
      phase: c?.phase ?? null,
      estStart: c?.ies_start ? c.ies_start : null,
    };
  });
}

/**
 * A manager's peers: the other managers of the same type (CMSM or DSSAB) in the same region; where it
 * is the only one (Toronto, the one northern CMSM), the other managers of its type.
 */
export function peersOf(code: string, managers: readonly ManagerInfo[]): string[] {
  const self = managers.find((m) => m.code === code);
  if (!self) return [];
  const sameType = managers.filter((m) => m.code !== code && m.type === self.type);
  const sameRegion = sameType.filter((m) => m.region === self.region);
  return (sameRegion.length > 0 ? sameRegion : sameType).map((m) => m.code);
}
