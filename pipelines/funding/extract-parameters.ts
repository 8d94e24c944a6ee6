// Funding parameters that come with the extracts. An extracts folder may hold a `funding/` folder of
// parameter files (default.json and <FY>.json, as in data/reference/funding/). The demo writes one, its
// envelope scaled to the demo's share of the province, so its allocations sit beside its assistance as the
// illustrative defaults would beside Ontario's. Real deliveries carry none and use data/reference/funding/.
//
// Ingest records the folder's files in the warehouse (extract_funding_parameters), so a later `build` or
// `funding --params default` uses the same ones without being told where the extracts are; an extracts
// folder without `funding/` records none. A bad file stops the ingest with its path, field and problem.
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadParameterDir, parameterSet, readParameterDir, type ParameterFile } from './parameters.ts';
import type { Warehouse } from '../warehouse.ts';

/** The folder of an extracts folder that holds its funding parameters (not a delivery). */
export const EXTRACT_PARAMETERS_DIR = 'funding';

/**
 * Records the funding parameters of the extracts folder, replacing those recorded before; returns the
 * files' paths (none when the folder has no `funding/`). Validates them first, so a bad file changes nothing.
 */
export async function recordExtractParameters(wh: Warehouse, extracts: string): Promise<string[]> {
  const dir = join(extracts, EXTRACT_PARAMETERS_DIR);
  const texts = existsSync(dir) && statSync(dir).isDirectory() ? readParameterDir(dir) : [];
  if (texts.length > 0) parameterSet(texts.map((t) => ({ ...t, fromExtracts: true })));
  await wh.transaction(async () => {
    await wh.db.deleteFrom('extract_funding_parameters').execute();
    if (texts.length > 0) await wh.db.insertInto('extract_funding_parameters').values(texts).execute();
  });
  return texts.map((t) => t.path);
}

/**
 * The parameter files in force: those recorded with the extracts when there are any, else the reference
 * folder's (`<referenceDir>/funding/`).
 */
export async function parametersInForce(wh: Warehouse, referenceDir: string): Promise<ParameterFile[]> {
  const recorded = (await wh.tableExists('extract_funding_parameters'))
    ? await wh.db.selectFrom('extract_funding_parameters').selectAll().orderBy('name').execute()
    : [];
  return recorded.length > 0
    ? parameterSet(recorded.map((r) => ({ ...r, fromExtracts: true })))
    : loadParameterDir(join(referenceDir, 'funding'));
}
