// End to end: `run` on a small demo with noise produces both tiers and the site; nothing record-level
// reaches the public tier; a failing blocking check leaves the previous published output untouched; a run
// that cannot write its output stops before ingesting, and one that fills the disk is recorded as failed.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  rmSync,
  statfsSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { generateDemo } from '../../pipelines/extracts/demo.ts';
import { runPipeline } from '../../pipelines/pipeline.ts';
import { Warehouse } from '../../pipelines/warehouse.ts';
import { TABLES, TABLE_NAMES } from '../../pipelines/extracts/contract.ts';
import { main } from '../../pipelines/cli.ts';
import { RESERVE_BYTES } from '../../pipelines/space-reserve.ts';
import { ensureSchema } from '../../pipelines/warehouse-schema.ts';
import { tempDir } from '../helpers.ts';
import { remountReadOnly, tmpfs } from '../mount.ts';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'sa-outcomes.js');
const NOBODY = 65534;

let root: string;
let extracts: string;
let warehouse: string;
let out: string;

/** The files and links under dir (a link is not followed, but dir itself may be one). */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return lstatSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

/** Every file under dir with its checksum, and every link with its target. */
function fingerprint(dir: string): Record<string, string> {
  return Object.fromEntries(
    filesUnder(dir).map((p) => [
      p.slice(dir.length),
      lstatSync(p).isSymbolicLink()
        ? `-> ${readlinkSync(p)}`
        : createHash('sha256').update(readFileSync(p)).digest('hex'),
    ]),
  );
}

beforeAll(async () => {
  root = tempDir('sa-e2e-');
  extracts = join(root, 'extracts');
  warehouse = join(root, 'warehouse.duckdb');
  out = join(root, 'published');
  await generateDemo({ out: extracts, scale: 0.002, months: 4, start: '2024-01', seed: 7, noise: 0.01 });
  await runPipeline({ warehouse, extracts, out, site: true });
});

describe('run', () => {
  it('publishes both tiers with the columns of outputs.md, and the site', () => {
    for (const tier of ['public', 'internal']) {
      const lines = readFileSync(join(out, tier, 'measures.csv'), 'utf8')
        .trim()
        .split('\n');
      expect(lines[0]).toBe(
        'measure_id,period,service_manager,program,breakdown,numerator,denominator,value,status',
      );
      expect(lines.length).toBeGreaterThan(100);
      expect(existsSync(join(out, tier, 'measures.parquet'))).toBe(true);
      const meta = JSON.parse(readFileSync(join(out, tier, 'metadata.json'), 'utf8'));
      expect(meta.as_of_month).toBe('2024-04');
      expect(meta.files['measures.csv'].rows).toBe(lines.length - 1);
    }
    expect(readFileSync(join(out, 'internal', 'quarantine.csv'), 'utf8').split('\n')[0]).toBe(
      'delivery,table,line,reasons,first_seen,last_retried,raw',
    );
    expect(readFileSync(join(out, 'internal', 'deliveries.csv'), 'utf8').split('\n')[0]).toBe(
      'delivery,table,file,sha256,status,rows_read,loaded,collapsed,quarantined,error',
    );
    expect(existsSync(join(out, 'site', 'index.html'))).toBe(true);
    expect(existsSync(join(out, 'public', 'quarantine.csv'))).toBe(false);
    expect(existsSync(join(out, 'public', 'deliveries.csv'))).toBe(false);
  });

  it('quarantines the noise and reconciles every file', () => {
    const rows = readFileSync(join(out, 'internal', 'deliveries.csv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1);
    let quarantined = 0;
    for (const row of rows) {
      const [, , , , status, read, loaded, collapsed, q] = row.split(',');
      if (status === 'loaded' || status === 'restated') {
        expect(Number(read)).toBe(Number(loaded) + Number(collapsed) + Number(q));
        quarantined += Number(q);
      }
    }
    expect(quarantined).toBeGreaterThan(0);
  });

  it('public measures are suppressed and rounded: no count of 1–9, every count 0 or a multiple of 5 from 10', () => {
    const lines = readFileSync(join(out, 'public', 'measures.csv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1);
    const caseload = lines.map((l) => l.split(',')).filter((f) => f[0] === 'caseload');
    expect(caseload.some((f) => f[8] === 'suppressed')).toBe(true);
    for (const f of caseload.filter((f) => f[8] === 'ok')) {
      expect(Number(f[5]) % 5).toBe(0);
      // 0 is a real zero (nobody to identify); 1–9 would have been suppressed, 10 is the smallest rounded count.
      if (Number(f[5]) !== 0) expect(Number(f[5])).toBeGreaterThanOrEqual(10);
    }
  });

  it('no record identifier of the extracts appears anywhere in the public output or the site', async () => {
    const wh = await Warehouse.open(warehouse);
    const ids = new Set<string>();
    try {
      for (const t of TABLE_NAMES) {
        for (const c of TABLES[t].columns.filter((c) => c.type === 'id')) {
          for (const r of await wh.all<{ v: string }>(
            `select distinct ${c.name} as v from hist_${t} where ${c.name} is not null`,
          ))
            ids.add(r.v);
        }
      }
    } finally {
      await wh.close();
    }
    expect(ids.size).toBeGreaterThan(1000);
    const leaks: string[] = [];
    for (const file of [...filesUnder(join(out, 'public')), ...filesUnder(join(out, 'site'))]) {
      if (file.endsWith('.parquet') || file.endsWith('.png') || file.endsWith('.woff2')) continue;
      for (const token of readFileSync(file, 'utf8').split(/[^A-Za-z0-9_-]+/))
        if (ids.has(token)) leaks.push(`${file}: ${token}`);
    }
    expect(leaks).toEqual([]);
  });

  it('re-running with nothing new changes no published figure', async () => {
    const before = readFileSync(join(out, 'internal', 'measures.csv'), 'utf8');
    const r = await runPipeline({ warehouse, extracts, out, site: false });
    expect(r.ingest.files).toEqual([]);
    expect(readFileSync(join(out, 'internal', 'measures.csv'), 'utf8')).toBe(before);
  });

  it('a failing blocking check stops publication and leaves the previous output untouched', async () => {
    const before = fingerprint(out);
    const wh = await Warehouse.open(warehouse);
    // Break the reconciliation behind the pipeline's back: the manifest no longer adds up.
    await wh.run(
      `update manifest set rows_read = rows_read + 1 where file_id = (select min(file_id) from manifest where status = 'loaded')`,
    );
    await wh.close();
    await expect(runPipeline({ warehouse, extracts, out, site: true })).rejects.toThrow(
      /blocking check.*manifest_reconciles/,
    );
    expect(fingerprint(out)).toEqual(before);
    // The CLI says so in one line and exits non-zero.
    let stderr = '';
    const spy = vi
      .spyOn(process.stderr, 'write')
      .mockImplementation((s: string | Uint8Array) => ((stderr += String(s)), true));
    const code = await main(['--warehouse', warehouse, 'publish', '--out', out, '--no-site']);
    spy.mockRestore();
    expect(code).toBe(1);
    expect(stderr).toMatch(
      /^sa-outcomes: error: blocking check\(s\) failed in the last build, so nothing was published: manifest_reconciles/,
    );
    expect(fingerprint(out)).toEqual(before);
  });
});

describe('a run that cannot write', () => {
  it('stops before it touches the warehouse when OUT is on a read-only mount (EROFS)', async () => {
    const ro = tmpfs(1);
    remountReadOnly(ro);
    const warehouse = join(tempDir(), 'warehouse.duckdb');
    const out = join(ro, 'published');
    await expect(runPipeline({ warehouse, extracts, out, site: false })).rejects.toThrow(
      `the output folder ${out} is read-only (EROFS)`,
    );
    expect(existsSync(warehouse)).toBe(false);
  });

  it('stops with one line, before it opens the warehouse, when the user may not write in OUT (EACCES)', () => {
    // Root writes anywhere, so the command runs as `nobody`, with a warehouse folder of its own.
    const root = tempDir();
    chmodSync(root, 0o755);
    const locked = join(root, 'locked');
    mkdirSync(locked);
    chmodSync(locked, 0o555);
    const own = join(root, 'own');
    mkdirSync(join(own, 'extracts'), { recursive: true });
    chownSync(own, NOBODY, NOBODY);
    const out = join(locked, 'published');
    const r = spawnSync(
      process.execPath,
      [
        BIN,
        '--warehouse',
        join(own, 'warehouse.duckdb'),
        'run',
        '--extracts',
        join(own, 'extracts'),
        '--out',
        out,
        '--no-site',
      ],
      { uid: NOBODY, gid: NOBODY, encoding: 'utf8', env: { ...process.env, HOME: own } },
    );
    expect(r.stderr).toBe(
      `sa-outcomes: error: the output folder ${out} is read-only (EACCES): nothing can be written in ${locked}; make it writable or choose another --out\n`,
    );
    expect(r.status).toBe(1);
    expect(existsSync(join(own, 'warehouse.duckdb'))).toBe(false);
  });

  it('is recorded as failed, with its message, when the disk of the warehouse fills up', async () => {
    const disk = tmpfs(16);
    const warehouse = join(disk, 'warehouse.duckdb');
    const empty = await Warehouse.open(warehouse);
    await ensureSchema(empty);
    await empty.close();
    // The disk filled but for the run's reserve and 1 MB: too little for the four months of extracts.
    const { bavail, bsize } = statfsSync(disk);
    writeFileSync(join(disk, 'filler'), Buffer.alloc(bavail * bsize - RESERVE_BYTES - 1024 * 1024));
    await expect(runPipeline({ warehouse, extracts, out: tempDir(), site: false })).rejects.toThrow(
      /No space left on device/,
    );
    rmSync(join(disk, 'filler'));
    const wh = await Warehouse.open(warehouse);
    try {
      expect(await wh.all(`select command, status, error from runs`)).toEqual([
        { command: 'run', status: 'failed', error: expect.stringMatching(/No space left on device/) },
      ]);
    } finally {
      await wh.close();
    }
  });
});
