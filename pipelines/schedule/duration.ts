// `--check-every 30s`: a whole number and a unit (s, m, h, d).
const UNITS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** Milliseconds in a duration such as 30s, 5m, 1h or 1d. */
export function parseDuration(text: string): number {
  const m = /^(\d+)\s*([smhd])$/.exec(text.trim());
  if (!m || Number(m[1]) === 0)
    throw new Error(
      `a duration is a whole number and a unit (s, m, h or d), e.g. 30s, 5m, 1h; got "${text}"`,
    );
  return Number(m[1]) * UNITS[m[2]!]!;
}
