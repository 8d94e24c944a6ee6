// What changed since the last release, grouped for the "What's new" page: for each file (measures.csv,
// funding.csv) and kind of change (changes.csv's `change`), how many figures, in which periods and for which
// service managers. The page writes its sentences from these groups; changes.csv has every figure.

export interface ChangeRow {
  file: string;
  change: string;
  period: string;
  service_manager: string;
}

export interface ChangeGroup {
  file: string;
  change: string;
  figures: number;
  /** The months (measures) or fiscal years (funding), in order. */
  periods: string[];
  /** The service managers' codes, in order; ON (Ontario) is not one. */
  managers: string[];
  /** Whether Ontario's own rows (ON) are among the figures. */
  ontario: boolean;
}

/** changes.csv's kinds, in the order the page tells them. */
export const CHANGE_ORDER = ['new', 'final', 'revised', 'suppressed', 'unsuppressed', 'withdrawn'];
const FILE_ORDER = ['measures.csv', 'funding.csv'];

export function summarizeChanges(rows: readonly ChangeRow[]): ChangeGroup[] {
  interface Gathering {
    file: string;
    change: string;
    figures: number;
    periods: Set<string>;
    managers: Set<string>;
    ontario: boolean;
  }
  const groups = new Map<string, Gathering>();
  for (const r of rows) {
    const key = `${r.file}\0${r.change}`;
    const g: Gathering = groups.get(key) ?? {
      file: r.file,
      change: r.change,
      figures: 0,
      periods: new Set(),
      managers: new Set(),
      ontario: false,
    };
    g.figures += 1;
    g.periods.add(r.period);
    if (r.service_manager === 'ON') g.ontario = true;
    else g.managers.add(r.service_manager);
    groups.set(key, g);
  }
  const rank = (list: string[], v: string): number => (list.includes(v) ? list.indexOf(v) : list.length);
  return [...groups.values()]
    .map((g) => ({ ...g, periods: [...g.periods].sort(), managers: [...g.managers].sort() }))
    .sort(
      (a, b) =>
        rank(FILE_ORDER, a.file) - rank(FILE_ORDER, b.file) ||
        rank(CHANGE_ORDER, a.change) - rank(CHANGE_ORDER, b.change),
    );
}
