// The repository's TypeScript modules the site needs at build time — the measure registry
// (pipelines/measures/registry.ts) and the extract tables' names (pipelines/measures/extract-tables.ts) —
// for the config, the data loaders and the page loaders. Site builds run from a staged copy of dashboards/
// inside the repository (pipelines/publish/site.ts), so modules are found by walking up to the repository,
// like data/reference.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as ExtractTablesModule from '../../pipelines/measures/extract-tables.ts';
import type * as RegistryModule from '../../pipelines/measures/registry.ts';

export type Registry = typeof RegistryModule;
export type MeasureDef = RegistryModule.MeasureDef;

async function importFromRepo<T>(path: string): Promise<T> {
  for (let dir = import.meta.dirname; ; dir = dirname(dir)) {
    const candidate = join(dir, path);
    if (existsSync(candidate)) return (await import(pathToFileURL(candidate).href)) as T;
    if (dirname(dir) === dir) throw new Error(`no ${path} above ${import.meta.dirname}`);
  }
}

export const loadRegistry = (): Promise<Registry> =>
  importFromRepo<Registry>(join('pipelines', 'measures', 'registry.ts'));

/** The extract contract's tables, in its order (a delivery missing one is incomplete). */
export const contractTables = async (): Promise<string[]> => [
  ...(await importFromRepo<typeof ExtractTablesModule>(join('pipelines', 'measures', 'extract-tables.ts')))
    .TABLE_NAMES,
];
