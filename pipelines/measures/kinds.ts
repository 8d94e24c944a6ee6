// What a measure's kind means (measures.md "Kinds, values and rounding" and "Disclosure control"), in one
// table that everything else reads: the models through the seeded table `measure_kinds` (seeds.ts), the
// disclosure step, the CSV writer and the pages by import. The pages import it through
// dashboards/src/components/kinds.ts, a link to this file (a page may only import files under src/), so it
// must stay a plain table with no import of its own.

export type Kind = 'count' | 'rate' | 'mean' | 'median' | 'total' | 'per100';

/** A figure of a row: the numerator, the denominator, or the rest of the group (denominator − numerator). */
export type Cell = 'numerator' | 'denominator' | 'complement';

export interface KindRules {
  /** What the kind is called on the pages, in English and French (the methodology's list of kinds). */
  label: { en: string; fr: string };
  /**
   * The value: the numerator itself; 100 × num / den with 1 decimal (macro pct_1dp); num / den with 2
   * decimals (macro mean_2dp); or the median the mart computed.
   */
  value: 'numerator' | 'percent' | 'mean' | 'median';
  /** Rows at manager × program add up to every coarser row, so the rollup model sums them (not a median). */
  additive: boolean;
  /** Nothing to count is a real zero: an ALL-breakdown row of 0 for every month, geography and program. */
  zeroRows: boolean;
  /** The internal output shows the numerator (a median has none) and the denominator (a count has none). */
  hasNumerator: boolean;
  hasDenominator: boolean;
  /** Primary suppression: the row is suppressed when one of these figures is 1–9. */
  smallCells: readonly Cell[];
  /** Public rounding of the numerator: people to a multiple of 5, money to $100, or left empty (a sum). */
  publicNumerator: 'people' | 'money' | 'empty';
  /** The public value: the rounded numerator, recomputed from the rounded figures, or the internal one. */
  publicValue: 'numerator' | 'recomputed' | 'internal';
  /** Decimals of the value in measures.csv. */
  csvDecimals: 0 | 1 | 2;
  /** How the pages show a value: a number, a percentage, or dollars; and with how many decimals. */
  display: 'number' | 'percent' | 'money';
  displayDigits: 0 | 1 | 2;
  /** A change over a year: a difference in points, or a change in percent of the earlier value. */
  changeOnYear: 'points' | 'percent';
  /** The numerator is part of the denominator's group, so the value lies in 0–100 % (a registry entry may
   *  say otherwise for its measure: numeratorOutsideGroup). */
  shareOfGroup: boolean;
}

export const KIND_RULES: Readonly<Record<Kind, KindRules>> = {
  count: {
    label: { en: 'count', fr: 'nombre' },
    value: 'numerator',
    additive: true,
    zeroRows: true,
    hasNumerator: true,
    hasDenominator: false,
    smallCells: ['numerator'],
    publicNumerator: 'people',
    publicValue: 'numerator',
    csvDecimals: 0,
    display: 'number',
    displayDigits: 0,
    changeOnYear: 'percent',
    shareOfGroup: false,
  },
  rate: {
    label: { en: 'percentage of a group', fr: 'pourcentage d’un groupe' },
    value: 'percent',
    additive: true,
    zeroRows: false,
    hasNumerator: true,
    hasDenominator: true,
    smallCells: ['numerator', 'denominator', 'complement'],
    publicNumerator: 'people',
    publicValue: 'recomputed',
    csvDecimals: 1,
    display: 'percent',
    displayDigits: 1,
    changeOnYear: 'points',
    shareOfGroup: true,
  },
  mean: {
    label: { en: 'average', fr: 'moyenne' },
    value: 'mean',
    additive: true,
    zeroRows: false,
    hasNumerator: true,
    hasDenominator: true,
    smallCells: ['denominator'],
    publicNumerator: 'empty',
    publicValue: 'internal',
    csvDecimals: 2,
    display: 'number',
    displayDigits: 2,
    changeOnYear: 'percent',
    shareOfGroup: false,
  },
  median: {
    label: { en: 'median', fr: 'médiane' },
    value: 'median',
    additive: false,
    zeroRows: false,
    hasNumerator: false,
    hasDenominator: true,
    smallCells: ['denominator'],
    publicNumerator: 'empty',
    publicValue: 'internal',
    csvDecimals: 1,
    display: 'number',
    displayDigits: 1,
    changeOnYear: 'percent',
    shareOfGroup: false,
  },
  total: {
    label: { en: 'dollar total', fr: 'total en dollars' },
    value: 'numerator',
    additive: true,
    zeroRows: true,
    hasNumerator: true,
    hasDenominator: true,
    smallCells: ['denominator'],
    publicNumerator: 'money',
    publicValue: 'numerator',
    csvDecimals: 2,
    display: 'money',
    displayDigits: 0,
    changeOnYear: 'percent',
    shareOfGroup: false,
  },
  per100: {
    label: { en: 'per 100 cases', fr: 'pour 100 dossiers' },
    value: 'percent',
    additive: true,
    zeroRows: false,
    hasNumerator: true,
    hasDenominator: true,
    smallCells: ['numerator', 'denominator'],
    publicNumerator: 'people',
    publicValue: 'recomputed',
    csvDecimals: 1,
    display: 'number',
    displayDigits: 1,
    changeOnYear: 'points',
    shareOfGroup: false,
  },
};

/**
 * A SQL `case` over a kind column giving, for each kind, the expression `pick` makes from its rules: how the
 * disclosure step and the CSV writer read this table inside their statements.
 */
export function caseOfKind(kindColumn: string, pick: (rules: KindRules) => string): string {
  const arms = Object.entries(KIND_RULES).map(([kind, rules]) => `when '${kind}' then ${pick(rules)}`);
  return `case ${kindColumn} ${arms.join(' ')} end`;
}
