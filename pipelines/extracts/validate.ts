// Row-level validation of a staged file, built from the contract as one SQL expression per table.
// Each check yields a {r: reason, m: message} struct; a row's reasons are the non-null ones.
// Checks that need other rows live beside it: duplicates and key conflicts in duplicates.ts, unknown cases in
// load.ts, reversals and replies in cross-row-rules.ts.
import { DOMAINS, REASONS, TABLES, isReferenceCode, type Column, type TableName } from './contract.ts';
import { ident, lit } from '../warehouse.ts';

const reason = (code: string, message: string): string => `{'r': ${lit(code)}, 'm': ${lit(message)}}`;

// Dates, months and timestamps start with a year from 1900 on: nothing in social assistance is older, and a
// year such as 0000 (a typo) would otherwise stretch every series back to it and has no fiscal year label.
const YEAR = '(19|[2-9][0-9])[0-9]{2}';

/** SQL that is true when the non-null text `v` is a valid value of the column's type. */
export function typeOk(c: Column, v: string, serviceManagers: readonly string[]): string {
  switch (c.type) {
    case 'id':
      return `regexp_full_match(${v}, '[A-Za-z0-9_-]{1,40}')`;
    case 'date':
      return `(regexp_full_match(${v}, '${YEAR}-[0-9]{2}-[0-9]{2}') and try_cast(${v} as date) is not null)`;
    case 'month':
      return `regexp_full_match(${v}, '${YEAR}-(0[1-9]|1[0-2])')`;
    case 'money':
      return `(regexp_full_match(${v}, '-?[0-9]+(\\.[0-9]{1,2})?') and try_cast(${v} as decimal(18,2)) is not null)`;
    case 'timestamp':
      return `(regexp_full_match(${v}, '${YEAR}-[0-9]{2}-[0-9]{2}T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]') and try_cast(substr(${v}, 1, 10) as date) is not null)`;
    case 'int':
      return `(regexp_full_match(${v}, '[+-]?[0-9]+') and try_cast(${v} as bigint) is not null)`;
    case 'flag':
      return `${v} in ('Y', 'N')`;
    case 'code': {
      const codes = (isReferenceCode(c) ? serviceManagers : (c.codes ?? [])).map(lit).join(', ');
      // Trimming every value costs more than the lookup: a value found as it is needs no trimming.
      return `case when ${v} in (${codes}) then true else trim(${v}) in (${codes}) end`;
    }
  }
}

// Typed accessors for rules; null when the field is empty or invalid, so a rule on it is not judged.
const d = (col: string): string => `try_cast(${ident(col)} as date)`;
const i = (col: string): string => `try_cast(${ident(col)} as bigint)`;
const m = (col: string): string => `try_cast(${ident(col)} as decimal(18,2))`;
const code = (col: string): string => `trim(${ident(col)})`;
const present = (col: string): string => `${ident(col)} is not null`;
const empty = (col: string): string => `${ident(col)} is null`;

interface Rule {
  when: string;
  message: string;
}

// The rule shapes extracts.md repeats across tables, each with its message written once.
const onOrAfter = (later: string, earlier: string): Rule => ({
  when: `${d(later)} < ${d(earlier)}`,
  message: `${later} must be on or after ${earlier}`,
});
const requiredWhenSet = (col: string, when: string, said = `${when} is set`): Rule => ({
  when: `${present(when)} and ${empty(col)}`,
  message: `${col} is required when ${said}`,
});
const notNegative = (col: string): Rule => ({ when: `${m(col)} < 0`, message: `${col} must be >= 0` });

/** The single-row rules of extracts.md, per table. */
const RULES: Record<TableName, Rule[]> = {
  cases: [
    onOrAfter('closed_on', 'opened_on'),
    requiredWhenSet('close_reason', 'closed_on'),
    {
      when: `${empty('closed_on')} and ${present('close_reason')}`,
      message: 'close_reason must be empty while the case is open',
    },
    { when: `${i('members')} not between 1 and 20`, message: 'members must be 1 to 20' },
    {
      when: `${i('birth_year')} < 1900 or ${i('birth_year')} > year(${d('opened_on')}) - 16`,
      message: 'birth_year must be between 1900 and the year of opened_on minus 16',
    },
  ],
  payments: [
    { when: `${m('amount')} = 0`, message: 'amount must be non-zero' },
    {
      when: `${m('amount')} < 0 and ${empty('reverses_payment_id')}`,
      message: 'reverses_payment_id is required when amount < 0',
    },
  ],
  income_reports: [notNegative('employment_earnings')],
  applications: [
    onOrAfter('decided_on', 'submitted_on'),
    requiredWhenSet('decision', 'decided_on'),
    {
      when: `${empty('decided_on')} and ${present('decision')}`,
      message: 'a decision without a decided_on date',
    },
    {
      when: `${code('decision')} = 'GRANTED' and ${empty('case_id')}`,
      message: 'case_id is required when GRANTED',
    },
  ],
  referrals: [onOrAfter('status_on', 'referred_on')],
  stabilization_assessments: DOMAINS.map((dom) => ({
    when: `${i(dom)} not between 1 and 5`,
    message: `${dom} must be 1 to 5`,
  })),
  eligibility_reviews: [
    onOrAfter('completed_on', 'selected_on'),
    requiredWhenSet('outcome', 'completed_on', 'completed'),
    requiredWhenSet('adjustment_amount', 'completed_on', 'completed'),
    {
      when: `${empty('completed_on')} and (${present('outcome')} or ${present('adjustment_amount')})`,
      message: 'outcome and adjustment_amount must be empty until completed',
    },
    notNegative('adjustment_amount'),
    {
      when: `${code('outcome')} = 'NO_CHANGE' and ${m('adjustment_amount')} <> 0`,
      message: 'adjustment_amount must be 0 for NO_CHANGE',
    },
  ],
  mybenefits: [onOrAfter('last_sign_in_on', 'enrolled_on')],
  messages: [],
};

/**
 * The list of reasons of one staged row (columns: nfields, quoting_ok, read_problem, contract columns),
 * given the header's field count. A row the reader could not split (read_problem: an unterminated quote, a
 * line over the limit) or with the wrong number of fields gets only BAD_TYPE: its fields can't be trusted.
 */
export function rowReasonsSql(
  table: TableName,
  headerFields: number,
  serviceManagers: readonly string[],
): string {
  const checks: { fails: string; sql: string }[] = [];
  const check = (fails: string, code: string, message: string): void => {
    checks.push({ fails, sql: `case when coalesce(${fails}, false) then ${reason(code, message)} end` });
  };
  for (const c of TABLES[table].columns) {
    const v = ident(c.name);
    if (c.required) check(`${v} is null`, 'MISSING_REQUIRED', `${c.name} is required`);
    const bad = c.type === 'code' ? 'BAD_CODE' : 'BAD_TYPE';
    const what = c.type === 'code' ? `${c.name} is not a listed code` : `${c.name} is not a valid ${c.type}`;
    check(`${v} is not null and not ${typeOk(c, v, serviceManagers)}`, bad, what);
  }
  for (const rule of RULES[table]) check(rule.when, 'RULE_VIOLATION', rule.message);
  const all = `list_filter([${checks.map((c) => c.sql).join(',\n      ')}], x -> x is not null)`;
  // Most rows pass: test that first with plain booleans, and build the list of reasons only for the others.
  const passes = checks.map((c) => `not coalesce(${c.fails}, false)`).join('\n      and ');
  return `case
      when read_problem is not null then [{'r': 'BAD_TYPE', 'm': read_problem}]
      when nfields <> ${headerFields} then [{'r': 'BAD_TYPE', 'm': 'row has ' || nfields || ' fields; the header has ${headerFields}'}]
      when not quoting_ok then [${reason('BAD_TYPE', 'malformed quoting')}]
      when ${passes} then []::struct(r varchar, m varchar)[]
      else ${all} end`;
}

/** SQL joining a reasons list into the export form: codes in the contract's order, joined by ';'. */
export const reasonCodesSql = (reasons: string): string =>
  `array_to_string(list_filter([${REASONS.map(lit).join(', ')}], r -> list_contains(list_transform(${reasons}, x -> x.r), r)), ';')`;

export const reasonMessagesSql = (reasons: string): string =>
  `array_to_string(list_transform(${reasons}, x -> x.r || ': ' || x.m), '; ')`;
