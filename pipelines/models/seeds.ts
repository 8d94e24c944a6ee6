// Seed tables the models read besides the extracts (like dbt seeds): reference data from data/reference/
// and the measure registry. Reloaded at every build so they always match the files and the code.
import { join } from 'node:path';
import { MEASURES } from '../measures/registry.ts';
import { REFERENCE_DIR } from '../reference.ts';
import { lit, type Warehouse } from '../warehouse.ts';

export async function loadSeeds(wh: Warehouse, referenceDir: string = REFERENCE_DIR): Promise<void> {
  const csv = (file: string): string =>
    `read_csv(${lit(join(referenceDir, file))}, header = true, all_varchar = true, auto_detect = false, columns = `;
  await wh.run(`create or replace table ref_service_managers as
    select * from ${csv('service_managers.csv')} {'code': 'VARCHAR', 'name': 'VARCHAR', 'type': 'VARCHAR', 'region': 'VARCHAR'})`);
  await wh.run(`create or replace table ref_est_catchments as
    select code, catchment, phase, try_cast(ies_start as date) as ies_start
    from ${csv('est_catchments.csv')} {'code': 'VARCHAR', 'catchment': 'VARCHAR', 'phase': 'VARCHAR', 'ies_start': 'VARCHAR'})`);
  const rows = MEASURES.map(
    (m) =>
      `(${lit(m.id)}, ${lit(m.kind)}, ${m.moneyNumerator}, ${m.cohortDays ?? 'null'}, ${lit(m.breakdown ?? '')}, ${lit(m.title.en)}, ${lit(m.title.fr)})`,
  ).join(',\n');
  await wh.run(`create or replace table measure_registry as
    select * from (values ${rows}) as t(measure_id, kind, money_numerator, cohort_days, breakdown_column, title_en, title_fr)`);
}
