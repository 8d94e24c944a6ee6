// What funding puts beside the published outputs: the label every funding output carries, and the files a
// scenario (sa-outcomes funding) writes into OUT/public and OUT/internal beside the published baseline, which
// publish carries over into each new publication.

export const ILLUSTRATIVE_NOTE =
  "Funding parameters are illustrative: the Province's funding model is not public, so these figures show the " +
  'mechanics of the formulas (funding.md), not anyone’s entitlement.';
export const SCENARIO_CSV = 'funding_scenario.csv';
export const SCENARIO_JSON = 'funding_scenario.json';
export const SCENARIO_FILES = [SCENARIO_CSV, SCENARIO_JSON] as const;
