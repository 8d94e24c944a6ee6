// generateDemo: a tiny demo (scale 0.002 ≈ 500 OW + 740 ODSP open cases, 4 months spanning the ODSP
// indexation of July 2024) checked against the extract contract, for determinism, and for noise.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDemo, type DemoSummary } from '../../../pipelines/extracts/demo.ts';
import {
  DOMAINS,
  REASONS,
  TABLES,
  TABLE_NAMES,
  type TableName,
} from '../../../pipelines/extracts/contract.ts';
import { FUNDING_DIR, loadParameterDir } from '../../../pipelines/funding/parameters.ts';
import { serviceManagers } from '../../../pipelines/reference.ts';

const OPTS = { scale: 0.002, months: 4, start: '2024-05' };
const MONTHS = ['2024-05', '2024-06', '2024-07', '2024-08'];

let root: string;
let clean: DemoSummary;
const dir = (name: string): string => join(root, name);

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'sa-demo-'));
  clean = await generateDemo({ ...OPTS, out: dir('clean') });
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Splits one CSV line (RFC 4180 quotes; the demo never puts line breaks in fields). */
function fields(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted && ch === '"' && line[i + 1] === '"') {
      cur += '"';
      i++;
    } else if (ch === '"') quoted = !quoted;
    else if (ch === ',' && !quoted) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** The data lines of one delivered file (header excluded). */
function lines(base: string, month: string, table: TableName): string[] {
  const text = readFileSync(join(base, month, `${table}.csv`), 'utf8');
  expect(text.endsWith('\n')).toBe(true);
  return text.slice(0, -1).split('\n').slice(1);
}

function rows(base: string, month: string, table: TableName): Record<string, string>[] {
  const names = TABLES[table].columns.map((c) => c.name);
  return lines(base, month, table).map((l) =>
    Object.fromEntries(fields(l).map((v, i) => [names[i] ?? `extra${i}`, v])),
  );
}

const TYPE: Record<string, RegExp> = {
  id: /^[A-Za-z0-9_-]{1,40}$/,
  date: /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/,
  month: /^\d{4}-(0[1-9]|1[0-2])$/,
  money: /^-?[0-9]+\.[0-9]{2}$/, // the demo always writes two decimals
  timestamp: /^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d:[0-5]\d$/,
  int: /^[+-]?[0-9]+$/,
  flag: /^[YN]$/,
};
const realDate = (s: string): boolean => new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;
const cents = (s: string): number => Math.round(parseFloat(s) * 100);

describe('generateDemo', () => {
  it('writes every table of the contract for every month, with the contract header', () => {
    expect(clean.months).toEqual(MONTHS);
    expect(readdirSync(dir('clean')).sort()).toEqual([...MONTHS, 'funding']);
    let bytes = 0;
    for (const month of MONTHS) {
      expect(readdirSync(join(dir('clean'), month)).sort()).toEqual(
        TABLE_NAMES.map((t) => `${t}.csv`).sort(),
      );
      for (const table of TABLE_NAMES) {
        const file = join(dir('clean'), month, `${table}.csv`);
        const header = readFileSync(file, 'utf8').split('\n')[0];
        expect(header).toBe(TABLES[table].columns.map((c) => c.name).join(','));
        bytes += statSync(file).size;
      }
    }
    expect(clean.files).toBe(MONTHS.length * TABLE_NAMES.length);
    expect(clean.bytes).toBe(bytes);
    for (const table of TABLE_NAMES) {
      const n = MONTHS.reduce((sum, m) => sum + lines(dir('clean'), m, table).length, 0);
      expect(clean.rows[table], table).toBe(n);
      expect(n, `${table} has rows`).toBeGreaterThan(0);
    }
  });

  it("carries its own funding parameters: the shipped defaults, the envelope scaled to the demo's size", () => {
    const shipped = JSON.parse(readFileSync(join(FUNDING_DIR, 'default.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    const demo = JSON.parse(readFileSync(join(dir('clean'), 'funding', 'default.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    // scale 0.002 of the province: 600,000,000 × 0.002 = 1,200,000 dollars.
    expect((demo.pdf as { envelope: number }).envelope).toBe(1_200_000);
    expect(demo.description).toContain('600000000 × 0.002 = 1200000');
    const { description: _d, pdf, ...rest } = demo;
    const { description: _s, pdf: shippedPdf, ...shippedRest } = shipped;
    expect(rest).toEqual(shippedRest);
    expect({ ...(pdf as object), envelope: 0 }).toEqual({ ...(shippedPdf as object), envelope: 0 });
    expect(() => loadParameterDir(join(dir('clean'), 'funding'))).not.toThrow();
  });

  it('is deterministic: same seed, same bytes; another seed, other data', async () => {
    await generateDemo({ ...OPTS, out: dir('again') });
    await generateDemo({ ...OPTS, out: dir('seed2'), seed: 2 });
    let differs = 0;
    for (const month of MONTHS)
      for (const table of TABLE_NAMES) {
        const file = join(month, `${table}.csv`);
        const a = readFileSync(join(dir('clean'), file));
        expect(a.equals(readFileSync(join(dir('again'), file))), file).toBe(true);
        if (!a.equals(readFileSync(join(dir('seed2'), file)))) differs++;
      }
    expect(differs).toBeGreaterThan(MONTHS.length * 8);
  });

  it('writes only rows that follow the contract (noise 0)', () => {
    const managers = new Set(serviceManagers().map((s) => s.code));
    const known = new Set<string>(); // cases delivered so far
    const payments = new Map<string, { key: string; cents: number; reversed: number }>();
    const messages = new Map<string, { caseId: string; direction: string; sentAt: string }>();
    let openBefore = new Set<string>();
    const problems: string[] = [];
    const fail = (where: string, what: string): void =>
      void (problems.length < 20 && problems.push(`${where}: ${what}`));

    for (const month of MONTHS) {
      const inCases = new Set<string>();
      const openNow = new Set<string>();
      for (const table of TABLE_NAMES) {
        const spec = TABLES[table];
        const keys = new Set<string>();
        lines(dir('clean'), month, table).forEach((line, i) => {
          const where = `${month}/${table}.csv:${i + 2}`;
          const f = line.split(','); // clean rows never need quotes
          if (f.length !== spec.columns.length) return fail(where, 'field count');
          const r = Object.fromEntries(spec.columns.map((c, j) => [c.name, f[j]!]));
          for (const c of spec.columns) {
            const v = r[c.name]!;
            if (v === '') {
              if (c.required) fail(where, `${c.name} is empty`);
            } else if (c.type === 'code') {
              if (!(c.codes![0] === '<reference>' ? managers.has(v) : c.codes!.includes(v)))
                fail(where, `${c.name} ${v}`);
            } else if (!TYPE[c.type]!.test(v) || (c.type === 'date' && !realDate(v)))
              fail(where, `${c.name} ${v}`);
          }
          const key = spec.key.map((k) => r[k]).join('|');
          if (keys.has(key)) fail(where, `duplicate key ${key}`);
          keys.add(key);
          if (spec.knownCase && !known.has(r.case_id!)) fail(where, `unknown case ${r.case_id}`);
          checkRow(table, r, where);
        });
      }
      for (const c of openBefore) if (!inCases.has(c)) fail(month, `open case ${c} not delivered`);
      openBefore = openNow;

      function checkRow(table: TableName, r: Record<string, string>, where: string): void {
        const rule = (ok: boolean, what: string): void => {
          if (!ok) fail(where, what);
        };
        switch (table) {
          case 'cases':
            known.add(r.case_id!);
            inCases.add(r.case_id!);
            if (!r.closed_on) openNow.add(r.case_id!);
            rule(!r.closed_on || r.closed_on >= r.opened_on!, 'closed_on ≥ opened_on');
            rule(!!r.closed_on === !!r.close_reason, 'close_reason when closed');
            rule(+r.members! >= 1 && +r.members! <= 20, 'members 1–20');
            rule(+r.birth_year! >= 1900 && +r.birth_year! <= +r.opened_on!.slice(0, 4) - 16, 'birth_year');
            break;
          case 'payments': {
            const amount = cents(r.amount!);
            const key = `${r.case_id}|${r.benefit_month}|${r.payment_type}`;
            rule(amount !== 0, 'amount non-zero');
            if (amount > 0) payments.set(r.payment_id!, { key, cents: amount, reversed: 0 });
            else {
              const original = payments.get(r.reverses_payment_id!);
              rule(original?.key === key, 'reversal of an earlier payment of the same case, month and type');
              if (original) rule((original.reversed -= amount) <= original.cents, 'reversals ≤ original');
            }
            break;
          }
          case 'income_reports':
            rule(cents(r.employment_earnings!) >= 0, 'earnings ≥ 0');
            break;
          case 'applications':
            rule(!r.decided_on || r.decided_on >= r.submitted_on!, 'decided_on ≥ submitted_on');
            rule(!!r.decided_on === !!r.decision, 'decision when decided');
            rule((r.decision === 'GRANTED') === !!r.case_id, 'case_id when granted');
            rule(!r.case_id || inCases.has(r.case_id), 'granted case delivered');
            break;
          case 'referrals':
            rule(r.status_on! >= r.referred_on!, 'status_on ≥ referred_on');
            break;
          case 'stabilization_assessments':
            for (const d of DOMAINS) rule(+r[d]! >= 1 && +r[d]! <= 5, `${d} 1–5`);
            break;
          case 'eligibility_reviews':
            rule(!r.completed_on || r.completed_on >= r.selected_on!, 'completed_on ≥ selected_on');
            rule(
              !!r.completed_on === !!r.outcome && !!r.outcome === !!r.adjustment_amount,
              'outcome when completed',
            );
            rule(r.outcome !== 'NO_CHANGE' || cents(r.adjustment_amount!) === 0, '0 for NO_CHANGE');
            break;
          case 'mybenefits':
            rule(!r.last_sign_in_on || r.last_sign_in_on >= r.enrolled_on!, 'last_sign_in_on ≥ enrolled_on');
            break;
          case 'messages': {
            if (r.in_reply_to) {
              const o = messages.get(r.in_reply_to);
              rule(
                !!o && o.caseId === r.case_id && o.direction !== r.direction && o.sentAt < r.sent_at!,
                'reply to an earlier message of the same case, other direction',
              );
            }
            messages.set(r.message_id!, { caseId: r.case_id!, direction: r.direction!, sentAt: r.sent_at! });
            break;
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('looks like Ontario: caseload, Toronto share, rates, flows', () => {
    const first = rows(dir('clean'), MONTHS[0]!, 'cases');
    const ow = first.filter((c) => c.program === 'OW' && !c.closed_on);
    const odsp = first.filter((c) => c.program === 'ODSP' && !c.closed_on);
    expect(ow.length).toBeGreaterThan(400);
    expect(ow.length).toBeLessThan(600);
    expect(odsp.length).toBeGreaterThan(600);
    expect(odsp.length).toBeLessThan(880);
    const tor = ow.filter((c) => c.service_manager === 'TOR').length / ow.length;
    expect(tor).toBeGreaterThan(0.26);
    expect(tor).toBeLessThan(0.41);
    expect(new Set(first.map((c) => c.service_manager)).size).toBeGreaterThan(35);

    // OW single: $343 basic needs + $390 shelter; ODSP single: $776 + $532, then $812 + $556 from July 2024.
    const family = new Map(first.map((c) => [c.case_id, `${c.program}/${c.family_structure}`]));
    const amounts = (month: string, kind: string, type: string): Set<string> =>
      new Set(
        rows(dir('clean'), month, 'payments')
          .filter(
            (p) => family.get(p.case_id!) === kind && p.payment_type === type && p.benefit_month === month,
          )
          .map((p) => p.amount!),
      );
    expect(amounts('2024-06', 'OW/SINGLE', 'BASIC_NEEDS')).toContain('343.00');
    expect(amounts('2024-06', 'OW/SINGLE', 'SHELTER')).toContain('390.00');
    expect(amounts('2024-06', 'ODSP/SINGLE', 'BASIC_NEEDS')).toContain('776.00');
    expect(amounts('2024-06', 'ODSP/SINGLE', 'SHELTER')).toContain('532.00');
    expect(amounts('2024-07', 'ODSP/SINGLE', 'BASIC_NEEDS')).toContain('812.00');
    expect(amounts('2024-07', 'ODSP/SINGLE', 'SHELTER')).toContain('556.00');

    // Every month has closures, applications of several channels, referrals, assessments and replies.
    const all = (table: TableName): Record<string, string>[] =>
      MONTHS.flatMap((m) => rows(dir('clean'), m, table));
    const reasons = new Set(
      all('cases')
        .map((c) => c.close_reason)
        .filter(Boolean),
    );
    for (const r of ['EMPLOYMENT', 'NON_COMPLIANCE', 'OTHER', 'OTHER_INCOME']) expect(reasons).toContain(r);
    expect(new Set(all('applications').map((a) => a.channel)).size).toBe(4);
    expect(all('applications').some((a) => a.decision === 'GRANTED')).toBe(true);
    expect(all('stabilization_assessments').some((a) => a.kind === 'INITIAL')).toBe(true);
    expect(all('messages').some((m) => m.direction === 'CASEWORKER' && m.in_reply_to)).toBe(true);
    expect(all('payments').some((p) => p.amount!.startsWith('-'))).toBe(true);
  });

  it('with noise, adds bad rows of every quarantine reason and keeps the clean rows', async () => {
    await generateDemo({ ...OPTS, out: dir('noisy'), noise: 0.05 });
    const base = dir('noisy');
    const deliveredCases = new Set(
      MONTHS.flatMap((m) => rows(dir('clean'), m, 'cases').map((c) => c.case_id!)),
    );
    // Every row-level reason of the contract, and exact duplicates (collapsed rather than quarantined).
    const seen = Object.fromEntries([...REASONS, 'DUPLICATE'].map((r) => [r, 0])) as Record<
      (typeof REASONS)[number] | 'DUPLICATE',
      number
    >;
    let kept = 0;
    let total = 0;
    for (const month of MONTHS)
      for (const table of TABLE_NAMES) {
        const spec = TABLES[table];
        const noisy = lines(base, month, table);
        const noisySet = new Set(noisy);
        for (const l of lines(dir('clean'), month, table)) {
          total++;
          if (noisySet.has(l)) kept++;
        }
        const byKey = new Map<string, string>();
        const exact = new Set<string>();
        const payments = new Map<string, number>();
        for (const line of noisy) {
          const f = fields(line);
          if (exact.has(line)) seen.DUPLICATE++;
          exact.add(line);
          if (f.length !== spec.columns.length) {
            seen.BAD_TYPE++;
            continue;
          }
          const r = Object.fromEntries(spec.columns.map((c, j) => [c.name, f[j]!]));
          if (spec.columns.some((c) => c.required && r[c.name] === '')) seen.MISSING_REQUIRED++;
          if (Object.values(r).some((v) => /-02-30$|^1,/.test(v))) seen.BAD_TYPE++;
          if (spec.columns.some((c) => c.type === 'code' && /[a-z]/.test(r[c.name]!))) seen.BAD_CODE++;
          if (table === 'cases' && r.closed_on && r.opened_on && r.closed_on < r.opened_on)
            seen.RULE_VIOLATION++;
          if (table === 'payments') {
            const amount = cents(r.amount!);
            if (amount > 0) payments.set(r.payment_id!, amount);
            else if (-amount > (payments.get(r.reverses_payment_id!) ?? Infinity)) seen.RULE_VIOLATION++;
          }
          if (spec.knownCase && r.case_id && !deliveredCases.has(r.case_id)) seen.UNKNOWN_CASE++;
          const key = spec.key.map((k) => r[k]).join('|');
          const before = byKey.get(key);
          if (before !== undefined && before !== line) seen.KEY_CONFLICT++;
          byKey.set(key, line);
        }
      }
    for (const [kind, n] of Object.entries(seen)) expect(n, kind).toBeGreaterThan(0);
    // Noise has its own random stream: the clean rows it did not hit are written unchanged.
    expect(kept / total).toBeGreaterThan(0.9);
    expect(kept).toBeLessThan(total);
  });

  it('rejects bad options with a clear message', async () => {
    await expect(generateDemo({ out: dir('bad'), start: '2024-13' })).rejects.toThrow(
      /--start must be YYYY-MM/,
    );
    await expect(generateDemo({ out: dir('bad'), scale: 0 })).rejects.toThrow(/--scale/);
  });
});
