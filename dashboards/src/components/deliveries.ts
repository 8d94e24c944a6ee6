// The monthly deliveries of the data quality page (quality.ts), from the public data_quality.csv: each
// month's files, their rows added up, and whether the delivery is complete.
import type { DataQualityData, FileQuality } from './page-data.js';

/** A monthly delivery: its files, and what makes it incomplete (a file rejected whole, a table missing). */
export interface Month {
  delivery: string;
  files: FileQuality[];
  incomplete: string[];
}

/** The deliveries by month, oldest first. */
export function months(data: DataQualityData): Month[] {
  const byMonth = new Map<string, FileQuality[]>();
  for (const f of data.files ?? []) byMonth.set(f.delivery, [...(byMonth.get(f.delivery) ?? []), f]);
  return [...byMonth.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([delivery, files]) => {
      const present = new Set(files.filter((f) => f.status !== 'rejected' && f.table).map((f) => f.table));
      const rejected = files
        .filter((f) => f.status === 'rejected')
        .map((f) => `${f.table} (${f.errorCode ?? ''})`);
      const missing = data.tables.filter(
        (tb) => !present.has(tb) && !files.some((f) => f.table === tb && f.status === 'rejected'),
      );
      return { delivery, files, incomplete: [...rejected, ...missing.map((m) => `${m} —`)] };
    });
}

/** A count of a delivery's rows, over its files. */
export const sum = (files: readonly FileQuality[], k: 'rowsRead' | 'loaded' | 'collapsed' | 'quarantined') =>
  files.reduce((a, f) => a + f[k], 0);
