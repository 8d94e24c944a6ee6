// `serve`: previews the built dashboards on 127.0.0.1 (static files only; clean URLs map to .html).
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.csv': 'text/csv; charset=utf-8',
  '.parquet': 'application/vnd.apache.parquet',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/** The file a request path names inside root, or null (outside root or missing). */
export function resolveRequest(root: string, urlPath: string): string | null {
  const path = normalize(decodeURIComponent(urlPath.split('?')[0] ?? '/'));
  const base = resolve(root, '.' + path);
  if (!base.startsWith(resolve(root))) return null;
  for (const candidate of [base, `${base}.html`, join(base, 'index.html')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

export function serveSite(siteDir: string, port: number): Promise<{ server: Server; url: string }> {
  if (!existsSync(join(siteDir, 'index.html'))) {
    throw new Error(`no site in ${siteDir}: run \`sa-outcomes run\` or \`sa-outcomes publish\` first`);
  }
  const server = createServer((req, res) => {
    const file = resolveRequest(siteDir, req.url ?? '/');
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      const actual = typeof address === 'object' && address ? address.port : port;
      ok({ server, url: `http://127.0.0.1:${actual}/` });
    });
  });
}
