// The schedule is stated in Toronto time; graphile-worker's cron runs in UTC only.
//
// Toronto is UTC−5 in winter and UTC−4 in summer, so "03:00 Toronto" is 08:00 UTC in January and 07:00 UTC
// in July. Rather than write a UTC crontab that is right for half the year, the crontab runs a small tick
// task every hour at the configured minute, UTC (Toronto's offsets are whole hours, so every Toronto :MM is
// some UTC :MM). The tick asks Intl what Toronto's wall clock read at its own scheduled instant and starts
// the work on the first tick at or after the configured Toronto time. "First at or after" settles the two
// awkward days: in March, a time inside the skipped hour (02:30) runs at 03:30 EDT, the first hour after the
// gap; in November, a time in the repeated hour (01:30) runs once, at its first (EDT) occurrence.
export const TIME_ZONE = 'America/Toronto';

/** A day of the month and a Toronto wall-clock time. */
export interface MonthlyTime {
  /** 1–28, so that every month has it. */
  day: number;
  hour: number;
  minute: number;
}

/** The monthly full rebuild and republish: the 1st of every month at 03:00 Toronto time. */
export const MONTHLY_REBUILD: MonthlyTime = { day: 1, hour: 3, minute: 0 };

/** The crontab line (UTC) of the hourly tick for a monthly time. */
export const hourlyTickCron = (t: MonthlyTime): string => `${t.minute} * * * *`;

const wallClockFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** Toronto's wall clock at an instant, as `YYYY-MM-DD HH:MM` (so that text order is time order). */
export function torontoWallClock(at: Date): string {
  const p = Object.fromEntries(wallClockFormat.formatToParts(at).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** Whether the hourly tick at `at` is the one that starts this month's work (see the top of this file). */
export function isMonthlyTick(t: MonthlyTime, at: Date): boolean {
  const now = torontoWallClock(at);
  const target = `${now.slice(0, 8)}${pad(t.day)} ${pad(t.hour)}:${pad(t.minute)}`;
  const hourBefore = torontoWallClock(new Date(at.getTime() - 3_600_000));
  return now >= target && hourBefore < target;
}

/** Checks a monthly time; throws a message saying what is wrong. */
export function validateMonthlyTime(t: MonthlyTime): MonthlyTime {
  const ok =
    Number.isInteger(t.day) &&
    t.day >= 1 &&
    t.day <= 28 &&
    Number.isInteger(t.hour) &&
    t.hour >= 0 &&
    t.hour <= 23 &&
    Number.isInteger(t.minute) &&
    t.minute >= 0 &&
    t.minute <= 59;
  if (!ok) throw new Error(`a monthly time needs day 1–28, hour 0–23, minute 0–59; got ${JSON.stringify(t)}`);
  return t;
}
