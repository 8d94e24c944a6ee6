// What funding puts beside the published outputs: the label every funding output carries, and the files a
// scenario (sa-outcomes funding) writes into OUT/public and OUT/internal beside the published baseline, which
// publish carries over into each new publication.
import { PDF_COMPONENTS } from './allocate.ts';

export const ILLUSTRATIVE_NOTE =
  "Funding parameters are illustrative: the Province's funding model is not public, so these figures show the " +
  'mechanics of the formulas (funding.md), not anyone’s entitlement.';
export const SCENARIO_CSV = 'funding_scenario.csv';
export const SCENARIO_JSON = 'funding_scenario.json';
export const SCENARIO_FILES = [SCENARIO_CSV, SCENARIO_JSON] as const;
export const SCENARIO_INTERNAL_COLUMNS =
  'fiscal_year,service_manager,program,component,baseline,scenario,difference,pct_change,status';
export const SCENARIO_PUBLIC_COLUMNS =
  'fiscal_year,service_manager,component,baseline,scenario,difference,pct_change';

/** Every component funding.csv may hold (funding.md 1–3), in the spec's order; allocate.ts names the pdf_* ones. */
export const FUNDING_COMPONENTS = [
  'assistance_total',
  'assistance_provincial',
  'assistance_municipal',
  'discretionary_total',
  'discretionary_cap',
  'discretionary_provincial',
  'discretionary_municipal',
  ...PDF_COMPONENTS,
  'outcome_payments',
  ...['A', 'B', 'C'].flatMap((s) => [`outcome_milestones_reached_${s}`, `outcome_milestones_pending_${s}`]),
] as const;
