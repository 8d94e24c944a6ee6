// int_referral_outcomes: each referral with its case's program and manager and whether it connected within
// 30 days (status CONNECTED reached 0 to 30 days after referred_on; measures.md).
import { describe, expect, it } from 'vitest';
import { cohortWindow, oneCase } from '../given-tables.ts';
import { runModel, table } from '../run-model.ts';

describe('int_referral_outcomes', () => {
  it('connects within 30 days when CONNECTED 0 to 30 days after the referral', async () => {
    // R1 connected the same day (0 days), R2 on day 30 (2024-01-31 − 2024-01-01), R3 on day 31: too late.
    // R4 reached ACCEPTED, not CONNECTED, on day 5. Period is the month referred, in 2024-01 for all.
    const rows = await runModel('int_referral_outcomes', {
      measure_registry: cohortWindow('pct_referrals_connected_30d', 30),
      stg_referrals: table`
        referral_id | case_id | referral_type | referred_on | warm  | status    | status_on
        R1          | C1      | EMPLOYMENT    | 2024-01-01  | true  | CONNECTED | 2024-01-01
        R2          | C1      | EMPLOYMENT    | 2024-01-01  | false | CONNECTED | 2024-01-31
        R3          | C1      | EMPLOYMENT    | 2024-01-01  | false | CONNECTED | 2024-02-01
        R4          | C1      | EMPLOYMENT    | 2024-01-01  | false | ACCEPTED  | 2024-01-06`,
      stg_cases: oneCase('C1', 'ODSP', 'HAM'),
    });
    expect(rows).toEqual(table`
      referral_id | case_id | program | service_manager | referral_type | referred_on | period  | warm  | connected_30d
      R1          | C1      | ODSP    | HAM             | EMPLOYMENT    | 2024-01-01  | 2024-01 | true  | true
      R2          | C1      | ODSP    | HAM             | EMPLOYMENT    | 2024-01-01  | 2024-01 | false | true
      R3          | C1      | ODSP    | HAM             | EMPLOYMENT    | 2024-01-01  | 2024-01 | false | false
      R4          | C1      | ODSP    | HAM             | EMPLOYMENT    | 2024-01-01  | 2024-01 | false | false`);
  });
});
