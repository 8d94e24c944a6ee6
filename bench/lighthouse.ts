// Lighthouse on pages of a served site, in Debian's chromium: its four category scores and the
// figures behind the performance score. Lighthouse is pinned at 12.2.3 (newer versions need Node 22)
// and runs with its default settings: a mid-range phone, slow 4G and a CPU 4 times slower, simulated.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import { CHROMIUM, CHROMIUM_ARGS } from '../test/dashboards/browser.ts';

export interface LighthouseResult {
  page: string;
  /** The four categories, 0 to 100. */
  performance: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
  totalBlockingTimeMs: number;
  largestContentfulPaintMs: number;
  cumulativeLayoutShift: number;
  /** Elements in the page when Lighthouse's load ends (its dom-size audit). */
  domElements: number;
  /** The audits below 100 in accessibility and best practices, by id: what to mend. */
  failedAudits: string[];
  /** The performance scores of every run, for a page measured more than once. */
  runs: number[];
}

/** A chromium that Lighthouse drives over its DevTools port. */
async function chromiumWithPort(): Promise<{ port: number; close: () => Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'sa-lighthouse-'));
  const child: ChildProcess = spawn(
    CHROMIUM,
    [...CHROMIUM_ARGS, '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const port = await new Promise<number>((resolve, reject) => {
    let text = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      const match = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(text);
      if (match) resolve(Number(match[1]));
    });
    child.on('exit', (code) => reject(new Error(`chromium exited (${code}) before its port:\n${text}`)));
  });
  return {
    port,
    close: async () => {
      // The profile is removed once chromium has stopped writing to it.
      const exited = new Promise((done) => child.once('exit', done));
      child.kill();
      await exited;
      rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
    },
  };
}

const score = (n: number | null | undefined) => Math.round((n ?? 0) * 100);

/**
 * Lighthouse's report for each page of `paths` under `siteUrl` (ending in '/'), one at a time. A page
 * of `repeated` is measured three times and reported by its median performance run, as Lighthouse
 * advises: one run's score moves by several points with what the machine is doing.
 */
export async function lighthousePages(
  siteUrl: string,
  paths: readonly string[],
  repeated: readonly string[] = [],
): Promise<LighthouseResult[]> {
  const browser = await chromiumWithPort();
  const results: LighthouseResult[] = [];
  try {
    for (const path of paths) {
      const runs: LighthouseResult[] = [];
      for (let i = 0; i < (repeated.includes(path) ? 3 : 1); i++)
        runs.push(await measure(siteUrl, path, browser.port));
      runs.sort((a, b) => a.performance - b.performance);
      const median = runs[Math.floor(runs.length / 2)];
      if (median) results.push({ ...median, runs: runs.length > 1 ? runs.map((r) => r.performance) : [] });
    }
  } finally {
    await browser.close();
  }
  return results;
}

/** One Lighthouse run on one page. */
async function measure(siteUrl: string, path: string, port: number): Promise<LighthouseResult> {
  const run = await lighthouse(siteUrl + path.replace(/^\//, ''), {
    port,
    logLevel: 'error',
    onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
  });
  if (!run) throw new Error(`Lighthouse returned nothing for ${path}`);
  const { categories, audits } = run.lhr;
  const failedAudits = ['accessibility', 'best-practices', 'seo'].flatMap((id) =>
    (categories[id]?.auditRefs ?? [])
      .filter((ref) => ref.weight > 0 && (audits[ref.id]?.score ?? 1) < 1)
      .map((ref) => ref.id),
  );
  return {
    page: path,
    performance: score(categories.performance?.score),
    accessibility: score(categories.accessibility?.score),
    bestPractices: score(categories['best-practices']?.score),
    seo: score(categories.seo?.score),
    totalBlockingTimeMs: Math.round(audits['total-blocking-time']?.numericValue ?? NaN),
    largestContentfulPaintMs: Math.round(audits['largest-contentful-paint']?.numericValue ?? NaN),
    cumulativeLayoutShift: Math.round((audits['cumulative-layout-shift']?.numericValue ?? NaN) * 1000) / 1000,
    domElements: Math.round(audits['dom-size']?.numericValue ?? NaN),
    failedAudits,
    runs: [],
  };
}
