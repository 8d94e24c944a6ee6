// The monthly schedule is stated in Toronto time and run from an hourly UTC tick: the UTC hour it lands on
// moves with daylight saving time, and it runs exactly once a month.
import { describe, expect, it } from 'vitest';
import {
  MONTHLY_REBUILD,
  hourlyTickCron,
  isMonthlyTick,
  torontoWallClock,
  validateMonthlyTime,
  type MonthlyTime,
} from '../../../pipelines/schedule/toronto-time.ts';

/** The UTC instants, among the hourly ticks from `from` to `to`, that start the monthly work. */
function firings(t: MonthlyTime, from: string, to: string): string[] {
  const out: string[] = [];
  for (let ms = Date.parse(from) + t.minute * 60_000; ms < Date.parse(to); ms += 3_600_000) {
    if (isMonthlyTick(t, new Date(ms))) out.push(new Date(ms).toISOString().slice(0, 16));
  }
  return out;
}

describe('Toronto time', () => {
  it('reads the wall clock on both sides of a change', () => {
    // 2025-03-09: 02:00 EST becomes 03:00 EDT (07:00 UTC). 2025-11-02: 02:00 EDT becomes 01:00 EST (06:00 UTC).
    expect(torontoWallClock(new Date('2025-03-09T06:59Z'))).toBe('2025-03-09 01:59');
    expect(torontoWallClock(new Date('2025-03-09T07:00Z'))).toBe('2025-03-09 03:00');
    expect(torontoWallClock(new Date('2025-11-02T05:30Z'))).toBe('2025-11-02 01:30');
    expect(torontoWallClock(new Date('2025-11-02T06:30Z'))).toBe('2025-11-02 01:30');
  });

  it('runs the monthly rebuild at 03:00 Toronto: 08:00 UTC in winter, 07:00 UTC in summer', () => {
    expect(hourlyTickCron(MONTHLY_REBUILD)).toBe('0 * * * *');
    // March: EST on the 1st (before the 9 March change), EDT on 1 April.
    expect(firings(MONTHLY_REBUILD, '2025-02-20T00:00Z', '2025-04-10T00:00Z')).toEqual([
      '2025-03-01T08:00',
      '2025-04-01T07:00',
    ]);
    // November: EDT on 1 November (the change is on the 2nd), EST on 1 December.
    expect(firings(MONTHLY_REBUILD, '2025-10-20T00:00Z', '2025-12-10T00:00Z')).toEqual([
      '2025-11-01T07:00',
      '2025-12-01T08:00',
    ]);
  });

  it('runs once a month, every month of a year', () => {
    const all = firings(MONTHLY_REBUILD, '2026-01-01T00:00Z', '2027-01-01T00:00Z');
    expect(all).toHaveLength(12);
    expect(all.map((f) => torontoWallClock(new Date(`${f}Z`)).slice(8))).toEqual(Array(12).fill('01 03:00'));
  });

  it('on the change days: a skipped time runs just after the gap, a repeated one runs once', () => {
    // 02:30 does not exist on 9 March 2025: it runs at 03:30 EDT, the first tick after.
    expect(firings({ day: 9, hour: 2, minute: 30 }, '2025-03-01T00:00Z', '2025-04-01T00:00Z')).toEqual([
      '2025-03-09T07:30',
    ]);
    // 01:30 happens twice on 2 November 2025 (EDT, then EST): it runs at the first.
    expect(firings({ day: 2, hour: 1, minute: 30 }, '2025-11-01T00:00Z', '2025-12-01T00:00Z')).toEqual([
      '2025-11-02T05:30',
    ]);
    // Either side of the change days, 01:30 keeps its offset: EDT in October, EST in December.
    expect(firings({ day: 2, hour: 1, minute: 30 }, '2025-10-01T00:00Z', '2025-11-01T00:00Z')).toEqual([
      '2025-10-02T05:30',
    ]);
    expect(firings({ day: 2, hour: 1, minute: 30 }, '2025-12-01T00:00Z', '2026-01-01T00:00Z')).toEqual([
      '2025-12-02T06:30',
    ]);
  });

  it('refuses a day some months lack', () => {
    expect(() => validateMonthlyTime({ day: 31, hour: 3, minute: 0 })).toThrow(/day 1–28/);
  });
});
