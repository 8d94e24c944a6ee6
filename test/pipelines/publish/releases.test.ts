// The archive of releases and changes.csv, published twice around a restatement.
//
// Release 1 (deliveries 2024-01 and 2024-02): Hamilton has 12 OW cases in receipt each month, Toronto 3.
// Release 2 restates 2024-02 (Hamilton 20 cases, Toronto 4) and adds 2024-03 (the same 20 and 4).
// Public caseload (measures.md "Disclosure control": 1–9 suppressed, counts rounded to 5):
//   HAM OW 2024-02: 12 → 10 in release 1, 20 → 20 in release 2: revised, 10 → 20.
//   TOR OW 2024-02: 3 and 4, suppressed both times: not listed, so the restatement (3 → 4) stays hidden.
//   2024-03: new rows.
import { chmodSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { csvParse } from 'd3-dsv';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  listReleases,
  prepareReleases,
  pruneReleases,
  stageRelease,
  verifyReleases,
} from '../../../pipelines/publish/releases.ts';
import { publish, type PublishResult } from '../../../pipelines/publish/publish.ts';
import type { Warehouse } from '../../../pipelines/warehouse.ts';
import {
  CASES_HEADER,
  PAYMENTS_HEADER,
  csv,
  ingestAndBuild,
  memoryWarehouse,
  tempDir,
  writeDelivery,
} from '../../helpers.ts';

/** A delivery: `ham` Hamilton and `tor` Toronto OW cases, each paid $100 of basic needs in `month`. */
function delivery(month: string, ham: number, tor: number): Record<string, string> {
  const ids = [
    ...Array.from({ length: ham }, (_, i) => ['H', i + 1, 'HAM'] as const),
    ...Array.from({ length: tor }, (_, i) => ['T', i + 1, 'TOR'] as const),
  ];
  return {
    'cases.csv': csv(
      `${CASES_HEADER}\n${ids.map(([p, n, sm]) => `${p}${n},P${p}${n},OW,${sm},2023-06-01,,,SINGLE,1,1980`).join('\n')}`,
    ),
    'payments.csv': csv(
      `${PAYMENTS_HEADER}\n${ids.map(([p, n]) => `${p}${n}-${month},${p}${n},${month},${month}-01,BASIC_NEEDS,100.00,`).join('\n')}`,
    ),
  };
}

type Row = Record<string, string>;
const readCsv = (path: string): Row[] => csvParse(readFileSync(path, 'utf8')).map((r) => ({ ...r }) as Row);
const measureKey = (r: Row): string =>
  [r.measure_id, r.period, r.service_manager, r.program, r.breakdown].join('|');

let out: string;
const published: PublishResult[] = [];

async function publishRun(wh: Warehouse, runId: string): Promise<void> {
  published.push(await publish(wh, { out, runId, site: false }));
}

beforeAll(async () => {
  const root = tempDir();
  out = join(root, 'out');
  const extracts = join(root, 'extracts');
  const wh = await memoryWarehouse();
  try {
    writeDelivery(extracts, '2024-01', delivery('2024-01', 12, 3));
    writeDelivery(extracts, '2024-02', delivery('2024-02', 12, 3));
    await ingestAndBuild(wh, extracts);
    await publishRun(wh, 'r1');
    await publishRun(wh, 'r1-again'); // the same figures: a release, with the changes of the first
    writeDelivery(extracts, '2024-02', delivery('2024-02', 20, 4)); // restated
    writeDelivery(extracts, '2024-03', delivery('2024-03', 20, 4));
    await ingestAndBuild(wh, extracts);
    await publishRun(wh, 'r2');
  } finally {
    await wh.close();
  }
}, 120_000);

const releaseFile = (month: string, run: string, file: string): string =>
  join(out, 'releases', month, run, 'public', file);

describe('the archive of releases', () => {
  it('keeps every publication as a release, restated months included, and lists them in index.json', () => {
    const index = JSON.parse(readFileSync(join(out, 'releases', 'index.json'), 'utf8')) as {
      releases: { as_of_month: string; run_id: string; path: string }[];
    };
    expect(index.releases.map((r) => [r.as_of_month, r.run_id, r.path])).toEqual([
      ['2024-02', 'r1', '2024-02/r1/public'],
      ['2024-02', 'r1-again', '2024-02/r1-again/public'],
      ['2024-03', 'r2', '2024-03/r2/public'],
    ]);
    expect(listReleases(out).map((r) => r.run_id)).toEqual(['r1', 'r1-again', 'r2']);
    // The internal tier is kept beside, never inside the public tree.
    expect(
      readCsv(join(out, 'internal-releases', '2024-03', 'r2', 'internal', 'measures.csv')).length,
    ).toBeGreaterThan(0);
    expect(() => statSync(join(out, 'releases', '2024-03', 'r2', 'internal'))).toThrow();
  });

  it('keeps each release read-only, with a SHA256SUMS that --verify rechecks', () => {
    const measures = releaseFile('2024-02', 'r1', 'measures.csv');
    expect(statSync(measures).mode & 0o222).toBe(0);
    expect(readFileSync(releaseFile('2024-02', 'r1', 'SHA256SUMS'), 'utf8')).toMatch(
      /^[0-9a-f]{64} {2}changes\.csv$/m,
    );
    expect(verifyReleases(out)).toEqual([]);
    // A file changed after the release is caught.
    chmodSync(measures, 0o644);
    const text = readFileSync(measures, 'utf8');
    writeFileSync(measures, text.replace('\n', '\n#'));
    expect(verifyReleases(out)).toContain(
      'releases/2024-02/r1/public/measures.csv: its sha256 is not the one recorded',
    );
    writeFileSync(measures, text);
    chmodSync(measures, 0o444);
    expect(verifyReleases(out)).toEqual([]);
  });

  it('stores a file the release before had unchanged as a link to it, not a copy', () => {
    const first = statSync(releaseFile('2024-02', 'r1', 'measures.csv'));
    const again = statSync(releaseFile('2024-02', 'r1-again', 'measures.csv'));
    expect(again.ino).toBe(first.ino);
  });
});

describe('changes.csv', () => {
  it('says the first release has nothing to compare with, and a re-run repeats what changed with it', () => {
    expect(published.map((p) => p.release.changesSince?.version ?? null)).toEqual([
      null,
      null,
      '2024-02+r1-again',
    ]);
    expect(readCsv(releaseFile('2024-02', 'r1', 'changes.csv'))).toEqual([]);
    expect(readFileSync(releaseFile('2024-02', 'r1-again', 'changes.csv'), 'utf8')).toBe(
      readFileSync(releaseFile('2024-02', 'r1', 'changes.csv'), 'utf8'),
    );
  });

  it('lists the revised figure with its old and new public values, and the new month as new', () => {
    const changes = readCsv(join(out, 'public', 'changes.csv'));
    const caseload = (sm: string, period: string): Row | undefined =>
      changes.find(
        (r) =>
          r.measure_id === 'caseload' &&
          r.period === period &&
          r.service_manager === sm &&
          r.program === 'OW' &&
          r.breakdown === 'ALL',
      );
    expect(caseload('HAM', '2024-02')).toMatchObject({
      file: 'measures.csv',
      change: 'revised',
      old_value: '10',
      old_status: 'ok',
      new_value: '20',
      new_status: 'ok',
    });
    expect(caseload('HAM', '2024-03')).toMatchObject({ change: 'new', old_status: '', new_value: '20' });
    // Toronto's restatement (3 → 4 cases) is suppressed on both sides: nothing of it shows.
    expect(caseload('TOR', '2024-02')).toBeUndefined();
    expect(caseload('TOR', '2024-03')).toMatchObject({
      change: 'new',
      new_status: 'suppressed',
      new_value: '',
    });
  });

  it('lists exactly the public figures that differ between the two releases, as they were published', () => {
    const before = new Map(
      readCsv(releaseFile('2024-02', 'r1-again', 'measures.csv')).map((r) => [measureKey(r), r]),
    );
    const after = new Map(
      readCsv(releaseFile('2024-03', 'r2', 'measures.csv')).map((r) => [measureKey(r), r]),
    );
    const figures = (r: Row | undefined): string =>
      r ? [r.numerator, r.denominator, r.value, r.status].join('|') : '|||';
    const differ = [...new Set([...before.keys(), ...after.keys()])].filter(
      (k) => figures(before.get(k)) !== figures(after.get(k)),
    );
    const listed = readCsv(join(out, 'public', 'changes.csv')).filter((r) => r.file === 'measures.csv');
    expect(listed.map(measureKey).sort()).toEqual(differ.sort());
    for (const r of listed) {
      const k = measureKey(r);
      expect([r.old_numerator, r.old_denominator, r.old_value, r.old_status].join('|'), k).toBe(
        figures(before.get(k)),
      );
      expect([r.new_numerator, r.new_denominator, r.new_value, r.new_status].join('|'), k).toBe(
        figures(after.get(k)),
      );
      // A suppressed side carries no figure.
      if (r.new_status === 'suppressed')
        expect([r.new_numerator, r.new_denominator, r.new_value]).toEqual(['', '', '']);
    }
  });
});

describe('keeping N releases', () => {
  // Last in the file: it removes the oldest release.
  it('removes the oldest beyond N, both tiers, and what the others linked to stays whole', async () => {
    const gone = await pruneReleases(out, 2);
    expect(gone.map((r) => r.run_id)).toEqual(['r1']);
    expect(listReleases(out).map((r) => r.run_id)).toEqual(['r1-again', 'r2']);
    expect(() => statSync(join(out, 'releases', '2024-02', 'r1'))).toThrow();
    expect(() => statSync(join(out, 'internal-releases', '2024-02', 'r1'))).toThrow();
    const index = JSON.parse(readFileSync(join(out, 'releases', 'index.json'), 'utf8')) as {
      releases: { run_id: string }[];
    };
    expect(index.releases.map((r) => r.run_id)).toEqual(['r1-again', 'r2']);
    expect(verifyReleases(out)).toEqual([]);
  });
});

describe('a publish killed around the switch', () => {
  /** A publication folder with a public and an internal file, staged as release 2024-05/<run>. */
  function staged(out: string, run: string): void {
    const publication = join(out, '.publications', run);
    mkdirSync(join(publication, 'public'), { recursive: true });
    mkdirSync(join(publication, 'internal'), { recursive: true });
    writeFileSync(join(publication, 'public', 'metadata.json'), '{"generated_at": "2026-01-01T00:00:00Z"}');
    writeFileSync(join(publication, 'internal', 'measures.csv'), 'x\n');
    stageRelease(out, publication, '2024-05', run);
  }

  it('keeps the staged release of the publication that became current, and drops one that never did', async () => {
    const out = tempDir();
    staged(out, 'current-run');
    staged(out, 'failed-run');
    await prepareReleases(out, 'current-run');
    expect(listReleases(out).map((r) => [r.as_of_month, r.run_id])).toEqual([['2024-05', 'current-run']]);
    expect(readdirSync(join(out, 'releases', '2024-05'))).toEqual(['current-run']);
    expect(readdirSync(join(out, 'internal-releases', '2024-05'))).toEqual(['current-run']);
    expect(verifyReleases(out)).toEqual([]);
  });
});
