// Demo generator, the population: people, cases, applications and re-entries, and a case's row.
import type { FAMILY_STRUCTURES } from '../contract.ts';
import { dateStr } from './calendar.ts';
import { id } from './writers.ts';

export type Program = 'OW' | 'ODSP';
export type Family = (typeof FAMILY_STRUCTURES)[number];

/** The primary applicant: kept across that person's cases (re-entry, transfer to ODSP). */
export interface Person {
  idStr: string;
  family: Family;
  members: number;
  birthYear: number;
}

export class Case {
  readonly idStr: string;
  closedOn = -1;
  closeReason = '';
  /** The `cases` row as last written; '' when something changed and it must be rebuilt. */
  row = '';
  /** Current monthly employment earnings in cents (0: none). */
  earnings = 0;
  /** MyBenefits enrolment day (-1: not enrolled). */
  mbEnrolled = -1;
  /** Day of the next stabilization assessment (-1: none), and whether one was already done. */
  nextAssess = -1;
  scores: number[] | null = null;
  readyEver = false;
  /** Day of the Employment Ontario referral that follows the first employment_ready = Y (-1: none). */
  eoReferral = -1;
  eoReferred = false;
  /** An ODSP application by this OW client is pending (a grant closes this case as a transfer). */
  odspPending = false;

  constructor(
    n: number,
    readonly person: Person,
    readonly program: Program,
    public sm: string,
    readonly openedOn: number,
    readonly hazard: number,
    /** Actual shelter cost as a share of the maximum allowance (1 for most). */
    readonly shelterShare: number,
    /** Latent level of need: drives assessment scores. */
    readonly need: number,
  ) {
    this.idStr = id('C', n, 7);
  }

  alive(day: number): boolean {
    return day >= this.openedOn && (this.closedOn < 0 || day <= this.closedOn);
  }
}

export interface Application {
  idStr: string;
  person: Person;
  program: Program;
  sm: string;
  channel: string;
  submitted: number;
  decided: number;
  decision: string;
  /** The OW case of an ODSP applicant already on OW. */
  owCase: Case | null;
}

export interface Reentry {
  person: Person;
  program: Program;
  sm: string;
  day: number;
}

export function caseRow(c: Case): string {
  const p = c.person;
  const closed = c.closedOn >= 0 ? dateStr(c.closedOn) : '';
  return `${c.idStr},${p.idStr},${c.program},${c.sm},${dateStr(c.openedOn)},${closed},${c.closeReason},${p.family},${p.members},${p.birthYear}`;
}
