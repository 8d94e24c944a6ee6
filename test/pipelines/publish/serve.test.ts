// `serve`: static files from the site folder, clean URLs, nothing outside the folder.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveRequest, serveSite } from '../../../pipelines/publish/serve.ts';
import { tempDir } from '../../helpers.ts';

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
  it('says what to do when there is no site yet', () => {
    expect(() => serveSite(tempDir(), 0)).toThrow(/run `sa-outcomes run`/);
  });
});
