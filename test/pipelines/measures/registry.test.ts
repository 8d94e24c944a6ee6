// The measure registry is the one list of measures: every entry is complete in both languages, and a build
// of the demo publishes exactly the registry's measures, with breakdowns and pending rows only where the
// registry says so.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../../pipelines/extracts/demo.ts';
import { KIND_RULES } from '../../../pipelines/measures/kinds.ts';
import { GROUPS, MEASURES } from '../../../pipelines/measures/registry.ts';
import type { Warehouse } from '../../../pipelines/warehouse.ts';
import { loadAndBuild, tempDir } from '../../helpers.ts';

describe('the registry', () => {
  it('has 33 measures with unique ids, each in a known group', () => {
    expect(MEASURES).toHaveLength(33);
    expect(new Set(MEASURES.map((m) => m.id)).size).toBe(MEASURES.length);
    for (const m of MEASURES) expect(Object.keys(GROUPS)).toContain(m.group);
  });

  it('gives every measure a title, description, definition and caveats in English and in French', () => {
    for (const m of MEASURES) {
      for (const text of [m.title, m.description, m.definition, m.caveats]) {
        expect(text.en.trim(), m.id).not.toBe('');
        expect(text.fr.trim(), m.id).not.toBe('');
        expect(text.fr, m.id).not.toBe(text.en);
      }
    }
  });

  it('says in both languages what an empty group is for every measure that can have one, and only for those', () => {
    for (const m of MEASURES) {
      // Counts and totals publish a figure every month, 0 included (measures.md): no empty group.
      if (KIND_RULES[m.kind].zeroRows) expect(m.nobody, m.id).toBeUndefined();
      else {
        expect(m.nobody?.en, m.id).toMatch(/^no .+ this month$/);
        expect(m.nobody?.fr, m.id).toMatch(/^aucune? .+ ce mois-ci$/);
      }
    }
  });

  it('marks cohort measures with their window, and money numerators', () => {
    const cohorts = Object.fromEntries(MEASURES.filter((m) => m.cohortDays).map((m) => [m.id, m.cohortDays]));
    expect(cohorts).toEqual({
      reentry_within_12_months: 365,
      pct_new_cases_assessed_30d: 30,
      ready_referred_to_eo_90d: 90,
      pct_referrals_connected_30d: 30,
      pct_client_messages_replied_2d: 2,
      pct_reviews_completed_60d: 60,
    });
    expect(MEASURES.filter((m) => m.moneyNumerator).map((m) => m.id)).toEqual([
      'assistance_paid',
      'avg_monthly_earnings',
      'overpayment_identified',
    ]);
  });
});

describe('a demo build', () => {
  let wh: Warehouse;
  beforeAll(async () => {
    const root = tempDir();
    await generateDemo({ out: join(root, 'extracts'), scale: 0.002, months: 14, start: '2024-01', seed: 5 });
    wh = await loadAndBuild(join(root, 'extracts'));
  });

  it('publishes every registry measure and nothing else', async () => {
    const ids = (await wh.all<{ id: string }>('select distinct measure_id as id from measures')).map(
      (r) => r.id,
    );
    expect(ids.sort()).toEqual(MEASURES.map((m) => m.id).sort());
  });

  it('has breakdown values only for measures with a breakdown', async () => {
    const broken = await wh.all<{ id: string }>(
      `select distinct measure_id as id from measures where breakdown <> 'ALL' order by 1`,
    );
    expect(broken.map((r) => r.id)).toEqual(
      MEASURES.filter((m) => m.breakdown)
        .map((m) => m.id)
        .sort(),
    );
  });

  it('has pending rows only for cohort measures', async () => {
    const pending = await wh.all<{ id: string }>(
      `select distinct measure_id as id from measures where status = 'pending' order by 1`,
    );
    const cohorts = MEASURES.filter((m) => m.cohortDays).map((m) => m.id);
    for (const r of pending) expect(cohorts).toContain(r.id);
    expect(pending.length).toBeGreaterThan(0);
  });
});
