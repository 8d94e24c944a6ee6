// An incremental model is kept up to date from its header alone: ingest records the changes of every extract
// table the same way, so a model reading a table no other incremental model reads (referrals) needs no change
// to ingest. Deliveries and expected counts worked out by hand.
import { describe, expect, it } from 'vitest';
import { build } from '../../../pipelines/models/build.ts';
import {
  CASES_HEADER,
  REFERRALS_HEADER,
  csv,
  ingestDeliveries,
  ingestDir,
  modelsDir,
  writeDelivery,
} from '../../helpers.ts';

const MODEL = `-- case_referral_counts: one row per case with a referral: how many referrals it has.
-- materialized: incremental
-- unique_key: case_id
-- changes: referrals (case_id)
with final as (
    select case_id, count(*) as referrals
    from hist_referrals
    where is_current
    group by case_id
)

select * from final`;

describe('an incremental model added without touching ingest', () => {
  it('follows new, moved and restated referrals', async () => {
    const models = modelsDir({ 'intermediate/case_referral_counts.sql': MODEL });
    // 2024-01: C1 has R1 and R2, C2 has R3; C3 has none. The first build is a full one.
    const { wh, root: extracts } = await ingestDeliveries({
      '2024-01': {
        'cases.csv': csv(`${CASES_HEADER}
          C1,P1,OW,TOR,2023-06-01,,,SINGLE,1,1980
          C2,P2,OW,TOR,2023-06-01,,,SINGLE,1,1981
          C3,P3,OW,HAM,2023-06-01,,,SINGLE,1,1982`),
        'referrals.csv': csv(`${REFERRALS_HEADER}
          R1,C1,HOUSING,2024-01-02,Y,SENT,2024-01-02
          R2,C1,HOUSING,2024-01-03,N,SENT,2024-01-03
          R3,C2,HOUSING,2024-01-04,Y,SENT,2024-01-04`),
      },
    });
    /** Delivers the referrals file as the month's and ingests it. */
    const deliverReferrals = async (month: string, referrals: string): Promise<void> => {
      writeDelivery(extracts, month, { 'referrals.csv': csv(`${REFERRALS_HEADER}\n${referrals}`) });
      await ingestDir(wh, extracts);
    };
    /** Builds as run `runId`; returns how the model was built and its rows. */
    const built = async (runId: string): Promise<{ modes: string[]; counts: unknown[] }> => {
      const b = await build(wh, { runId, modelsDir: models, maxChangeShare: Infinity });
      return {
        modes: b.models.map((m) => m.mode),
        counts: await wh.all(
          `select case_id, referrals::integer as referrals from case_referral_counts order by case_id`,
        ),
      };
    };

    expect(await built('2024-01')).toEqual({
      modes: ['full'],
      counts: [
        { case_id: 'C1', referrals: 2 },
        { case_id: 'C2', referrals: 1 },
      ],
    });

    // 2024-02: R2 is delivered again for C3 (moved: C1 drops to 1, C3 has 1), and R3 is accepted (same case,
    // same count). Only the changed cases are replaced. changes_referrals holds every version a change
    // touched, old and new: R2 (C1, C3) and R3 (SENT, ACCEPTED), 2 + 2 = 4 rows (the first ingest, before
    // any build, recorded none: that build was a full one).
    await deliverReferrals(
      '2024-02',
      `R2,C3,HOUSING,2024-01-03,N,SENT,2024-01-03
      R3,C2,HOUSING,2024-01-04,Y,ACCEPTED,2024-02-01`,
    );
    // 4 changed rows: the 2 new versions (R2 for C3, R3 accepted) and the 2 they replace (R2 for C1, R3 sent).
    expect(await wh.value(`select count(*) from changes_referrals`)).toBe(4);
    expect(await built('2024-02')).toEqual({
      modes: ['incremental'],
      counts: [
        { case_id: 'C1', referrals: 1 },
        { case_id: 'C2', referrals: 1 },
        { case_id: 'C3', referrals: 1 },
      ],
    });
    expect(await wh.value(`select count(*) from changes_referrals`)).toBe(0);

    // 2024-02 restated without R2: R2's version of 2024-01 (C1) is in force again, C3 has none.
    await deliverReferrals('2024-02', `R3,C2,HOUSING,2024-01-04,Y,ACCEPTED,2024-02-01`);
    expect(await built('restated')).toEqual({
      modes: ['incremental'],
      counts: [
        { case_id: 'C1', referrals: 2 },
        { case_id: 'C2', referrals: 1 },
      ],
    });
  });
});
