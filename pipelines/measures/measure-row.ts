// One row of the measures table and of the public measures.csv (outputs.md): the warehouse's typed access
// and the site's loaders share this definition. Types only, so the site imports nothing that runs here.

/** A figure's status: published, no data, not yet observable (a cohort's window), or suppressed. */
export type MeasureStatus = 'ok' | 'no_data' | 'pending' | 'suppressed';

export interface MeasureRow {
  measure_id: string;
  period: string;
  service_manager: string;
  program: string;
  breakdown: string;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  status: MeasureStatus;
}
