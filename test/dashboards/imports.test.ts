// The public site depends on nothing of ingestion: every module the dashboards reach, by import or by the
// build-time loads of dashboards/lib/registry.ts, is in dashboards/ or beside the measure registry
// (pipelines/measures/). eslint.config.js says the same for direct imports; this follows them through.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const REPO = resolve(import.meta.dirname, '..', '..');

/** The repository files a source file names: relative imports, and join('pipelines', …) paths. */
function named(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const imports = [...text.matchAll(/(?:from|import)\s*\(?\s*['"`](\.{1,2}\/[^'"`$]+)['"`]/g)].map((m) =>
    resolve(dirname(file), (m[1] ?? '').replace(/\.js$/, '.ts')),
  );
  const loaded = [...text.matchAll(/join\(\s*((?:'[^']+',\s*)+'[^']+')\s*\)/g)]
    .map((m) => [...(m[1] ?? '').matchAll(/'([^']+)'/g)].map((p) => p[1] ?? ''))
    .filter((parts) => parts[0] === 'pipelines')
    .map((parts) => join(REPO, ...parts));
  return [...imports, ...loaded].filter((f) => existsSync(f) && f.endsWith('.ts'));
}

/** Every repository file the dashboards reach, following imports through. */
function reached(): Set<string> {
  const start = readdirSync(join(REPO, 'dashboards'), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(ts|md|js)$/.test(e.name) && !e.parentPath.includes('.observablehq'))
    .map((e) => join(e.parentPath, e.name));
  const seen = new Set<string>();
  for (const queue = [...start]; queue.length > 0;) {
    const file = queue.pop() ?? '';
    if (seen.has(file)) continue;
    seen.add(file);
    queue.push(...named(file));
  }
  return new Set([...seen].map((f) => relative(REPO, f)));
}

describe('the dashboards', () => {
  it('reach the measure registry and nothing else of pipelines/', () => {
    const files = reached();
    expect(files).toContain('pipelines/measures/registry.ts');
    expect(files).toContain('pipelines/measures/extract-tables.ts');
    expect(
      [...files].filter((f) => !f.startsWith('dashboards/') && !f.startsWith('pipelines/measures/')),
    ).toEqual([]);
  });
});
