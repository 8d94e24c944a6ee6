// The extract contract (shared/spec/extracts.md) as data: tables, columns, types, codes and keys.
// Ingestion builds its validation SQL from this, and the demo generator writes files that follow it.
import { TABLE_NAMES, type TableName } from '../measures/extract-tables.ts';

export type ColumnType = 'id' | 'date' | 'month' | 'money' | 'timestamp' | 'int' | 'flag' | 'code';

export interface Column {
  name: string;
  type: ColumnType;
  /** The column must be present in the file and the field non-empty. */
  required: boolean;
  /** For `code` columns: the allowed values (service_manager comes from the reference file). */
  codes?: readonly string[];
}

export interface Table {
  name: TableName;
  columns: readonly Column[];
  /** Primary key columns. */
  key: readonly string[];
  /** The rows of this table must belong to a known case (UNKNOWN_CASE otherwise). */
  knownCase: boolean;
}

// The table names are shared with the public site, so they live beside the measure registry.
export { TABLE_NAMES, type TableName } from '../measures/extract-tables.ts';

/** Row-level quarantine reasons, in the order `reasons` lists them (extracts.md). */
export const REASONS = [
  'MISSING_REQUIRED',
  'BAD_TYPE',
  'BAD_CODE',
  'RULE_VIOLATION',
  'KEY_CONFLICT',
  'UNKNOWN_CASE',
] as const;

/** File-level failures: the whole file is rejected. */
export const FILE_ERRORS = ['UNREADABLE', 'MISSING_COLUMN', 'DUPLICATE_COLUMN', 'EMPTY_HEADER'] as const;
export type FileError = (typeof FILE_ERRORS)[number];

export const PROGRAMS = ['OW', 'ODSP'] as const;
export const CLOSE_REASONS = [
  'EMPLOYMENT',
  'OTHER_INCOME',
  'MOVED',
  'TRANSFER_TO_ODSP',
  'NON_COMPLIANCE',
  'DECEASED',
  'OTHER',
] as const;
export const FAMILY_STRUCTURES = ['SINGLE', 'SOLE_SUPPORT_PARENT', 'COUPLE', 'COUPLE_WITH_CHILDREN'] as const;
export const PAYMENT_TYPES = [
  'BASIC_NEEDS',
  'SHELTER',
  'DISCRETIONARY',
  'EMPLOYMENT_BENEFIT',
  'OTHER',
] as const;
export const CHANNELS = ['ONLINE', 'PHONE', 'IN_PERSON', 'PARTNER'] as const;
export const DECISIONS = ['GRANTED', 'DENIED', 'WITHDRAWN'] as const;
export const REFERRAL_TYPES = [
  'EMPLOYMENT_ONTARIO',
  'HOUSING',
  'MENTAL_HEALTH_ADDICTIONS',
  'CHILD_CARE',
  'HEALTH_CARE',
  'INCOME_BENEFITS',
  'LEGAL',
  'LIFE_SKILLS',
  'LITERACY',
  'SETTLEMENT',
  'YOUTH',
  'OTHER',
] as const;
export const REFERRAL_STATUSES = [
  'SENT',
  'ACCEPTED',
  'CONNECTED',
  'DECLINED',
  'NO_SHOW',
  'CANCELLED',
] as const;
export const ASSESSMENT_KINDS = ['INITIAL', 'REVIEW'] as const;
export const DOMAINS = [
  'housing',
  'food_security',
  'health',
  'mental_health_addictions',
  'social_support',
  'employment_readiness',
] as const;
export const RISK_TIERS = ['LOW', 'MEDIUM', 'HIGH'] as const;
export const REVIEW_OUTCOMES = ['NO_CHANGE', 'OVERPAYMENT', 'UNDERPAYMENT', 'INELIGIBLE'] as const;
export const DIRECTIONS = ['CLIENT', 'CASEWORKER'] as const;

/** Marker for the service-manager code list, which comes from data/reference/service_managers.csv. */
export const SERVICE_MANAGER_CODES = ['<reference>'] as const;

/** The column's codes come from the reference file (service managers), not from the contract. */
export const isReferenceCode = (c: Column): boolean => c.codes === SERVICE_MANAGER_CODES;

/**
 * A column as the contract table of extracts.md writes it: its type, with `?` when it is not required (it may
 * be empty, or absent from the file), and for a code its list.
 */
type PlainType = Exclude<ColumnType, 'code'>;
// A code always carries its list, so an empty one cannot reach validation's `in (…)` or an enum.
type ColumnSpec = PlainType | `${PlainType}?` | readonly ['code' | 'code?', readonly string[]];

interface TableSpec {
  key: readonly string[];
  knownCase: boolean;
  /** In the files' column order. */
  columns: Readonly<Record<string, ColumnSpec>>;
}

const column = (name: string, spec: ColumnSpec): Column => {
  const [written, codes] = typeof spec === 'string' ? [spec, undefined] : spec;
  const required = !written.endsWith('?');
  const type = (required ? written : written.slice(0, -1)) as ColumnType;
  return { name, type, required, ...(codes ? { codes } : {}) };
};

const CONTRACT: Record<TableName, TableSpec> = {
  cases: {
    key: ['case_id'],
    knownCase: false,
    columns: {
      case_id: 'id',
      person_id: 'id',
      program: ['code', PROGRAMS],
      service_manager: ['code', SERVICE_MANAGER_CODES],
      opened_on: 'date',
      closed_on: 'date?',
      close_reason: ['code?', CLOSE_REASONS],
      family_structure: ['code', FAMILY_STRUCTURES],
      members: 'int',
      birth_year: 'int',
    },
  },
  payments: {
    key: ['payment_id'],
    knownCase: true,
    columns: {
      payment_id: 'id',
      case_id: 'id',
      benefit_month: 'month',
      issued_on: 'date',
      payment_type: ['code', PAYMENT_TYPES],
      amount: 'money',
      reverses_payment_id: 'id?',
    },
  },
  income_reports: {
    key: ['case_id', 'benefit_month', 'reported_on'],
    knownCase: true,
    columns: {
      case_id: 'id',
      benefit_month: 'month',
      employment_earnings: 'money',
      reported_on: 'date',
    },
  },
  applications: {
    key: ['application_id'],
    knownCase: false,
    columns: {
      application_id: 'id',
      person_id: 'id',
      program: ['code', PROGRAMS],
      service_manager: ['code', SERVICE_MANAGER_CODES],
      channel: ['code', CHANNELS],
      submitted_on: 'date',
      decided_on: 'date?',
      decision: ['code?', DECISIONS],
      case_id: 'id?',
    },
  },
  referrals: {
    key: ['referral_id'],
    knownCase: true,
    columns: {
      referral_id: 'id',
      case_id: 'id',
      referral_type: ['code', REFERRAL_TYPES],
      referred_on: 'date',
      warm: 'flag',
      status: ['code', REFERRAL_STATUSES],
      status_on: 'date',
    },
  },
  stabilization_assessments: {
    key: ['assessment_id'],
    knownCase: true,
    columns: {
      assessment_id: 'id',
      case_id: 'id',
      assessed_on: 'date',
      kind: ['code', ASSESSMENT_KINDS],
      ...Object.fromEntries(DOMAINS.map((d): [string, ColumnSpec] => [d, 'int'])),
      action_plan: 'flag',
      employment_ready: 'flag',
    },
  },
  eligibility_reviews: {
    key: ['review_id'],
    knownCase: true,
    columns: {
      review_id: 'id',
      case_id: 'id',
      risk_tier: ['code', RISK_TIERS],
      selected_on: 'date',
      completed_on: 'date?',
      outcome: ['code?', REVIEW_OUTCOMES],
      adjustment_amount: 'money?',
    },
  },
  mybenefits: {
    key: ['case_id'],
    knownCase: true,
    columns: {
      case_id: 'id',
      enrolled_on: 'date',
      last_sign_in_on: 'date?',
    },
  },
  messages: {
    key: ['message_id'],
    knownCase: true,
    columns: {
      message_id: 'id',
      case_id: 'id',
      sent_at: 'timestamp',
      direction: ['code', DIRECTIONS],
      in_reply_to: 'id?',
    },
  },
};

export const TABLES = Object.fromEntries(
  TABLE_NAMES.map((name): [TableName, Table] => {
    const { key, knownCase, columns } = CONTRACT[name];
    return [
      name,
      { name, key, knownCase, columns: Object.entries(columns).map(([c, spec]) => column(c, spec)) },
    ];
  }),
) as Record<TableName, Table>;

/**
 * Ingest order within a delivery: cases first, then the others (extracts.md "Order of work").
 * @alias the contract lists its tables in that order
 */
export const INGEST_ORDER: readonly TableName[] = TABLE_NAMES;

/** A table's key columns, and all its columns in the contract's order. */
export const keyColumns = (t: TableName): string[] => [...TABLES[t].key];
export const columnNames = (t: TableName): string[] => TABLES[t].columns.map((c) => c.name);

export const isTableName = (s: string): s is TableName => (TABLE_NAMES as readonly string[]).includes(s);
