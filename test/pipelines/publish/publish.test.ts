// `publish` (pipelines/publish/publish.ts, publications.ts): each publication in a folder of its own, made
// current by one atomic switch; a publish killed at any step leaves OUT with a whole publication and the next
// one clears what it left; the old layout is migrated; a read-only OUT says so; free text in the internal
// CSVs cannot run as a spreadsheet formula.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { csvParse } from 'd3-dsv';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../../pipelines/models/build.ts';
import { publish } from '../../../pipelines/publish/publish.ts';
import { ensureSchema } from '../../../pipelines/warehouse-schema.ts';
import {
  CASES_HEADER,
  PAYMENTS_HEADER,
  csv,
  ingestDir,
  tempDir,
  withWarehouse,
  writeDelivery,
} from '../../helpers.ts';
import { remountReadOnly, tmpfs } from '../../mount.ts';
import { waitFor } from '../schedule/helpers.ts';

const BIN = join(import.meta.dirname, '..', '..', '..', 'bin', 'sa-outcomes.js');

let warehouse: string;

beforeAll(async () => {
  const extracts = tempDir();
  // C1 and its two payments load. Quarantined on purpose: a case whose id is a spreadsheet formula (BAD_TYPE)
  // and a payment of an unknown case whose id starts with '-' (UNKNOWN_CASE). Two files that are no table
  // (UNKNOWN_FILE, skipped) have names a spreadsheet would run.
  writeDelivery(extracts, '2024-05', {
    'cases.csv': csv(`${CASES_HEADER}
      C1,P1,OW,TOR,2023-06-01,,,SINGLE,1,1980
      =HYPERLINK(A1),P9,OW,TOR,2023-06-01,,,SINGLE,1,1980`),
    'payments.csv': csv(`${PAYMENTS_HEADER}
      PA1,C1,2024-03,2024-03-01,SHELTER,390.00,
      PA2,C1,2024-04,2024-04-01,SHELTER,390.00,
      -P3,C9,2024-04,2024-04-01,SHELTER,390.00,`),
    '-x.csv': 'a\n1\n',
    '=cmd.csv': 'a\n1\n',
  });
  warehouse = join(tempDir(), 'w.duckdb');
  await withWarehouse(warehouse, async (wh) => {
    await ensureSchema(wh);
    await ingestDir(wh, extracts);
    const b = await build(wh, { runId: 'build' });
    expect(b.blockingFailed).toEqual([]);
  });
});

/** Publishes as run `runId` (without the site, which takes a minute to build), the warehouse open only meanwhile. */
async function publishAs(out: string, runId: string): Promise<void> {
  await withWarehouse(warehouse, async (wh) => {
    await publish(wh, { out, runId, site: false });
  });
}

const sha256 = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('publish with the site', () => {
  it('carries the site over, not built again, when a run publishes the same figures with the same code', async () => {
    const out = tempDir();
    const logs: string[][] = [[], []];
    const results: Awaited<ReturnType<typeof publish>>[] = [];
    for (const [i, runId] of ['r1', 'r2'].entries())
      await withWarehouse(warehouse, async (wh) => {
        results.push(await publish(wh, { out, runId, site: true, log: (l) => logs[i]?.push(l) }));
      });
    expect(results.map((r) => r.site?.reused)).toEqual([false, true]);
    // The first build says how it gets on: each data loader, then each language's pages.
    expect(logs[0]?.some((l) => /^ {4}data loader overview\.json\.ts → /.test(l))).toBe(true);
    expect(logs[0]?.filter((l) => /^ {4}built \d+ pages in /.test(l))).toHaveLength(2);
    expect(logs[1]).toContain(
      '  the site is unchanged (the same public files and code as the last one): carried over',
    );
    // The second publication is current, with every page of the first.
    expect(wholePublication(out)).toBe('r2');
    const pages = (dir: string) =>
      readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile() && e.name.endsWith('.html'))
        .map((e) => sha256(join(e.parentPath, e.name)))
        .sort();
    expect(publications(out)).toEqual(['r1', 'r2']);
    const built = pages(join(out, '.publications', 'r1', 'site'));
    expect(built.length).toBeGreaterThan(100);
    expect(pages(join(out, 'site'))).toEqual(built);
  }, 600_000);
});

/**
 * Checks that OUT/public and OUT/internal hold one whole publication — every file their metadata.json lists,
 * with its checksum, both tiers of the same run — and returns that run.
 */
function wholePublication(out: string): string {
  const runs = ['public', 'internal'].map((tier) => {
    const meta = JSON.parse(readFileSync(join(out, tier, 'metadata.json'), 'utf8')) as {
      run_id: string;
      files: Record<string, { sha256: string }>;
    };
    expect(Object.keys(meta.files).length).toBeGreaterThan(2);
    for (const [name, f] of Object.entries(meta.files)) expect(sha256(join(out, tier, name))).toBe(f.sha256);
    return meta.run_id;
  });
  expect(runs[1]).toBe(runs[0]);
  return runs[0]!;
}

const publications = (out: string): string[] => readdirSync(join(out, '.publications')).sort();
const linked = (out: string, link: string): string => readlinkSync(join(out, link));

/** `sa-outcomes publish --no-site` in a process of its own, killed (SIGKILL) where it pauses at `point`. */
async function publishKilledAt(out: string, point: string): Promise<void> {
  const marker = join(tempDir(), 'paused');
  const child = spawn(
    process.execPath,
    [BIN, '--warehouse', warehouse, 'publish', '--out', out, '--no-site'],
    {
      env: { ...process.env, SA_PAUSE_AT: point, SA_PAUSE_FILE: marker },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise((done) => child.once('exit', done));
  try {
    await waitFor(`publish to pause at ${point}`, () => existsSync(marker), {
      hopeless: () => Promise.resolve(child.exitCode !== null ? `publish ended before ${point}` : undefined),
      report: () => Promise.resolve(output),
    });
  } finally {
    child.kill('SIGKILL');
    await exited;
  }
}

describe('publish', () => {
  it('publishes into an empty OUT: a publication folder, `current` pointing at it, and the usual paths', async () => {
    const out = join(tempDir(), 'published');
    await publishAs(out, 'r1');
    expect(publications(out)).toEqual(['r1']);
    expect(linked(out, 'current')).toBe(join('.publications', 'r1'));
    expect(linked(out, 'public')).toBe(join('current', 'public'));
    expect(linked(out, 'internal')).toBe(join('current', 'internal'));
    expect(wholePublication(out)).toBe('r1');
    expect(existsSync(join(out, 'previous'))).toBe(false);
  });

  it('keeps the previous publication until the next one succeeds, and removes older ones', async () => {
    const out = tempDir();
    await publishAs(out, 'r1');
    await publishAs(out, 'r2');
    expect(publications(out)).toEqual(['r1', 'r2']);
    await publishAs(out, 'r3');
    expect(publications(out)).toEqual(['r2', 'r3']);
    expect(linked(out, 'current')).toBe(join('.publications', 'r3'));
    expect(linked(out, 'previous')).toBe(join('.publications', 'r2'));
    expect(wholePublication(out)).toBe('r3');
    expect(wholePublication(join(out, 'previous'))).toBe('r2');
  });

  it('refuses to publish a run again over the publication readers are using', async () => {
    const out = tempDir();
    await publishAs(out, 'r1');
    await expect(publishAs(out, 'r1')).rejects.toThrow(/run r1 is already published in/);
    expect(wholePublication(out)).toBe('r1');
  });

  it('a publish without the site leaves OUT/site pointing at nothing rather than at an older site', async () => {
    const out = tempDir();
    await publishAs(out, 'r1');
    // r1 as if published with its site (building one takes a minute).
    mkdirSync(join(out, 'current', 'site'));
    writeFileSync(join(out, 'current', 'site', 'index.html'), '<h1>as of r1</h1>');
    expect(readFileSync(join(out, 'site', 'index.html'), 'utf8')).toBe('<h1>as of r1</h1>');
    await publishAs(out, 'r2');
    expect(lstatSync(join(out, 'site')).isSymbolicLink()).toBe(true);
    expect(existsSync(join(out, 'site'))).toBe(false);
    expect(existsSync(join(out, 'previous', 'site', 'index.html'))).toBe(true);
  });

  it('carries the last funding scenario files over into the new publication', async () => {
    const out = tempDir();
    await publishAs(out, 'r1');
    writeFileSync(join(out, 'public', 'funding_scenario.csv'), 'public scenario\n');
    writeFileSync(join(out, 'internal', 'funding_scenario.json'), '{"internal": true}\n');
    await publishAs(out, 'r2');
    expect(readFileSync(join(out, '.publications', 'r2', 'public', 'funding_scenario.csv'), 'utf8')).toBe(
      'public scenario\n',
    );
    expect(readFileSync(join(out, '.publications', 'r2', 'internal', 'funding_scenario.json'), 'utf8')).toBe(
      '{"internal": true}\n',
    );
  });
});

// Each case: r1 then r2 published, a third publish killed at one step, then r4. `child` is the killed run's
// folder, named after its run. Until the switch OUT shows r2 whole; after it, the killed run's (complete)
// publication. The next publish removes what the kill left (the unfinished folder, a stray link) and every
// publication but the last two.
describe('a publish killed at each step', () => {
  const cases: { point: string; shows: 'r2' | 'child'; after: (child: string) => string[] }[] = [
    { point: 'publish:written', shows: 'r2', after: () => ['r2', 'r4'] },
    { point: 'publish:link-previous', shows: 'r2', after: () => ['r2', 'r4'] },
    { point: 'publish:link-current', shows: 'r2', after: () => ['r2', 'r4'] },
    { point: 'publish:switched', shows: 'child', after: (child) => [child, 'r4'].sort() },
  ];
  for (const c of cases) {
    it(`at ${c.point}: OUT keeps a whole publication, and the next publish clears what was left`, async () => {
      const out = tempDir();
      await publishAs(out, 'r1');
      await publishAs(out, 'r2');
      await publishKilledAt(out, c.point);
      const left = publications(out);
      const child = left.find((f) => !['r1', 'r2'].includes(f) && !f.startsWith('.link-'));
      expect(child).toBeDefined();
      expect(wholePublication(out)).toBe(c.shows === 'r2' ? 'r2' : child);
      if (c.point.startsWith('publish:link-')) expect(left.some((f) => f.startsWith('.link-'))).toBe(true);

      await publishAs(out, 'r4');
      expect(publications(out)).toEqual(c.after(child!));
      expect(wholePublication(out)).toBe('r4');
    });
  }
});

describe('an OUT of the old layout (real public/, internal/, site/ folders)', () => {
  /** The old layout by hand, with what a killed publish of that time left behind. */
  function oldLayout(): string {
    const out = tempDir();
    for (const [file, text] of [
      ['public/measures.csv', 'old public\n'],
      ['internal/measures.csv', 'old internal\n'],
      ['site/index.html', '<h1>old site</h1>'],
      ['.publishing-20240101T000000Z-ab12/internal/quarantine.csv', 'a killed run left this\n'],
    ] as const) {
      mkdirSync(join(out, file, '..'), { recursive: true });
      writeFileSync(join(out, file), text);
    }
    return out;
  }

  /** Publishes r1, then checks the migration is complete: the old output is the previous publication. */
  async function publishAndExpectMigrated(out: string): Promise<void> {
    await publishAs(out, 'r1');
    expect(wholePublication(out)).toBe('r1');
    expect(publications(out)).toEqual(['migrated', 'r1']);
    const previous = join(out, 'previous');
    expect(
      ['public/measures.csv', 'internal/measures.csv', 'site/index.html'].map((f) =>
        readFileSync(join(previous, f), 'utf8'),
      ),
    ).toEqual(['old public\n', 'old internal\n', '<h1>old site</h1>']);
  }

  it('is migrated by the first publish: the old output becomes the previous publication', async () => {
    const out = oldLayout();
    await publishAndExpectMigrated(out);
    expect(readdirSync(out).filter((f) => f.startsWith('.publishing-'))).toEqual([]);
  });

  it('killed mid-migration, lacks only the folder being moved, and the next publish finishes the migration', async () => {
    const out = oldLayout();
    await publishKilledAt(out, 'publish:migrate:public');
    // What publications.ts says a kill here leaves: public/ moved into the migrated publication, its link not made.
    expect(existsSync(join(out, 'public'))).toBe(false);
    expect(readFileSync(join(out, '.publications', 'migrated', 'public', 'measures.csv'), 'utf8')).toBe(
      'old public\n',
    );
    expect(readFileSync(join(out, 'internal', 'measures.csv'), 'utf8')).toBe('old internal\n');
    await publishAndExpectMigrated(out);
  });
});

describe('a read-only OUT', () => {
  it('fails the publish with one line saying so (EROFS), leaving the publication in place', async () => {
    const out = tmpfs(8);
    await publishAs(out, 'r1');
    remountReadOnly(out);
    await expect(publishAs(out, 'r2')).rejects.toThrow(
      new Error(
        `the output folder ${out} is read-only (EROFS): nothing can be written in ${out}; make it writable or choose another --out`,
      ),
    );
    expect(wholePublication(out)).toBe('r1');
  });
});

describe('the internal CSVs', () => {
  let out: string;
  beforeAll(async () => {
    out = tempDir();
    await publishAs(out, 'r1');
  });
  const read = (name: string) => csvParse(readFileSync(join(out, 'internal', name), 'utf8'));

  it("quarantine.csv: a raw row that starts like a formula gets a leading ', the other columns stay as they are", () => {
    expect(read('quarantine.csv').map((r) => [r.table, r.line, r.reasons, r.raw])).toEqual([
      ['cases', '3', 'BAD_TYPE', "'=HYPERLINK(A1),P9,OW,TOR,2023-06-01,,,SINGLE,1,1980"],
      ['payments', '4', 'UNKNOWN_CASE', "'-P3,C9,2024-04,2024-04-01,SHELTER,390.00,"],
    ]);
  });

  it("deliveries.csv: a file name that starts like a formula gets a leading '; counts stay numbers", () => {
    const rows = read('deliveries.csv');
    expect(rows.map((r) => [r.table, r.file, r.status, r.rows_read, r.loaded, r.quarantined])).toEqual([
      ['cases', 'cases.csv', 'loaded', '2', '1', '1'],
      ['payments', 'payments.csv', 'loaded', '3', '2', '1'],
      ['', "'-x.csv", 'skipped', '0', '0', '0'],
      ['', "'=cmd.csv", 'skipped', '0', '0', '0'],
    ]);
    expect(rows.find((r) => r.file === "'-x.csv")?.error).toMatch(
      /^UNKNOWN_FILE: -x\.csv is not a contract table/,
    );
  });
});
