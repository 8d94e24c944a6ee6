// Given tables that several models read alike, written once: a measure's cohort window as the registry gives
// it, and the one case whose program and manager an event of it takes.
import { table, type Rows } from './run-model.ts';

/** measure_registry as a cohort model reads it: the window, in days, of the measure whose rule it applies. */
export const cohortWindow = (measureId: string, days: number): Rows => table`
  measure_id   | cohort_days
  ${measureId} | ${days}`;

/** stg_cases holding one case, with the program and manager its events are counted under. */
export const oneCase = (caseId: string, program: string, serviceManager: string): Rows => table`
  case_id   | program    | service_manager
  ${caseId} | ${program} | ${serviceManager}`;
