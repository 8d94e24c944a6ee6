// Incremental models must give exactly what a full build gives: the warehouse built delivery by delivery
// (with late reversals, moved and restated cases, retried unknown cases and a restated file) is compared
// row for row with one built from scratch on the same files.
import { cpSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../../pipelines/extracts/demo.ts';
import { build } from '../../../pipelines/models/build.ts';
import { changedRowsSql, loadModels, type ChangeSource } from '../../../pipelines/models/runner.ts';
import type { Warehouse } from '../../../pipelines/warehouse.ts';
import { ingestDir, memoryWarehouse, tempDir } from '../../helpers.ts';

const rows = async (wh: Warehouse, table: string): Promise<string[]> =>
  (await wh.all<{ r: string }>(`select (${table})::varchar as r from ${table}`)).map((x) => x.r).sort();

let incremental: Warehouse;
let full: Warehouse;
const timings: string[][] = [];
let late: {
  enrolled: string;
  enrolledMonth: string;
  signedIn: string;
  assessed: string;
  reported: string;
  closed?: string;
  moved?: string;
};
let lateChanges: unknown[];
let lateCases: string[];

beforeAll(async () => {
  const root = tempDir('sa-incr-');
  const demo = join(root, 'demo');
  await generateDemo({ out: demo, scale: 0.002, months: 6, start: '2024-01', seed: 3, noise: 0.02 });
  const extracts = join(root, 'extracts');
  mkdirSync(extracts);
  incremental = await memoryWarehouse();
  for (const month of readdirSync(demo).sort()) {
    cpSync(join(demo, month), join(extracts, month), { recursive: true });
    await ingestDir(incremental, extracts);
    // Every later build takes the incremental path, however large the change (the tiny data is all change).
    const b = await build(incremental, { runId: month, maxChangeShare: Infinity });
    timings.push(b.models.filter((m) => m.mode === 'incremental').map((m) => m.name));
  }
  // A late delivery of details only, each bearing on different months of its case: an enrolment moved
  // earlier, a sign-in that no model reads, an assessment dated back to February, a February income report.
  const valid = (file: string, re: RegExp): string[] =>
    readFileSync(join(extracts, '2024-06', file), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .filter(
        (l) => re.test(l) && knownCases.has(l.split(',')[file === 'stabilization_assessments.csv' ? 1 : 0]!),
      );
  const knownCases = new Set(
    (await incremental.all<{ c: string }>(`select case_id as c from hist_cases where is_current`)).map(
      (r) => r.c,
    ),
  );
  const [enrolled, signedIn] = valid('mybenefits.csv', /^C\d+,2024-0[3-6]-\d\d,2024-06-\d\d$/);
  const [assessed] = valid(
    'stabilization_assessments.csv',
    /^SA\d+,C\d+,2024-06-\d\d,INITIAL,([1-5],){6}Y,N$/,
  );
  const [reported] = valid('income_reports.csv', /^C\d+,2024-0[1-5],\d+\.\d\d,2024-06-\d\d$/);
  late = {
    enrolled: enrolled!.split(',')[0]!,
    enrolledMonth: enrolled!.split(',')[1]!.slice(0, 7),
    signedIn: signedIn!.split(',')[0]!,
    assessed: assessed!.split(',')[1]!,
    reported: reported!.split(',')[0]!,
  };
  const late07 = join(extracts, '2024-07');
  mkdirSync(late07);
  const [ec, , els] = enrolled!.split(',');
  const [sc, se] = signedIn!.split(',');
  writeFileSync(
    join(late07, 'mybenefits.csv'),
    `case_id,enrolled_on,last_sign_in_on\n${ec},2024-01-15,${els}\n${sc},${se},2024-07-02\n`,
  );
  writeFileSync(
    join(late07, 'stabilization_assessments.csv'),
    'assessment_id,case_id,assessed_on,kind,housing,food_security,health,mental_health_addictions,social_support,employment_readiness,action_plan,employment_ready\n' +
      `SA9999999,${late.assessed},2024-02-10,REVIEW,2,2,2,2,2,2,N,Y\n`,
  );
  writeFileSync(
    join(late07, 'income_reports.csv'),
    `case_id,benefit_month,employment_earnings,reported_on\n${late.reported},2024-02,777.77,2024-07-05\n`,
  );
  // and two open cases: one closed (no column int_case_months reads), one moved from Toronto to Hamilton
  const [closed, moved] = valid('cases.csv', /^C\d+,P\d+,OW,TOR,\d{4}-\d\d-\d\d,,,SINGLE,1,\d{4}$/);
  late.closed = closed!.split(',')[0]!;
  late.moved = moved!.split(',')[0]!;
  writeFileSync(
    join(late07, 'cases.csv'),
    'case_id,person_id,program,service_manager,opened_on,closed_on,close_reason,family_structure,members,birth_year\n' +
      `${closed!.replace(',,,', ',2024-07-03,EMPLOYMENT,')}\n${moved!.replace(',TOR,', ',HAM,')}\n`,
  );
  await ingestDir(incremental, extracts);
  // What the build will recompute for the late details and cases, from the models' `-- changes:` headers:
  // a detail as the months of its case from (and, for an exact month, through) its benefit month.
  const models = await loadModels(incremental);
  const changesOf = (model: string, table: string): ChangeSource =>
    models.find((m) => m.name === model)!.incremental!.changes.find((c) => c.table === table)!;
  lateChanges = await incremental.all(
    ['income_reports', 'stabilization_assessments', 'mybenefits']
      .map((table) => {
        const c = changesOf('int_case_month_profile', table);
        const through =
          c.keys.find((k) => k.column === 'benefit_month')!.op === '=' ? 'benefit_month' : 'null';
        return `select case_id, benefit_month as from_month, ${through} as through_month from (${changedRowsSql(c)})`;
      })
      .join(' union ') + ' order by all',
  );
  lateCases = (
    await incremental.all<{ case_id: string }>(
      `select distinct case_id from (${changedRowsSql(changesOf('int_case_month_nets', 'cases'))})`,
    )
  ).map((r) => r.case_id);
  await build(incremental, { runId: '2024-07', maxChangeShare: Infinity });

  // Restate a past month's payments: drop the last rows and change one amount.
  const path = join(extracts, '2024-03', 'payments.csv');
  const lines = readFileSync(path, 'utf8').trim().split('\n');
  const changed = lines.slice(0, -20).map((l, i) => (i === 5 ? l.replace(/,(\d+)\.(\d\d),/, ',1.$2,') : l));
  writeFileSync(path, changed.join('\n') + '\n');
  await ingestDir(incremental, extracts);
  await build(incremental, { runId: 'restated', maxChangeShare: Infinity });

  full = await memoryWarehouse();
  await ingestDir(full, extracts);
  await build(full, { runId: 'full' });
});

describe('incremental models', () => {
  it('were really updated in place after the first build', async () => {
    expect(timings[0]).toEqual([]);
    for (const t of timings.slice(1)) expect(t).toEqual(['int_case_month_nets', 'int_case_month_profile']);
    expect(
      await incremental.value(`select count(*) from model_state where model = 'int_case_month_nets'`),
    ).toBe(1);
    expect(await incremental.value(`select count(*) from changes_payments`)).toBe(0);
    expect(await incremental.value(`select count(*) from changes_mybenefits`)).toBe(0);
  });

  it('recompute only the months a late detail bears on, and nothing for a sign-in', () => {
    const changes = [
      // enrolled from January instead of its month: every month from January
      { case_id: late.enrolled, from_month: '2024-01', through_month: null },
      // the old enrolment, from its own month (within the above)
      { case_id: late.enrolled, from_month: late.enrolledMonth, through_month: null },
      // an assessment of 10 February: every month ending on or after it
      { case_id: late.assessed, from_month: '2024-02', through_month: null },
      // an income report is the February report only
      { case_id: late.reported, from_month: '2024-02', through_month: '2024-02' },
    ].sort((a, b) => `${a.case_id}${a.from_month}`.localeCompare(`${b.case_id}${b.from_month}`));
    expect(lateChanges).toEqual(changes);
    expect(changes.map((c) => c.case_id)).not.toContain(late.signedIn);
  });

  it('recompute every month of a case that moved, and nothing for a closing', () => {
    expect(lateCases).toEqual([late.moved]);
  });

  for (const table of ['int_case_month_nets', 'int_case_months', 'int_case_month_profile', 'measures']) {
    it(`${table}: the same rows as a full build`, async () => {
      const a = await rows(incremental, table);
      const b = await rows(full, table);
      expect(a.length).toBeGreaterThan(100);
      expect(a).toEqual(b);
    });
  }
});
