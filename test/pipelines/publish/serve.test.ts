// `serve`: static files from the site folder, clean URLs, nothing outside the folder, and an answer to any
// request without ever stopping.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { resolveRequest, serveSite } from '../../../pipelines/publish/serve.ts';
import { tempDir } from '../../helpers.ts';

/** The raw answer to a GET for exactly this path (no client-side normalising, encoding or decoding). */
function get(
  url: string,
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; encoding: string | undefined; body: Buffer }> {
  return new Promise((ok, fail) => {
    const req = request(new URL(url), { path, method: 'GET', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        ok({
          status: res.statusCode ?? 0,
          encoding: res.headers['content-encoding'],
          body: Buffer.concat(chunks),
        }),
      );
    });
    req.on('error', fail);
    req.end();
  });
}

const statusOf = async (url: string, path: string): Promise<number> => (await get(url, path)).status;
const getRaw = (url: string, acceptEncoding: string) =>
  get(url, new URL(url).pathname, { 'accept-encoding': acceptEncoding });

describe('serve', () => {
  it('serves index, clean URLs and assets, and refuses paths outside the site', async () => {
    const site = tempDir();
    writeFileSync(join(site, 'index.html'), '<h1>overview</h1>');
    writeFileSync(join(site, 'methodology.html'), '<h1>methodology</h1>');
    mkdirSync(join(site, '_file'));
    writeFileSync(join(site, '_file', 'a.csv'), 'x\n1\n');
    expect(resolveRequest(site, '/../../etc/passwd')).toBeNull();
    const { server, url } = await serveSite(site, 0);
    try {
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      expect(await (await fetch(url)).text()).toBe('<h1>overview</h1>');
      expect(await (await fetch(`${url}methodology`)).text()).toBe('<h1>methodology</h1>');
      const csv = await fetch(`${url}_file/a.csv`);
      expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
      expect((await fetch(`${url}missing`)).status).toBe(404);
    } finally {
      server.close();
    }
  });
  it('gzips text for a browser that accepts it, and sends it as it is to one that does not', async () => {
    const site = tempDir();
    const script = `export const months = ${JSON.stringify(Array.from({ length: 500 }, (_, i) => i))};\n`;
    writeFileSync(join(site, 'index.html'), '<h1>overview</h1>');
    writeFileSync(join(site, 'app.js'), script);
    writeFileSync(join(site, 'data.parquet'), 'PAR1');
    const { server, url } = await serveSite(site, 0);
    try {
      const gzipped = await getRaw(`${url}app.js`, 'gzip, deflate, br');
      expect(gzipped.encoding).toBe('gzip');
      expect(gunzipSync(gzipped.body).toString()).toBe(script);
      expect(gzipped.body.length).toBeLessThan(script.length / 2);
      const plain = await getRaw(`${url}app.js`, 'identity');
      expect(plain.encoding).toBeUndefined();
      expect(plain.body.toString()).toBe(script);
      // Parquet is compressed already.
      expect((await getRaw(`${url}data.parquet`, 'gzip')).encoding).toBeUndefined();
    } finally {
      server.close();
    }
  });
  it('answers 400 to a malformed path and 404 to one leading out of the site, and goes on serving', async () => {
    const site = tempDir();
    writeFileSync(join(site, 'index.html'), '<h1>overview</h1>');
    const { server, url } = await serveSite(site, 0);
    try {
      expect(await statusOf(url, '/%')).toBe(400); // a lone %
      expect(await statusOf(url, '/%E0%A4%A')).toBe(400); // a truncated UTF-8 sequence
      expect(await statusOf(url, '/%00')).toBe(400); // a NUL byte
      expect(await statusOf(url, '/index.html%00.png')).toBe(400);
      expect(await statusOf(url, '/..%2f..%2fetc/passwd')).toBe(404); // decodes to /../../etc/passwd
      expect(await statusOf(url, '/%2e%2e/%2e%2e/etc/passwd')).toBe(404);
      expect(await (await fetch(url)).text()).toBe('<h1>overview</h1>');
    } finally {
      server.close();
    }
  });

  it('serves a site that is itself a link, and nothing outside it that a link inside leads to', async () => {
    // As published: OUT/site -> current/site -> .publications/<run>/site.
    const root = tempDir();
    const real = join(root, 'publications', 'r1', 'site');
    mkdirSync(real, { recursive: true });
    writeFileSync(join(real, 'index.html'), '<h1>overview</h1>');
    writeFileSync(join(real, 'methodology.html'), '<h1>methodology</h1>');
    const site = join(root, 'site');
    symlinkSync(join('publications', 'r1', 'site'), site);
    // Secrets beside the site, one in a folder whose name starts like the site's.
    writeFileSync(join(root, 'secret.txt'), 'secret');
    mkdirSync(`${real}-private`);
    writeFileSync(join(`${real}-private`, 'secret.txt'), 'secret');
    symlinkSync(join(root, 'secret.txt'), join(real, 'leak.txt'));
    symlinkSync(`${real}-private`, join(real, 'private'));
    symlinkSync('methodology.html', join(real, 'about.html'));

    const { server, url } = await serveSite(site, 0);
    try {
      expect(await (await fetch(url)).text()).toBe('<h1>overview</h1>');
      expect(await (await fetch(`${url}about`)).text()).toBe('<h1>methodology</h1>');
      expect(await statusOf(url, '/leak.txt')).toBe(404);
      expect(await statusOf(url, '/private/secret.txt')).toBe(404);
    } finally {
      server.close();
    }
  });

  it('says what to do when there is no site yet', () => {
    expect(() => serveSite(tempDir(), 0)).toThrow(/run `sa-outcomes run`/);
  });
});
