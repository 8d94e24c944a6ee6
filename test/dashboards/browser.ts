// A real browser on the built site: Debian's chromium driven by playwright-core (never a browser
// downloaded by playwright), the site served on 127.0.0.1 by `serve`, and every request that leaves the
// site recorded and refused.
import { readdirSync } from 'node:fs';
import type { Server } from 'node:http';
import { join, relative } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { serveSite } from '../../pipelines/publish/serve.ts';

export const CHROMIUM = '/usr/bin/chromium';
/** Headless, with nothing of chromium's own going out to the network (the benchmark's Lighthouse uses them too). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface SiteBrowser {
  browser: Browser;
  context: BrowserContext;
  /** The site's address, ending in '/'. */
  url: string;
  /** Requests for anything outside the site, refused. */
  outside: string[];
  close(): Promise<void>;
}

/** Debian's chromium, headless, with nothing of its own going out to the network. */
export const launchChromium = (): Promise<Browser> =>
  chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });

/** The page paths of a built site ('/', '/en/', '/en/managers/TOR', …), from its HTML files. */
export function sitePages(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) =>
      `/${relative(dir, join(e.parentPath, e.name))}`
        .replace(/(^|\/)index\.html$/, '$1')
        .replace(/\.html$/, ''),
    )
    .sort();
}

export async function openSite(siteDir: string): Promise<SiteBrowser> {
  const { server, url } = await serveSite(siteDir, 0);
  const browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const outside: string[] = [];
  await context.route('**/*', (route) => {
    const target = route.request().url();
    if (target.startsWith(url)) return route.continue();
    outside.push(target);
    return route.abort('blockedbyclient');
  });
  return {
    browser,
    context,
    url,
    outside,
    async close() {
      await browser.close();
      await new Promise<void>((done) => (server as Server).close(() => done()));
    },
  };
}

export interface PageVisit {
  page: Page;
  /** console.error messages, uncaught exceptions and failed requests, as long as the page is open. */
  errors: string[];
}

/** Opens a page of the site and waits until it is loaded and the charts near the top are drawn. */
export async function visit(site: SiteBrowser, path: string, page?: Page): Promise<PageVisit> {
  const p = page ?? (await site.context.newPage());
  const errors: string[] = [];
  p.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console.error: ${m.text()}`);
  });
  p.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
  p.on('requestfailed', (r) => errors.push(`request failed: ${r.url()} (${r.failure()?.errorText ?? '?'})`));
  p.on('response', (r) => {
    if (r.status() >= 400) errors.push(`HTTP ${r.status()} for ${r.url()}`);
  });
  const response = await p.goto(site.url + path.replace(/^\//, ''), { waitUntil: 'load', timeout: 0 });
  if (!response?.ok()) errors.push(`HTTP ${response?.status()} for ${path}`);
  // Framework runs the page's code after load: each block and inline expression shows a loading
  // placeholder until it has displayed (or displayed nothing); wait until none is left in the page, then
  // for the charts in view, drawn right after. Sections live in the Markdown, so a page's blocks need not
  // be children of main. These wait on the page, not the clock (timeout 0): a loaded machine is only
  // slower, and the test's own timeout ends a hang.
  await settled(p);
  await p.waitForFunction(
    () =>
      [...document.querySelectorAll<HTMLElement>('.sa-chart-slot')]
        .filter((s) => s.getBoundingClientRect().top < window.innerHeight)
        .every((s) => s.firstElementChild),
    null,
    { timeout: 0 },
  );
  // A block that threw shows its error in the page instead of its content.
  for (const e of await p.locator('main .observablehq--error').allTextContents())
    errors.push(`block error: ${e}`);
  return { page: p, errors };
}

/**
 * Opens a page of the site, runs `check` on it, and then requires that the page logged no error and no
 * request failed; the page is closed whatever happens.
 */
export async function onPage(
  site: SiteBrowser,
  path: string,
  check: (page: Page) => Promise<void>,
): Promise<void> {
  const { page, errors } = await visit(site, path);
  try {
    await check(page);
    expect(errors).toEqual([]);
  } finally {
    await page.close();
  }
}

/** Waits until every block and inline expression of the page has displayed (no loading placeholder left). */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('main observablehq-loading'), null, {
    timeout: 0,
  });
}

/**
 * Opens every fold of the page (a topic's measures fold their breakdown and managers away), then draws
 * every chart, as printing does, and waits for them.
 */
export async function drawAll(page: Page): Promise<void> {
  await page.evaluate(() => {
    for (const d of document.querySelectorAll<HTMLDetailsElement>('details.sa-more')) d.open = true;
    window.dispatchEvent(new Event('beforeprint'));
  });
  // A chart whose slot was measured after that (a block that displayed again) is drawn by asking again,
  // as a second print would.
  await page.waitForFunction(
    () => {
      const done = [...document.querySelectorAll('.sa-chart-slot')].every((s) => s.firstElementChild);
      if (!done) window.dispatchEvent(new Event('beforeprint'));
      return done;
    },
    null,
    { timeout: 0, polling: 1000 },
  );
}
