// Demo generator, model parameters. Levels are Ontario-like (2023–2025); the exact values are
// illustrative.
import type { ServiceManager } from '../../reference.ts';
import { weighted, weightedList, type Weighted } from './random.ts';

/** Open cases per month at scale 1. */
export const OW_CASES = 250_000;
export const ODSP_CASES = 370_000;
/** Yearly caseload growth the intake follows (both programs grew in 2023–2025). */
export const OW_GROWTH = 0.03;
export const ODSP_GROWTH = 0.025;

/** OW stays are a mix: many short spells and a long-staying group. `share` is the share of new cases;
 *  the mean completed stay is Σ share / hazard ≈ 28 months. */
export const OW_STAY_TYPES = [
  { share: 0.6, hazard: 0.1 },
  { share: 0.4, hazard: 0.018 },
] as const;
/** ODSP: a monthly exit hazard of 0.55% is a mean stay of about 15 years. */
export const ODSP_HAZARD = 0.0055;
/** People with earnings leave faster, and mostly for employment. */
export const EARNER_HAZARD_FACTOR = 1.6;

/** Close reasons by program (TRANSFER_TO_ODSP comes from granted ODSP applications, not from these). */
export const OW_CLOSE = weighted({
  EMPLOYMENT: 0.22,
  OTHER_INCOME: 0.15,
  MOVED: 0.07,
  NON_COMPLIANCE: 0.25,
  DECEASED: 0.01,
  OTHER: 0.3,
});
export const OW_EARNER_CLOSE = weighted({
  EMPLOYMENT: 0.6,
  OTHER_INCOME: 0.12,
  MOVED: 0.04,
  NON_COMPLIANCE: 0.1,
  DECEASED: 0.005,
  OTHER: 0.135,
});
export const ODSP_CLOSE = weighted({
  EMPLOYMENT: 0.05,
  OTHER_INCOME: 0.3,
  MOVED: 0.05,
  NON_COMPLIANCE: 0.08,
  DECEASED: 0.3,
  OTHER: 0.22,
});
/** Chance that someone whose case closed for this reason re-applies (within about a year). */
export const REENTRY: Record<string, Record<string, number>> = {
  OW: { EMPLOYMENT: 0.22, OTHER_INCOME: 0.18, NON_COMPLIANCE: 0.4, OTHER: 0.28, MOVED: 0.12 },
  ODSP: { EMPLOYMENT: 0.15, OTHER_INCOME: 0.03, NON_COMPLIANCE: 0.2, OTHER: 0.1 },
};

/** Relative OW caseload by manager (Toronto about a third; DSSABs small). Unlisted codes get 0.5. */
// prettier-ignore
export const OW_WEIGHT: Record<string, number> = {
  TOR: 33, PEE: 7.5, OTT: 7.5, HAM: 5.5, LON: 4.3, NIA: 4.2, DUR: 3.8, WIN: 3.2, WAT: 3.2, YRK: 3.0,
  SIM: 2.4, SUD: 1.5, HAL: 1.4, KIN: 1.2, BRA: 1.0, LAM: 1.0, WEL: 1.0, CHK: 0.9, PET: 0.9, HAS: 0.9,
  COR: 0.6, OXF: 0.6, KAW: 0.6, LEE: 0.6, REN: 0.6, NOR: 0.5, GRE: 0.5, NUM: 0.5, LAN: 0.4, MUS: 0.4,
  PRE: 0.35, STH: 0.3, STR: 0.3, BRU: 0.3, LEN: 0.3, HUR: 0.25, DUF: 0.25,
  TBD: 1.4, NIP: 0.9, SSM: 0.8, CDS: 0.6, KDS: 0.6, ALG: 0.5, PSD: 0.35, TDS: 0.35, MSD: 0.3, RRD: 0.15,
};
/** ODSP is less concentrated in Toronto and relatively larger in the North. */
export const ODSP_WEIGHT_FACTOR = (sm: ServiceManager): number =>
  sm.code === 'TOR' ? 0.7 : sm.region === 'North' ? 1.3 : 1;

export const OW_FAMILY = weighted({
  SINGLE: 0.65,
  SOLE_SUPPORT_PARENT: 0.22,
  COUPLE: 0.04,
  COUPLE_WITH_CHILDREN: 0.09,
});
export const ODSP_FAMILY = weighted({
  SINGLE: 0.78,
  SOLE_SUPPORT_PARENT: 0.07,
  COUPLE: 0.1,
  COUPLE_WITH_CHILDREN: 0.05,
});

/** Monthly rates in dollars. OW has been frozen since 2018: single $343 basic needs + $390 shelter. */
export const OW_BASIC: Record<string, number> = {
  SINGLE: 343,
  SOLE_SUPPORT_PARENT: 360,
  COUPLE: 494,
  COUPLE_WITH_CHILDREN: 494,
};
export const OW_SHELTER = [390, 642, 697, 756, 815, 844]; // by members 1..6+
/** ODSP single: $776 + $532 = $1,308 until June 2024, $812 + $556 = $1,368 from July 2024 (indexation). */
export const ODSP_BASIC_2024: Record<string, number> = {
  SINGLE: 812,
  SOLE_SUPPORT_PARENT: 893,
  COUPLE: 1234,
  COUPLE_WITH_CHILDREN: 1299,
};
export const ODSP_SHELTER_2024 = [556, 874, 947, 1027, 1107, 1147];
export const ODSP_BEFORE_JULY_2024 = { basic: 776 / 812, shelter: 532 / 556 };
export const ODSP_INDEXED_FROM = 2024 * 12 + 6; // July 2024 as a month number (year * 12 + month - 1)
/** Share of cases paying less than the maximum shelter allowance (actual costs below it). */
export const BELOW_MAX_SHELTER = 0.15;

/** Earnings: a monthly chance to start and to stop working; steady share ≈ start / (start + stop). */
export const EARNINGS = {
  OW: { start: 0.012, stop: 0.12, median: 850, exempt: 200, clawback: 0.5 },
  ODSP: { start: 0.008, stop: 0.08, median: 650, exempt: 1000, clawback: 0.75 },
} as const;
export const SECOND_INCOME_REPORT = 0.04;

/** Extra payments per case-month and reversals (corrections) per regular payment. */
export const P_DISCRETIONARY = 0.015;
export const P_OTHER_PAYMENT = 0.005;
export const P_EMPLOYMENT_BENEFIT = { earner: 0.06, referred: 0.03, other: 0.003 };
export const P_REVERSAL = 0.003;
export const P_CLOSURE_PRORATION = 0.3;

/** Intake: decisions, grant rates and delays. */
export const OW_DECISION = weighted({ GRANTED: 0.7, DENIED: 0.2, WITHDRAWN: 0.1 });
export const ODSP_DECISION = weighted({ GRANTED: 0.55, DENIED: 0.35, WITHDRAWN: 0.1 });
export const REENTRY_DECISION = weighted({ GRANTED: 0.85, DENIED: 0.1, WITHDRAWN: 0.05 });
export const OW_GRANT = 0.7;
export const ODSP_GRANT = 0.55;
export const REENTRY_GRANT = 0.85;
/** Share of ODSP applicants who are on OW at the time (granted → TRANSFER_TO_ODSP). */
export const ODSP_FROM_OW = 0.35;

/** Stabilization (life stabilization framework): assessments, reviews and the Employment Ontario link. */
export const P_INITIAL = { OW: 0.85, ODSP: 0.25 };
export const P_ROLLOUT_INITIAL = { OW: 0.4, ODSP: 0.1 };
export const P_REVIEW = 0.8;
export const DOMAIN_OFFSET = [0.2, 0.1, 0.0, 0.3, 0.1, 0.5]; // housing … employment_readiness: lower is harder

// prettier-ignore
export const REFERRAL_TYPE = weighted({
  EMPLOYMENT_ONTARIO: 0.18, HOUSING: 0.14, MENTAL_HEALTH_ADDICTIONS: 0.12, CHILD_CARE: 0.06, HEALTH_CARE: 0.08,
  INCOME_BENEFITS: 0.1, LEGAL: 0.06, LIFE_SKILLS: 0.07, LITERACY: 0.05, SETTLEMENT: 0.06, YOUTH: 0.03, OTHER: 0.05,
});
export const P_REFERRAL = { OW: 0.035, ODSP: 0.01 };
export const WARM_OUTCOME = weighted({
  CONNECTED: 0.65,
  ACCEPTED: 0.08,
  DECLINED: 0.07,
  NO_SHOW: 0.07,
  CANCELLED: 0.05,
  SENT: 0.08,
});
export const COLD_OUTCOME = weighted({
  CONNECTED: 0.4,
  ACCEPTED: 0.1,
  DECLINED: 0.12,
  NO_SHOW: 0.18,
  CANCELLED: 0.07,
  SENT: 0.13,
});

/** Risk-based eligibility reviews: higher tiers find more overpayments and ineligibility. */
export const P_REVIEW_SELECTED = 0.008;
export const TIER_EARNER = weighted({ LOW: 0.25, MEDIUM: 0.4, HIGH: 0.35 });
export const TIER_OTHER = weighted({ LOW: 0.55, MEDIUM: 0.32, HIGH: 0.13 });
export const REVIEW_OUTCOME: Record<string, Weighted<string>> = {
  LOW: weighted({ NO_CHANGE: 0.85, OVERPAYMENT: 0.08, UNDERPAYMENT: 0.05, INELIGIBLE: 0.02 }),
  MEDIUM: weighted({ NO_CHANGE: 0.7, OVERPAYMENT: 0.18, UNDERPAYMENT: 0.06, INELIGIBLE: 0.06 }),
  HIGH: weighted({ NO_CHANGE: 0.5, OVERPAYMENT: 0.3, UNDERPAYMENT: 0.05, INELIGIBLE: 0.15 }),
};

/** MyBenefits and secure messaging. */
export const MB_ENROLLED_AT_START = 0.3;
export const MYBENEFITS_LAUNCH = Math.round(Date.UTC(2020, 10, 1) / 86_400_000); // 2020-11-01
export const MB_SIGN_IN = 0.35;
export const P_CLIENT_MESSAGE = 0.09;
export const P_CASEWORKER_MESSAGE = 0.03;
export const P_REPLY = 0.88;
export const P_CLIENT_ANSWERS = 0.45;

export const P_MOVE = { OW: 0.0003, ODSP: 0.001 };
export const P_RESTATE_CLOSURE = 0.008;

/** Month number (year * 12 + month - 1) that "rising over time" shares count from. */
export const TREND_BASE = 2023 * 12;

export const OW_HAZARDS = weightedList(OW_STAY_TYPES.map((s) => [s.hazard, s.share]));
