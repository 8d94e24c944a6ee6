// Builds the public dashboards (Observable Framework, dashboards/) from a public folder, offline.
//
// Each build runs in its own staged copy of dashboards/ under dashboards/.observablehq/cache/
// (ignored by git, lint and tsc), so:
//  - no loader output is ever reused: Framework caches loader results in <root>/.observablehq/cache
//    and, when building, uses a cached result even if it is stale — a fresh stage has none;
//  - concurrent builds (two test workers, a scheduled run during a test) cannot mix their data;
//  - nothing is written into dashboards/src.
// What is worth keeping between builds — the node_modules bundles (_node/, keyed by package@version,
// ~10 s to rebuild) and the npm version lookups Framework makes for its client (_npm/) — is seeded
// into each stage from dashboards/.observablehq/cache/shared and saved back after a successful build.
//
// Framework builds one page after another in one process (~0.3 s of CPU a page, ~120 pages) and runs
// the data loaders one after another. So the data loaders run here first, two at a time, each writing its
// file next to it in the stage's src/data (overview.json.ts → overview.json: Framework serves a file that
// exists before looking for its loader, so the loaders do not run again), and then the English and the French
// pages are built by two Framework processes at once, each in its own copy of the stage; their outputs
// are merged (every asset's name carries its content hash, so both builds name a shared asset alike).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, open, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, delimiter, join, relative, resolve } from 'node:path';

const REPO_DIR = join(import.meta.dirname, '..', '..');
const DASHBOARDS_DIR = join(REPO_DIR, 'dashboards');
const BIN_DIR = join(REPO_DIR, 'node_modules', '.bin');
const WORK_DIR = join(DASHBOARDS_DIR, '.observablehq', 'cache');
const SHARED_CACHE = join(WORK_DIR, 'shared');
/** Framework cache folders that do not depend on the data. */
const SHARED_ENTRIES = ['_node', '_npm'];
/** What a stage copies from dashboards/. */
const SITE_SOURCES = ['observablehq.config.ts', 'lib', 'src'];
const STALE_STAGE_MS = 6 * 60 * 60 * 1000;
/** The site's languages: one Framework build each (dashboards/observablehq.config.ts reads SA_SITE_LANGS). */
const LANGS = ['en', 'fr'];
/** Data loaders run at once: the machines this runs on have two cores. */
const LOADER_CONCURRENCY = 2;
const TAIL_LINES = 25;

export interface BuildSiteOptions {
  /** The public folder (measures.csv, metadata.json, …) the site is built from. */
  publicDir: string;
  /** Where the built site goes; created if missing (the caller makes it fresh and switches to it when all is written). */
  outDir: string;
  /** Receives the build's progress lines. */
  log?: (line: string) => void;
}

export interface BuildSiteResult {
  pages: number;
  bytes: number;
  seconds: number;
}

export async function buildSite(opts: BuildSiteOptions): Promise<BuildSiteResult> {
  const started = performance.now();
  const log = opts.log ?? (() => {});
  const publicDir = resolve(opts.publicDir);
  for (const name of ['measures.csv', 'metadata.json']) {
    if (!existsSync(join(publicDir, name))) {
      throw new Error(
        `site build: ${join(publicDir, name)} is missing; the site is built from a published public folder`,
      );
    }
  }
  const observable = join(BIN_DIR, 'observable');
  if (!existsSync(observable)) throw new Error(`site build: ${observable} not found; run npm install`);

  await mkdir(WORK_DIR, { recursive: true });
  await removeStaleStages();
  const stage = await mkdtemp(join(WORK_DIR, 'build-'));
  try {
    for (const name of SITE_SOURCES) {
      await cp(join(DASHBOARDS_DIR, name), join(stage, name), {
        recursive: true,
        filter: (src) => basename(src) !== '.observablehq',
      });
    }
    const stageCache = join(stage, 'src', '.observablehq', 'cache');
    for (const entry of SHARED_ENTRIES) {
      if (existsSync(join(SHARED_CACHE, entry)))
        await cp(join(SHARED_CACHE, entry), join(stageCache, entry), { recursive: true });
    }

    const env = {
      SA_PUBLIC_DIR: publicDir,
      OBSERVABLE_TELEMETRY_DISABLE: '1',
      NO_COLOR: '1',
      // Framework runs page loaders with the config's interpreter (node, tsx's loader), found on the PATH.
      PATH: `${BIN_DIR}${delimiter}${process.env.PATH ?? ''}`,
    };
    await runDataLoaders(stage, env, log);

    const output = join(stage, 'dist');
    const builds = await Promise.allSettled(
      LANGS.map(async (lang) => {
        const langStage = `${stage}-${lang}`;
        await cp(stage, langStage, { recursive: true });
        const dist = join(langStage, 'dist');
        await runObservableBuild(
          observable,
          langStage,
          { ...env, SA_SITE_OUTPUT: dist, SA_SITE_LANGS: lang },
          log,
        );
        return langStage;
      }),
    );
    const failed = builds.find((b) => b.status === 'rejected');
    if (failed) throw failed.reason;
    for (const b of builds) {
      if (b.status === 'fulfilled') await cp(join(b.value, 'dist'), output, { recursive: true, force: true });
    }

    await allowZoom(output);
    const files = await listFiles(output);
    const pages = files.filter((f) => f.path.endsWith('.html')).length;
    if (pages === 0) throw new Error(`site build: observable build wrote no pages into ${output}`);
    const bytes = files.reduce((sum, f) => sum + f.size, 0);

    await mkdir(opts.outDir, { recursive: true });
    await cp(output, opts.outDir, { recursive: true });
    // Both builds bundled the same node_modules packages: keep the first's for the next build.
    await saveSharedCache(join(`${stage}-${LANGS[0]}`, 'src', '.observablehq', 'cache'));
    const seconds = Math.round((performance.now() - started) / 100) / 10;
    log(
      `site: ${pages} page${pages === 1 ? '' : 's'}, ${files.length} files, ${formatBytes(bytes)} in ${seconds} s → ${opts.outDir}`,
    );
    return { pages, bytes, seconds };
  } finally {
    for (const dir of [stage, ...LANGS.map((lang) => `${stage}-${lang}`)])
      await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Runs every data loader of the stage's src/data (one output file each: overview.json.ts →
 * overview.json, written beside it), LOADER_CONCURRENCY at a time, as Framework would run them.
 */
async function runDataLoaders(
  stage: string,
  env: Record<string, string>,
  log: (line: string) => void,
): Promise<void> {
  const dataDir = join(stage, 'src', 'data');
  const loaders = (await readdir(dataDir)).filter((f) => f.endsWith('.ts')).sort();
  const queue = [...loaders];
  const worker = async () => {
    for (let loader = queue.shift(); loader; loader = queue.shift()) {
      const started = performance.now();
      const target = join(dataDir, loader.slice(0, -'.ts'.length));
      try {
        await runDataLoader(join(dataDir, loader), target, stage, env);
      } catch (error) {
        queue.length = 0; // the build has failed: start no other loader
        throw error;
      }
      log(
        `data loader ${loader} → ${relative(stage, target)} in ${Math.round(performance.now() - started)} ms`,
      );
    }
  };
  // Wait for every running loader before reporting a failure, so none is left writing into the stage.
  const results = await Promise.allSettled(Array.from({ length: LOADER_CONCURRENCY }, worker));
  const failed = results.find((r) => r.status === 'rejected');
  if (failed) throw failed.reason;
}

async function runDataLoader(
  loader: string,
  target: string,
  cwd: string,
  env: Record<string, string>,
): Promise<void> {
  const temp = `${target}.${process.pid}.tmp`;
  const out = await open(temp, 'w');
  const stderr: string[] = [];
  try {
    const child = spawn(process.execPath, ['--import', 'tsx', loader], {
      cwd,
      env: { ...process.env, ...env },
      stdio: ['ignore', out.fd, 'pipe'],
    });
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => stderr.push(chunk));
    const code = await new Promise<number | string>((done, fail) => {
      child.on('error', fail);
      child.on('close', (exitCode, signal) => done(exitCode ?? signal ?? 'unknown'));
    });
    if (code !== 0) {
      const lines = stripAnsi(stderr.join('')).trim().split('\n');
      const reason =
        lines.find((l) => l.startsWith('data loader ')) ?? lines[lines.length - 1] ?? 'no output';
      throw new Error(
        `site build failed (${basename(loader)} exited with ${code}): ${reason}\n--- loader output ---\n${lines.slice(-TAIL_LINES).join('\n')}`,
      );
    }
  } finally {
    await out.close();
  }
  await rename(temp, target);
}

async function runObservableBuild(
  observable: string,
  cwd: string,
  env: Record<string, string>,
  log: (line: string) => void,
): Promise<void> {
  const stderrTail: string[] = [];
  const stdoutTail: string[] = [];
  const keep = (tail: string[], line: string) => {
    tail.push(line);
    if (tail.length > TAIL_LINES) tail.shift();
  };
  const child = spawn(observable, ['build'], {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines = (stream: NodeJS.ReadableStream, tail: string[]) => {
    let pending = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      pending += chunk;
      const parts = pending.split(/\r?\n/);
      pending = parts.pop() ?? '';
      for (const part of parts) {
        const line = stripAnsi(part).trimEnd();
        if (!line) continue;
        keep(tail, line);
        log(line);
      }
    });
    stream.on('end', () => {
      const line = stripAnsi(pending).trimEnd();
      if (!line) return;
      keep(tail, line);
      log(line);
    });
  };
  lines(child.stdout, stdoutTail);
  lines(child.stderr, stderrTail);
  const code = await new Promise<number | string>((done, fail) => {
    child.on('error', fail);
    child.on('close', (exitCode, signal) => done(exitCode ?? signal ?? 'unknown'));
  });
  if (code === 0) return;
  const tail = stderrTail.length > 0 ? stderrTail : stdoutTail;
  const reason =
    tail.find((l) => /^data loader |Unexpected error|^Error|error:/i.test(l)) ??
    tail[tail.length - 1] ??
    'no output';
  throw new Error(
    `site build failed (observable build exited with ${code}): ${reason}\n--- build output (last ${tail.length} lines) ---\n${tail.join('\n')}`,
  );
}

/** Moves this build's new _node/_npm entries into the shared cache (rename: complete entries only). */
async function saveSharedCache(stageCache: string): Promise<void> {
  for (const entry of SHARED_ENTRIES) {
    const from = join(stageCache, entry);
    if (!existsSync(from)) continue;
    const to = join(SHARED_CACHE, entry);
    await mkdir(to, { recursive: true });
    for (const name of await namesTwoDeep(from)) {
      if (existsSync(join(to, name))) continue;
      await mkdir(join(to, name, '..'), { recursive: true });
      // Another build may save the same entry at the same moment: either copy is fine.
      await rename(join(from, name), join(to, name)).catch(() => {});
    }
  }
}

/** Entries of a cache folder, looking inside npm scopes (`@observablehq/plot@0.6.17`). */
async function namesTwoDeep(dir: string): Promise<string[]> {
  const names: string[] = [];
  for (const name of await readdir(dir)) {
    if (name.startsWith('@')) for (const sub of await readdir(join(dir, name))) names.push(join(name, sub));
    else names.push(name);
  }
  return names;
}

/** Stages left behind by a killed build. */
async function removeStaleStages(): Promise<void> {
  for (const name of await readdir(WORK_DIR)) {
    if (!name.startsWith('build-')) continue;
    const path = join(WORK_DIR, name);
    const info = await stat(path).catch(() => null);
    if (info && Date.now() - info.mtimeMs > STALE_STAGE_MS) await rm(path, { recursive: true, force: true });
  }
}

/** Framework's pages forbid zooming (maximum-scale=1), which fails WCAG 1.4.4: every page may be zoomed. */
const NO_ZOOM = '<meta name="viewport" content="width=device-width, initial-scale=1, maximum-scale=1">';
const ZOOM = '<meta name="viewport" content="width=device-width, initial-scale=1">';

async function allowZoom(dir: string): Promise<void> {
  for (const f of await listFiles(dir)) {
    if (!f.path.endsWith('.html')) continue;
    const html = await readFile(f.path, 'utf8');
    if (html.includes(NO_ZOOM)) await writeFile(f.path, html.replace(NO_ZOOM, ZOOM));
  }
}

async function listFiles(dir: string): Promise<{ path: string; size: number }[]> {
  const out: { path: string; size: number }[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    out.push({ path, size: (await stat(path)).size });
  }
  return out;
}

function stripAnsi(s: string): string {
  return s.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '');
}

function formatBytes(n: number): string {
  return n >= 1e6 ? `${(n / 1e6).toFixed(1)} MB` : `${Math.round(n / 1e3)} kB`;
}
