// The files a funding scenario (sa-outcomes funding) writes into OUT/public and OUT/internal beside the
// published baseline; publish carries them over when it swaps in a new output.
export const SCENARIO_CSV = 'funding_scenario.csv';
export const SCENARIO_JSON = 'funding_scenario.json';
export const SCENARIO_FILES = [SCENARIO_CSV, SCENARIO_JSON] as const;
