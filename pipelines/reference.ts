// Reference data kept in git (data/reference/): the 47 service managers and the Employment Services catchments.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { csvParse } from 'd3-dsv';

export const REFERENCE_DIR = join(import.meta.dirname, '..', 'data', 'reference');

export interface ServiceManager {
  code: string;
  name: string;
  type: 'CMSM' | 'DSSAB';
  region: string;
}

export function serviceManagers(dir = REFERENCE_DIR): ServiceManager[] {
  const rows = csvParse(readFileSync(join(dir, 'service_managers.csv'), 'utf8'));
  return rows.map((r) => ({
    code: r.code ?? '',
    name: r.name ?? '',
    type: r.type === 'DSSAB' ? 'DSSAB' : 'CMSM',
    region: r.region ?? '',
  }));
}
