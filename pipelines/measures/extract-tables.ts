// The tables of an extract delivery (shared/spec/extracts.md), in the contract's order. They live beside the
// measure registry, not in the extract contract, because the public site needs them too (the data quality page
// calls a delivery without one of them incomplete) and the site depends on nothing of ingestion. The contract
// (pipelines/extracts/contract.ts) gives each its columns and keys.
export const TABLE_NAMES = [
  'cases',
  'payments',
  'income_reports',
  'applications',
  'referrals',
  'stabilization_assessments',
  'eligibility_reviews',
  'mybenefits',
  'messages',
] as const;
export type TableName = (typeof TABLE_NAMES)[number];
