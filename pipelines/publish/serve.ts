// `serve`: previews the built dashboards on 127.0.0.1 (static files only; clean URLs map to .html). Whatever
// a request asks, the server answers it (400 for a path it cannot read, 404 for anything outside the site)
// and keeps serving. Text is sent gzipped to a browser that accepts it, as any web host sends it: the
// pages' scripts and data are a third of their size compressed.
import { createReadStream, existsSync, realpathSync, statSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { createGzip } from 'node:zlib';

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

/** The types worth compressing: text (parquet, PNG and WOFF2 are compressed already). */
const COMPRESSED = /^(text\/|application\/json|image\/svg)/;

/** A request path that is not a path: bad percent-encoding (`/%`, `/%E0%A4%A`) or a NUL byte. */
export class MalformedPath extends Error {}

function decodePath(urlPath: string): string {
  let path: string;
  try {
    path = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  } catch {
    throw new MalformedPath(`malformed path: ${urlPath}`);
  }
  if (path.includes('\0')) throw new MalformedPath(`malformed path: ${urlPath}`);
  return path;
}

/**
 * The file a request path names inside root, or null (outside root or missing); throws MalformedPath. Links
 * are followed before the check: the site may itself be a link (OUT/site -> current/site), but a link inside
 * it cannot lead out of it.
 */
export function resolveRequest(root: string, urlPath: string): string | null {
  const base = resolve(root, '.' + normalize(decodePath(urlPath)));
  if (!existsSync(root)) return null;
  const realRoot = realpathSync(root);
  for (const candidate of [base, `${base}.html`, join(base, 'index.html')]) {
    if (!existsSync(candidate)) continue;
    const real = realpathSync(candidate);
    if (real.startsWith(realRoot + sep) && statSync(real).isFile()) return real;
  }
  return null;
}

function answer(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain' }).end(text);
}

export function serveSite(siteDir: string, port: number): Promise<{ server: Server; url: string }> {
  if (!existsSync(join(siteDir, 'index.html'))) {
    throw new Error(
      `no site in ${siteDir}: run \`sa-outcomes run\` or \`sa-outcomes publish\` first, without --no-site`,
    );
  }
  const server = createServer((req, res) => {
    let file: string | null;
    try {
      file = resolveRequest(siteDir, req.url ?? '/');
    } catch (e) {
      if (e instanceof MalformedPath) answer(res, 400, 'bad request');
      else answer(res, 500, 'server error');
      return;
    }
    if (!file) {
      answer(res, 404, 'not found');
      return;
    }
    // A file removed between the check and the read (an old publication cleared) ends that answer only.
    const stream = createReadStream(file).on('error', () => {
      if (res.headersSent) res.destroy();
      else answer(res, 404, 'not found');
    });
    stream.once('open', () => {
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? '')) && COMPRESSED.test(type);
      res.writeHead(200, {
        'content-type': type,
        vary: 'accept-encoding',
        ...(gzip ? { 'content-encoding': 'gzip' } : {}),
      });
      (gzip ? stream.pipe(createGzip()) : stream).pipe(res);
    });
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
