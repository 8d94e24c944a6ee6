// The public site discloses nothing record-level: no identifier of the demo's extracts appears in any file
// of the built site, and no figure about 1 to 9 people is published unsuppressed in what the pages load.
import { readFileSync, readdirSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { csvParse } from 'd3-dsv';
import { beforeAll, describe, expect, it } from 'vitest';
import { TABLES, TABLE_NAMES } from '../../pipelines/extracts/contract.ts';
import { MEASURES } from '../../pipelines/measures/registry.ts';
import { demoSite, type DemoSite } from './demo-site.ts';

let demo: DemoSite;

const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));

/** Every value of every identifier column (extracts.md: case_id, person_id, …) in the demo's extracts. */
function extractIdentifiers(extracts: string): Set<string> {
  const ids = new Set<string>();
  for (const file of filesUnder(extracts).filter((f) => f.endsWith('.csv'))) {
    const table = TABLE_NAMES.find((t) => file.endsWith(`/${t}.csv`));
    if (!table) continue;
    const columns = TABLES[table].columns.filter((c) => c.type === 'id').map((c) => c.name);
    for (const row of csvParse(readFileSync(file, 'utf8')))
      for (const c of columns) if (row[c]) ids.add(row[c]);
  }
  return ids;
}

const small = (n: number | null | undefined): boolean => n !== null && n !== undefined && n >= 1 && n <= 9;
const KIND = new Map(MEASURES.map((m) => [m.id, m.kind]));

/** The people counts a published row would give away if small (measures.md, "Disclosure control"). */
function smallCells(row: {
  measure: string;
  numerator?: number | null;
  denominator?: number | null;
  value?: number | null;
  status: string;
}): string[] {
  if (row.status !== 'ok') return [];
  const kind = KIND.get(row.measure);
  const out: string[] = [];
  if (kind === 'count' && small(row.value ?? row.numerator)) out.push('count');
  if ((kind === 'rate' || kind === 'per100') && small(row.numerator)) out.push('numerator');
  if (kind !== 'count' && small(row.denominator)) out.push('denominator');
  if (
    kind === 'rate' &&
    row.numerator != null &&
    row.denominator != null &&
    small(row.denominator - row.numerator)
  )
    out.push('denominator − numerator');
  return out;
}

beforeAll(async () => {
  demo = await demoSite();
}, 700_000);

describe('the public site', () => {
  it('contains no record identifier of the extracts', () => {
    const ids = extractIdentifiers(demo.extracts);
    expect(ids.size).toBeGreaterThan(1000);
    const leaks: string[] = [];
    let scanned = 0;
    for (const file of filesUnder(demo.site)) {
      if (['.parquet', '.png', '.woff2'].includes(extname(file))) continue;
      scanned++;
      for (const token of readFileSync(file, 'utf8').split(/[^A-Za-z0-9_-]+/))
        if (ids.has(token)) leaks.push(`${relative(demo.site, file)}: ${token}`);
    }
    expect(scanned).toBeGreaterThan(100);
    expect(leaks.slice(0, 20)).toEqual([]);
  });

  it('publishes no unsuppressed figure about 1 to 9 people in the data the pages load', () => {
    const found: string[] = [];
    const dataFiles = filesUnder(join(demo.site, '_file', 'data')).filter((f) => f.endsWith('.json'));
    expect(dataFiles.length).toBeGreaterThan(47 + 5);
    for (const file of dataFiles) {
      const where = relative(demo.site, file);
      const data = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
      // Snapshot rows (rankings and peers).
      for (const key of ['snapshot', 'peerRows'])
        for (const r of (data[key] as Parameters<typeof smallCells>[0][] | undefined) ?? [])
          for (const cell of smallCells(r))
            found.push(`${where}: ${key} ${r.measure} ${JSON.stringify(r)} ${cell}`);
      // Series: a count's value is a number of people.
      const sets = ['province', 'series'].map(
        (k) => data[k] as { series?: { measure: string; value: (number | null)[] }[] } | undefined,
      );
      for (const set of sets)
        for (const s of set?.series ?? [])
          if (KIND.get(s.measure) === 'count' && s.value.some(small))
            found.push(`${where}: ${s.measure} series has a count of 1–9`);
      // Counts behind rates (pooled comparisons, funnel).
      for (const f of (data.fractions as
        { measure: string; numerator: (number | null)[]; denominator: (number | null)[] }[] | undefined) ??
        [])
        f.numerator.forEach((n, i) => {
          for (const cell of smallCells({
            measure: f.measure,
            numerator: n,
            denominator: f.denominator[i],
            status: 'ok',
          }))
            found.push(`${where}: fraction ${f.measure} ${cell}`);
        });
      // Funding: milestone counts by stream are people counts.
      for (const r of [
        ...((data.rows as unknown[][] | null) ?? []),
        ...(Array.isArray(data.funding) ? (data.funding as unknown[][]) : []),
      ])
        if (String(r[3]).startsWith('outcome_milestones') && r[5] !== 'suppressed' && small(r[4] as number))
          found.push(`${where}: ${r.join(',')}`);
    }
    expect(found.slice(0, 20)).toEqual([]);
  });

  it('offers the public measures.csv for download, suppressed and rounded', () => {
    const file = filesUnder(join(demo.site, '_file', 'data', 'downloads')).find((f) =>
      /measures\.[0-9a-f]{8}\.csv$/.test(f),
    );
    expect(file).toBeDefined();
    const text = readFileSync(file ?? '', 'utf8');
    expect(text).toBe(readFileSync(join(demo.publicDir, 'measures.csv'), 'utf8'));
    const rows = csvParse(text);
    expect(rows.some((r) => r.status === 'suppressed')).toBe(true);
    const found = rows.flatMap((r) =>
      smallCells({
        measure: r.measure_id ?? '',
        numerator: r.numerator ? Number(r.numerator) : null,
        denominator: r.denominator ? Number(r.denominator) : null,
        value: r.value ? Number(r.value) : null,
        status: r.status ?? '',
      }).map((c) => `${r.measure_id},${r.period},${r.service_manager},${r.program},${r.breakdown}: ${c}`),
    );
    expect(found.slice(0, 20)).toEqual([]);
  });
});
