// Display formats shared by the pages. Suppressed cells read "suppressed", never 0.

export type Status = 'ok' | 'no_data' | 'pending' | 'suppressed';

export function asStatus(s: string | undefined): Status {
  return s === 'no_data' || s === 'pending' || s === 'suppressed' ? s : 'ok';
}

/** "2025-03" → "March 2025" (computed in UTC, so the browser's time zone cannot shift it). */
export function monthName(period: string): string {
  const [y, m] = period.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, 1)).toLocaleDateString('en-CA', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** The month `n` months before `period` (YYYY-MM). */
export function monthsBefore(period: string, n: number): string {
  const [y, m] = period.split('-').map(Number);
  const d = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1 - n, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

export function formatCount(n: number): string {
  return n.toLocaleString('en-CA', { maximumFractionDigits: 0 });
}

export function formatPercent(x: number, digits = 1): string {
  return `${x.toLocaleString('en-CA', { minimumFractionDigits: digits, maximumFractionDigits: digits })}%`;
}

const STATUS_TEXT: Record<Exclude<Status, 'ok'>, string> = {
  suppressed: 'suppressed',
  no_data: 'no data',
  pending: 'pending',
};

/** A published figure as shown in tables: the number when `ok`, otherwise what stands in for it. */
export function formatFigure(value: number | null, status: Status): string {
  if (status !== 'ok') return STATUS_TEXT[status];
  return value === null ? 'no data' : formatCount(value);
}

export const PROGRAM_LABELS: Record<string, string> = {
  OW: 'Ontario Works',
  ODSP: 'ODSP',
  ALL: 'Both programs',
};
