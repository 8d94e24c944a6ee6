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

const col = (name: string, type: ColumnType, required: boolean, codes?: readonly string[]): Column => ({
  name,
  type,
  required,
  ...(codes ? { codes } : {}),
});

export const TABLES: Record<TableName, Table> = {
  cases: {
    name: 'cases',
    key: ['case_id'],
    knownCase: false,
    columns: [
      col('case_id', 'id', true),
      col('person_id', 'id', true),
      col('program', 'code', true, PROGRAMS),
      col('service_manager', 'code', true, SERVICE_MANAGER_CODES),
      col('opened_on', 'date', true),
      col('closed_on', 'date', false),
      col('close_reason', 'code', false, CLOSE_REASONS),
      col('family_structure', 'code', true, FAMILY_STRUCTURES),
      col('members', 'int', true),
      col('birth_year', 'int', true),
    ],
  },
  payments: {
    name: 'payments',
    key: ['payment_id'],
    knownCase: true,
    columns: [
      col('payment_id', 'id', true),
      col('case_id', 'id', true),
      col('benefit_month', 'month', true),
      col('issued_on', 'date', true),
      col('payment_type', 'code', true, PAYMENT_TYPES),
      col('amount', 'money', true),
      col('reverses_payment_id', 'id', false),
    ],
  },
  income_reports: {
    name: 'income_reports',
    key: ['case_id', 'benefit_month', 'reported_on'],
    knownCase: true,
    columns: [
      col('case_id', 'id', true),
      col('benefit_month', 'month', true),
      col('employment_earnings', 'money', true),
      col('reported_on', 'date', true),
    ],
  },
  applications: {
    name: 'applications',
    key: ['application_id'],
    knownCase: false,
    columns: [
      col('application_id', 'id', true),
      col('person_id', 'id', true),
      col('program', 'code', true, PROGRAMS),
      col('service_manager', 'code', true, SERVICE_MANAGER_CODES),
      col('channel', 'code', true, CHANNELS),
      col('submitted_on', 'date', true),
      col('decided_on', 'date', false),
      col('decision', 'code', false, DECISIONS),
      col('case_id', 'id', false),
    ],
  },
  referrals: {
    name: 'referrals',
    key: ['referral_id'],
    knownCase: true,
    columns: [
      col('referral_id', 'id', true),
      col('case_id', 'id', true),
      col('referral_type', 'code', true, REFERRAL_TYPES),
      col('referred_on', 'date', true),
      col('warm', 'flag', true),
      col('status', 'code', true, REFERRAL_STATUSES),
      col('status_on', 'date', true),
    ],
  },
  stabilization_assessments: {
    name: 'stabilization_assessments',
    key: ['assessment_id'],
    knownCase: true,
    columns: [
      col('assessment_id', 'id', true),
      col('case_id', 'id', true),
      col('assessed_on', 'date', true),
      col('kind', 'code', true, ASSESSMENT_KINDS),
      ...DOMAINS.map((d) => col(d, 'int', true)),
      col('action_plan', 'flag', true),
      col('employment_ready', 'flag', true),
    ],
  },
  eligibility_reviews: {
    name: 'eligibility_reviews',
    key: ['review_id'],
    knownCase: true,
    columns: [
      col('review_id', 'id', true),
      col('case_id', 'id', true),
      col('risk_tier', 'code', true, RISK_TIERS),
      col('selected_on', 'date', true),
      col('completed_on', 'date', false),
      col('outcome', 'code', false, REVIEW_OUTCOMES),
      col('adjustment_amount', 'money', false),
    ],
  },
  mybenefits: {
    name: 'mybenefits',
    key: ['case_id'],
    knownCase: true,
    columns: [
      col('case_id', 'id', true),
      col('enrolled_on', 'date', true),
      col('last_sign_in_on', 'date', false),
    ],
  },
  messages: {
    name: 'messages',
    key: ['message_id'],
    knownCase: true,
    columns: [
      col('message_id', 'id', true),
      col('case_id', 'id', true),
      col('sent_at', 'timestamp', true),
      col('direction', 'code', true, DIRECTIONS),
      col('in_reply_to', 'id', false),
    ],
  },
};

/**
 * Ingest order within a delivery: cases first, then the others (extracts.md "Order of work").
 * @alias the contract lists its tables in that order
 */
export const INGEST_ORDER: readonly TableName[] = TABLE_NAMES;

export const isTableName = (s: string): s is TableName => (TABLE_NAMES as readonly string[]).includes(s);
