// Demo generator, calendar: dates are whole days since 1970-01-01 (UTC), formatted through a cache
// because the same few thousand dates are written tens of millions of times.
import { ODSP_INDEXED_FROM, TREND_BASE } from './parameters.ts';

const DAY_MS = 86_400_000;
export const DAY_S = 86_400;
export const dayOf = (y: number, m: number, d: number): number => Math.round(Date.UTC(y, m - 1, d) / DAY_MS);
const DATE_BASE = dayOf(1900, 1, 1);
const DATE_CACHE: string[] = new Array<string>(dayOf(2200, 1, 1) - DATE_BASE).fill('');

export function dateStr(day: number): string {
  const s = DATE_CACHE[day - DATE_BASE];
  if (s) return s;
  const made = new Date(day * DAY_MS).toISOString().slice(0, 10);
  DATE_CACHE[day - DATE_BASE] = made;
  return made;
}

export const parseDate = (s: string): number => dayOf(+s.slice(0, 4), +s.slice(5, 7), +s.slice(8, 10));
export const yearOf = (day: number): number => new Date(day * DAY_MS).getUTCFullYear();
/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
const weekday = (day: number): number => (((day + 4) % 7) + 7) % 7;
export const pad2 = (n: number): string => (n < 10 ? '0' : '') + n;

/** `YYYY-MM-DDTHH:MM:SS` for seconds since 1970-01-01 on the local (Toronto) clock. */
export function timestampStr(sec: number): string {
  const day = Math.floor(sec / DAY_S);
  const s = sec - day * DAY_S;
  return `${dateStr(day)}T${pad2(Math.floor(s / 3600))}:${pad2(Math.floor(s / 60) % 60)}:${pad2(s % 60)}`;
}

/** Moves a weekend day to the nearest weekday inside [lo, hi] (offices work Monday to Friday). */
export function workday(day: number, lo: number, hi: number): number {
  const w = weekday(day);
  if (w === 6) return day - 1 >= lo ? day - 1 : day + 2 <= hi ? day + 2 : day;
  if (w === 0) return day + 1 <= hi ? day + 1 : day - 2 >= lo ? day - 2 : day;
  return day;
}

export interface Month {
  t: number;
  /** `YYYY-MM` */
  str: string;
  /** year * 12 + month - 1 */
  num: number;
  start: number;
  end: number;
  /** Regular payments for the benefit month are issued on its first weekday. */
  payday: number;
  odspIndexed: boolean;
  /** Months since January 2023, for shares that rise over time. */
  trend: number;
}

export class Calendar {
  private readonly cache = new Map<number, Month>();
  readonly startNum: number;

  constructor(start: string) {
    this.startNum = +start.slice(0, 4) * 12 + +start.slice(5, 7) - 1;
  }

  /** Month t of the run (t = 0 is the first delivery; negative t are before it). */
  month(t: number): Month {
    let m = this.cache.get(t);
    if (m) return m;
    const num = this.startNum + t;
    const y = Math.floor(num / 12);
    const mo = (num % 12) + 1;
    const start = dayOf(y, mo, 1);
    const end = dayOf(y, mo + 1, 1) - 1;
    let payday = start;
    while (weekday(payday) === 0 || weekday(payday) === 6) payday++;
    m = {
      t,
      str: `${y}-${pad2(mo)}`,
      num,
      start,
      end,
      payday,
      odspIndexed: num >= ODSP_INDEXED_FROM,
      trend: Math.max(0, num - TREND_BASE),
    };
    this.cache.set(t, m);
    return m;
  }

  /** The run's month index of a day. */
  indexOf(day: number): number {
    const d = new Date(day * DAY_MS);
    return d.getUTCFullYear() * 12 + d.getUTCMonth() - this.startNum;
  }
}
