// The reference files' seeds: a file is read by the columns its header names, so an older file without
// the optional French names still loads, and one without a column the warehouse needs is refused by name.
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSeeds } from '../../../pipelines/models/seeds.ts';
import { REFERENCE_DIR } from '../../../pipelines/reference.ts';
import { memoryWarehouse, tempDir } from '../../helpers.ts';

/** The reference folder, with service_managers.csv replaced by `text`. */
function referenceWith(text: string): string {
  const dir = tempDir();
  cpSync(REFERENCE_DIR, dir, { recursive: true });
  writeFileSync(join(dir, 'service_managers.csv'), text);
  return dir;
}

/** The service managers the warehouse seeds from that file (loadSeeds; the warehouse closed after). */
async function seededManagers(text: string): Promise<Record<string, unknown>[]> {
  const wh = await memoryWarehouse();
  try {
    await loadSeeds(wh, referenceWith(text));
    return await wh.all('select code, name, type, region from ref_service_managers order by code');
  } finally {
    await wh.close();
  }
}

describe('reference seeds', () => {
  it('loads a service_managers.csv without name_fr (the file before French names) as it is', async () => {
    await expect(
      seededManagers(
        'code,name,type,region\nTOR,City of Toronto,CMSM,Toronto\nRRD,Rainy River DSSAB,DSSAB,North\n',
      ),
    ).resolves.toEqual([
      { code: 'RRD', name: 'Rainy River DSSAB', type: 'DSSAB', region: 'North' },
      { code: 'TOR', name: 'City of Toronto', type: 'CMSM', region: 'Toronto' },
    ]);
  });

  it('loads the columns in any order, with name_fr among them, and a quoted name holding a comma', async () => {
    await expect(
      seededManagers(
        'region,"name_fr",type,name,code\nToronto,"Ville de Toronto, la",CMSM,City of Toronto,TOR\n',
      ),
    ).resolves.toEqual([{ code: 'TOR', name: 'City of Toronto', type: 'CMSM', region: 'Toronto' }]);
  });

  it('refuses a file without a column it needs, and names the file and the column', async () => {
    const wh = await memoryWarehouse();
    const dir = referenceWith('code,name,region\nTOR,City of Toronto,Toronto\n');
    try {
      await expect(loadSeeds(wh, dir)).rejects.toThrow(
        `${join(dir, 'service_managers.csv')}: its header (code,name,region) lacks type; the columns needed are code, name, type, region`,
      );
    } finally {
      await wh.close();
    }
  });
});
