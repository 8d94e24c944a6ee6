// The data contract between the data loaders (src/data/*.ts, run in Node at build time) and the pages:
// the shapes the loaders' files are made of (measures, managers, series, figures; the files themselves are in
// page-data.ts, the funding rows in funding-data.ts), and the helpers both sides use to read them.
// Files hold aggregates only, already suppressed and rounded in the public tier (measures.md).
import { monthsBefore, type Text } from './i18n.js';
import { KIND_RULES } from './kinds.js';
// Types only (erased in the bundle): the registry's shapes, not redeclared here.
import type { Kind } from '../../../pipelines/measures/registry.ts';
import type { MeasureStatus as Status } from '../../../pipelines/measures/measure-row.ts';

export type { Kind, Status, Text };

/** The province's service_manager code in the public files. */
export const PROVINCE = 'ON';

/** What a page needs to know about a measure (from the registry, plus where its data stands). */
export interface MeasureInfo {
  id: string;
  group: string;
  kind: Kind;
  better: 'up' | 'down' | 'neither';
  breakdown: string | null;
  cohortDays: number | null;
  /** Money: figures in dollars. */
  money: boolean;
  /** Decimals shown: the registry's for the measure, else its kind's. */
  digits: number;
  title: Text;
  description: Text;
  /** A month whose group is empty, in words ("no cases closed this month"); null for counts and totals. */
  nobody: Text | null;
  /**
   * The reference month: the latest month whose Ontario figure (both programs) is final, i.e. neither
   * pending nor missing. null when the measure has no published row yet ("no data yet").
   */
  latest: string | null;
}

export interface ManagerInfo {
  code: string;
  /** In both languages (data/reference/service_managers.csv: name, name_fr); show it with pick(name, lang). */
  name: Text;
  type: string;
  region: string;
  /** The Employment Services catchment (data/reference/est_catchments.csv), when there is one. */
  catchment: string | null;
  phase: string | null;
  /** The day Employment Services started in the catchment (YYYY-MM-DD), null when not yet. */
  estStart: string | null;
}

/** One measure's figures for a manager's peers at its reference month, in the order of ManagerData.peers. */
export interface PeerFigures {
  measure: string;
  value: (number | null)[];
  /** The published denominators (null where the kind has none or the row is not published). */
  denominator: (number | null)[];
  /** One status letter per peer, as in Series. */
  status: string;
}

/** Series.status letters, one per period. '-' means no row for that month. */
export const STATUS_OF_LETTER: Record<string, Status | null> = {
  o: 'ok',
  s: 'suppressed',
  p: 'pending',
  n: 'no_data',
  '-': null,
};
export const LETTER_OF_STATUS: Record<Status, string> = {
  ok: 'o',
  suppressed: 's',
  pending: 'p',
  no_data: 'n',
};

/** One measure's monthly figures for one geography (a code or ON), program and breakdown. */
export interface Series {
  measure: string;
  geo: string;
  program: string;
  breakdown: string;
  /** One value per period of the set; null unless the status is ok. */
  value: (number | null)[];
  /** One letter per period: o ok, s suppressed, p pending, n no data, - no row. */
  status: string;
}

/** Series over one shared list of months. */
export interface SeriesSet {
  periods: string[];
  series: Series[];
}

/**
 * One published row at one month, both programs, breakdown ALL (rankings and peers): only what a
 * ranking shows, as these come by the hundred.
 */
export interface SnapshotRow {
  measure: string;
  geo: string;
  period: string;
  value: number | null;
  /** The published denominator (null where the kind has none or the row is not published). */
  denominator: number | null;
  status: Status;
}

/** A figure: its value when published, otherwise the status that stands in for it. */
export interface Figure {
  value: number | null;
  /** null: no row at all for that month. */
  status: Status | null;
  /** The published denominator, where the page has it (peers' figures): the size of the group. */
  denominator?: number | null;
}

export const NO_FIGURE: Figure = { value: null, status: null };

export function seriesKey(s: { measure: string; geo: string; program: string; breakdown: string }): string {
  return `${s.measure}|${s.geo}|${s.program}|${s.breakdown}`;
}

/** Looks series up by measure, geography, program and breakdown. */
export class SeriesIndex {
  readonly periods: string[];
  private readonly byKey: Map<string, Series>;
  private readonly periodIndex: Map<string, number>;

  constructor(set: SeriesSet) {
    this.periods = set.periods;
    this.byKey = new Map(set.series.map((s) => [seriesKey(s), s]));
    this.periodIndex = new Map(set.periods.map((p, i) => [p, i]));
  }

  get(measure: string, geo: string, program = 'ALL', breakdown = 'ALL'): Series | undefined {
    return this.byKey.get(seriesKey({ measure, geo, program, breakdown }));
  }

  all(): Series[] {
    return [...this.byKey.values()];
  }

  /** The figure of a series at a month. */
  figure(series: Series | undefined, period: string | null): Figure {
    if (!series || period === null) return NO_FIGURE;
    const i = this.periodIndex.get(period);
    if (i === undefined) return NO_FIGURE;
    return { value: series.value[i] ?? null, status: STATUS_OF_LETTER[series.status[i] ?? '-'] ?? null };
  }

  /**
   * A breakdown value's figure at a month. A count's or total's breakdown value with nothing in it may be
   * omitted (measures.md): where the month's ALL row is there, a missing breakdown row is a real 0.
   */
  breakdownFigure(
    info: Pick<MeasureInfo, 'id' | 'kind'>,
    geo: string,
    breakdown: string,
    period: string,
  ): Figure {
    const own = this.figure(this.get(info.id, geo, 'ALL', breakdown), period);
    if (own.status !== null || breakdown === 'ALL' || !KIND_RULES[info.kind].zeroRows) return own;
    return this.figure(this.get(info.id, geo), period).status === null ? own : { value: 0, status: 'ok' };
  }

  /** The breakdown values a measure has for a geography and program, ALL excluded, in file order. */
  breakdowns(measure: string, geo: string, program = 'ALL'): string[] {
    return this.all()
      .filter((s) => s.measure === measure && s.geo === geo && s.program === program && s.breakdown !== 'ALL')
      .map((s) => s.breakdown);
  }

  /** Month-by-month points of a series: every period of the set, with its figure. */
  points(series: Series | undefined): { period: string; figure: Figure }[] {
    return this.periods.map((period) => ({ period, figure: this.figure(series, period) }));
  }
}

/** The same month a year earlier. */
export const yearBefore = (period: string): string => monthsBefore(period, 12);

/** Change on the year: a difference in points for percentages and rates per 100, else a relative change. */
export interface Change {
  /** 'points' (rate, per100) or 'percent' (a relative change of the others). */
  unit: 'points' | 'percent';
  amount: number;
  since: string;
}

export function changeOnYear(kind: Kind, now: Figure, before: Figure, since: string): Change | null {
  if (now.status !== 'ok' || before.status !== 'ok' || now.value === null || before.value === null)
    return null;
  if (KIND_RULES[kind].changeOnYear === 'points')
    return { unit: 'points', amount: now.value - before.value, since };
  if (before.value === 0) return null;
  return { unit: 'percent', amount: (100 * (now.value - before.value)) / Math.abs(before.value), since };
}

/**
 * Whether a figure stands on the same scale in every place, so that Ontario's, a peer median or a rank can be
 * set beside it: not when the kind's value is its numerator (a count, a dollar total), which grows with the
 * size of the place (Ontario's is the sum over all the managers; Toronto's caseload is a third of it).
 */
export const comparesAcrossPlaces = (kind: Kind): boolean => KIND_RULES[kind].value !== 'numerator';

/** A peer comparison needs at least this many peers with a comparable figure (below, "too few peers"). */
export const MIN_PEERS_COMPARED = 3;
/** A peer's figure is compared only when its group (its published denominator) is at least this large. */
export const MIN_DENOMINATOR_COMPARED = 10;

/**
 * A figure that can stand in a comparison: published, and (where it has a denominator) made from a group of
 * at least MIN_DENOMINATOR_COMPARED. A rate recomputed from rounded small counts (10 of 10: 100.0 %) says
 * little about a manager and would pull a median to 0 or 100 %.
 */
export function comparable(f: Figure): f is Figure & { value: number } {
  if (f.status !== 'ok' || f.value === null) return false;
  return f.denominator === undefined || f.denominator === null || f.denominator >= MIN_DENOMINATOR_COMPARED;
}

/** A manager against its peers on one measure: the peers' median and its rank, or why there is none. */
export type PeerComparison =
  | {
      median: number;
      medianOf: number;
      rank: number | null;
      rankOf: number;
      /** How many of the peers have the manager's own figure (0 without a rank). */
      tiedWith: number;
    }
  | { unavailable: 'size' | 'too_few' };

/**
 * The one place where a manager is set against its peers. Counts and dollar totals are not compared (they
 * grow with size). Only comparable figures count, and at least MIN_PEERS_COMPARED peers must have one. The
 * rank is among the manager and those peers, best first, and only where one direction is better and the
 * manager's own figure is comparable; ties share the better rank.
 */
export function comparePeers(
  info: Pick<MeasureInfo, 'kind' | 'better'>,
  own: Figure,
  peers: readonly Figure[],
): PeerComparison {
  if (!comparesAcrossPlaces(info.kind)) return { unavailable: 'size' };
  const values = peers.filter(comparable).map((f) => f.value);
  if (values.length < MIN_PEERS_COMPARED) return { unavailable: 'too_few' };
  const m = median(values)!;
  if (info.better === 'neither' || !comparable(own))
    return { median: m, medianOf: values.length, rank: null, rankOf: values.length + 1, tiedWith: 0 };
  const ahead = values.filter((v) => (info.better === 'up' ? v > own.value : v < own.value)).length;
  const tiedWith = values.filter((v) => v === own.value).length;
  return { median: m, medianOf: values.length, rank: ahead + 1, rankOf: values.length + 1, tiedWith };
}

/** Is a change better, worse or neither, given the measure's better direction? */
export function verdict(better: MeasureInfo['better'], change: Change | null): 'better' | 'worse' | null {
  if (!change || better === 'neither' || Math.abs(change.amount) < 0.05) return null;
  return change.amount > 0 === (better === 'up') ? 'better' : 'worse';
}

/** The median of the published values (mean of the two middle ones when even), or null. */
export function median(values: readonly (number | null)[]): number | null {
  const xs = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
  if (xs.length === 0) return null;
  const mid = Math.floor(xs.length / 2);
  return xs.length % 2 ? (xs[mid] ?? null) : ((xs[mid - 1] ?? 0) + (xs[mid] ?? 0)) / 2;
}

/** Counts behind a rate, month by month (pooled group rates, funnels). */
export interface Fraction {
  measure: string;
  geo: string;
  program: string;
  breakdown: string;
  numerator: (number | null)[];
  denominator: (number | null)[];
}
