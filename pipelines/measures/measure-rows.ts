// measure_rows, the one model made from the registry rather than read from a file: every mart the registry
// names, stacked, with the columns the rollup model reads. So a new measure takes its registry entry and its
// mart's SQL file, and nothing else names the mart. A mart gives measure_id, period, service_manager,
// program, breakdown, numerator and denominator (either may be left out: null), and median_value for a
// median; each is stacked on its own so that its own types stand (no decimal widened to a double by another
// mart's), then cast to the common ones.
import type { MeasureDef } from './registry.ts';

export const MEASURE_ROWS = 'measure_rows';

export function measureRowsSql(measures: readonly MeasureDef[]): string {
  const marts = [...new Set(measures.map((m) => m.mart))].sort();
  const header = `-- ${MEASURE_ROWS}: the rows of every mart named in the measure registry (${marts.join(', ')})`;
  const stacked = marts.map(
    (mart) => `select
    measure_id::varchar as measure_id, period::varchar as period, service_manager::varchar as service_manager,
    program::varchar as program, breakdown::varchar as breakdown, numerator::decimal(38, 2) as numerator,
    denominator::bigint as denominator, median_value::decimal(18, 1) as median_value
from (
    select null as numerator, null as denominator, null as median_value where false
    union all by name
    select * from ${mart}
)`,
  );
  // A view: the rollup alone reads it, once, and storing its rows cost as much as stacking them again.
  return `${header}\n-- materialized: view\n${stacked.join('\nunion all\n')}`;
}

/** measure_rows as the runner takes a generated model (the build, and one-model tests, load it so). */
export const measureRowsModel = (measures: readonly MeasureDef[]) => ({
  name: MEASURE_ROWS,
  path: 'pipelines/measures/measure-rows.ts',
  sql: measureRowsSql(measures),
});
