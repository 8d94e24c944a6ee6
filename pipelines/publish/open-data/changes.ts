// changes.csv: what changed in the public figures since the last release whose figures differ, row by row on
// each file's keys. Only the public files are compared (measures.csv and funding.csv as published, suppressed
// and rounded), so a revision shows nothing a suppression hides: both sides are already public.
//
// For each key in either release, the first that applies:
//   new          the row was not in the last release (a new month, or a row that appeared)
//   withdrawn    the row is no longer published
//   final        a cohort that was pending is not any more
//   suppressed   published before, suppressed now
//   unsuppressed suppressed before, published now
//   revised      another numerator, denominator, value or status (restated or corrected data)
// A re-run that publishes the same figures compares with the release before, so its changes.csv (and the
// site's "What's new") is the one the figures were first published with.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHANGES_TABLE } from './table-schemas.ts';
import { lit, type Warehouse } from '../../warehouse.ts';

/** The files compared, with their keys and what is compared. */
const FILES = {
  'measures.csv': {
    keys: ['measure_id', 'period', 'service_manager', 'program', 'breakdown'],
    figures: ['numerator', 'denominator', 'value', 'status'],
  },
  'funding.csv': {
    keys: ['fiscal_year', 'service_manager', 'program', 'component'],
    figures: ['amount', 'status'],
  },
} as const;

/** One hash of the compared figures: two releases with the same one published the same figures. */
export function figuresHash(publicDir: string): string {
  const hash = createHash('sha256');
  for (const file of Object.keys(FILES)) {
    const path = join(publicDir, file);
    hash
      .update(`${file}\0`)
      .update(existsSync(path) ? readFileSync(path) : '')
      .update('\0');
  }
  return hash.digest('hex');
}

function changeSql(file: keyof typeof FILES, oldPath: string | null, newPath: string): string {
  const { keys, figures } = FILES[file];
  const read = (path: string): string =>
    `select * from read_csv(${lit(path)}, header = true, all_varchar = true, auto_detect = false, columns = {${[...keys, ...figures].map((c) => `'${c}': 'VARCHAR'`).join(', ')}})`;
  const old = oldPath ? read(oldPath) : `select * from (${read(newPath)}) where false`;
  const value = file === 'funding.csv' ? 'amount' : 'value';
  // Funding has one figure, its amount: no numerator or denominator.
  const side = (t: 'o' | 'n', as: 'old' | 'new'): string =>
    file === 'funding.csv'
      ? `null as ${as}_numerator, null as ${as}_denominator`
      : `${t}.numerator as ${as}_numerator, ${t}.denominator as ${as}_denominator`;
  const key = (k: string): string => `coalesce(n.${k}, o.${k})`;
  return `select ${lit(file)} as file,
      case
        when o.status is null then 'new'
        when n.status is null then 'withdrawn'
        when o.status = 'pending' and n.status <> 'pending' then 'final'
        when o.status <> 'suppressed' and n.status = 'suppressed' then 'suppressed'
        when o.status = 'suppressed' and n.status <> 'suppressed' then 'unsuppressed'
        when ${figures.map((f) => `o.${f} is distinct from n.${f}`).join(' or ')} then 'revised'
      end as change,
      ${file === 'measures.csv' ? key('measure_id') : 'null'} as measure_id,
      ${file === 'funding.csv' ? key('component') : 'null'} as component,
      ${key(file === 'funding.csv' ? 'fiscal_year' : 'period')} as period,
      ${key('service_manager')} as service_manager,
      ${key('program')} as program,
      ${file === 'measures.csv' ? key('breakdown') : 'null'} as breakdown,
      ${side('o', 'old')}, o.${value} as old_value, o.status as old_status,
      ${side('n', 'new')}, n.${value} as new_value, n.status as new_status
    from (${old}) as o
    full join (${read(newPath)}) as n using (${keys.join(', ')})`;
}

/**
 * Writes changes.csv into `publicDir`, comparing its files with those of `baseDir` (the last release with
 * other figures), or, with no base, with nothing: a first release has a header and no row. Returns the rows.
 */
export async function writeChanges(
  wh: Warehouse,
  publicDir: string,
  baseDir: string | null,
): Promise<number> {
  const columns = CHANGES_TABLE.fields.map((f) => f.name);
  const parts = (Object.keys(FILES) as (keyof typeof FILES)[])
    .filter((f) => existsSync(join(publicDir, f)))
    .map((f) => {
      const old = baseDir && existsSync(join(baseDir, f)) ? join(baseDir, f) : null;
      return baseDir === null
        ? `select * from (${changeSql(f, null, join(publicDir, f))}) where false`
        : changeSql(f, old, join(publicDir, f));
    });
  return wh.value<number>(
    `copy (
      select ${columns.join(', ')} from (${parts.join('\nunion all\n')})
      where change is not null
      order by file, measure_id nulls first, component nulls first, period, service_manager, program, breakdown nulls first
    ) to ${lit(join(publicDir, CHANGES_TABLE.file))} (format csv, header true)`,
  );
}
