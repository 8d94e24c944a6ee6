// Demo generator, the world: state plus one step per month, writing each month's delivery.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { TABLE_NAMES, type TableName } from '../contract.ts';
import type { ServiceManager } from '../../reference.ts';
import type { DemoSummary, Options } from './options.ts';
import { Calendar, dateStr, DAY_S, dayOf, type Month, timestampStr, workday, yearOf } from './calendar.ts';
import { Noise } from './noise.ts';
import {
  BELOW_MAX_SHELTER,
  COLD_OUTCOME,
  DOMAIN_OFFSET,
  EARNER_HAZARD_FACTOR,
  EARNINGS,
  MB_ENROLLED_AT_START,
  MB_SIGN_IN,
  MYBENEFITS_LAUNCH,
  ODSP_BASIC_2024,
  ODSP_BEFORE_JULY_2024,
  ODSP_CASES,
  ODSP_CLOSE,
  ODSP_DECISION,
  ODSP_FAMILY,
  ODSP_FROM_OW,
  ODSP_GRANT,
  ODSP_GROWTH,
  ODSP_HAZARD,
  ODSP_SHELTER_2024,
  ODSP_WEIGHT_FACTOR,
  OW_BASIC,
  OW_CASES,
  OW_CLOSE,
  OW_DECISION,
  OW_EARNER_CLOSE,
  OW_FAMILY,
  OW_GRANT,
  OW_GROWTH,
  OW_HAZARDS,
  OW_SHELTER,
  OW_STAY_TYPES,
  OW_WEIGHT,
  P_CASEWORKER_MESSAGE,
  P_CLIENT_ANSWERS,
  P_CLIENT_MESSAGE,
  P_CLOSURE_PRORATION,
  P_DISCRETIONARY,
  P_EMPLOYMENT_BENEFIT,
  P_INITIAL,
  P_MOVE,
  P_OTHER_PAYMENT,
  P_REFERRAL,
  P_REPLY,
  P_RESTATE_CLOSURE,
  P_REVERSAL,
  P_REVIEW,
  P_REVIEW_SELECTED,
  P_ROLLOUT_INITIAL,
  REENTRY,
  REENTRY_DECISION,
  REENTRY_GRANT,
  REFERRAL_TYPE,
  REVIEW_OUTCOME,
  SECOND_INCOME_REPORT,
  TIER_EARNER,
  TIER_OTHER,
  WARM_OUTCOME,
} from './parameters.ts';
import {
  type Application,
  Case,
  caseRow,
  type Family,
  type Person,
  type Program,
  type Reentry,
} from './population.ts';
import { draw, Rng, type Weighted, weightedList } from './random.ts';
import { id, money, Sink, type Sinks } from './writers.ts';

export class DemoWorld {
  private readonly rng: Rng;
  private readonly cal: Calendar;
  private readonly noise: Noise | null;
  private readonly owSm: Weighted<string>;
  private readonly odspSm: Weighted<string>;

  private active: Case[] = [];
  /** Rows for later deliveries (they refer only to rows already delivered), by month index. */
  private readonly deferred = new Map<number, Partial<Record<TableName, string[]>>>();
  /** Applications pending a decision, by the month index of the decision. */
  private readonly pending = new Map<number, Application[]>();
  /** People who will re-apply, by the month index of the application. */
  private readonly reentries = new Map<number, Reentry[]>();

  private seq = {
    case: 0,
    person: 0,
    payment: 0,
    application: 0,
    referral: 0,
    assessment: 0,
    review: 0,
    message: 0,
  };
  /** For the intake controller: open cases, expected OW exits (Σ hazards), this month's transfers. */
  private owHazardSum = 0;
  private owOpen = 0;
  private odspOpen = 0;
  private transfers = 0;

  private out!: Sinks;
  private m!: Month;

  constructor(
    private readonly o: Options,
    managers: ServiceManager[],
  ) {
    this.rng = new Rng(o.seed);
    this.cal = new Calendar(o.start);
    this.noise = o.noise > 0 ? new Noise(o.noise, o.seed) : null;
    this.owSm = weightedList(managers.map((s) => [s.code, OW_WEIGHT[s.code] ?? 0.5]));
    this.odspSm = weightedList(
      managers.map((s) => [s.code, (OW_WEIGHT[s.code] ?? 0.5) * ODSP_WEIGHT_FACTOR(s)]),
    );
  }

  async run(): Promise<DemoSummary> {
    this.seedPopulation();
    this.warmUpIntake();
    const summary: DemoSummary = {
      months: [],
      files: 0,
      rows: Object.fromEntries(TABLE_NAMES.map((t) => [t, 0])),
      bytes: 0,
    };
    for (let t = 0; t < this.o.months; t++) {
      const m = this.cal.month(t);
      await this.runMonth(m);
      for (const table of TABLE_NAMES)
        summary.rows[table] = (summary.rows[table] ?? 0) + this.out[table].rows;
      summary.bytes += (await Promise.all(TABLE_NAMES.map((table) => this.out[table].end()))).reduce(
        (a, b) => a + b,
      );
      summary.files += TABLE_NAMES.length;
      summary.months.push(m.str);
      this.o.onProgress(m.str);
    }
    return summary;
  }

  // --- The starting population: a steady state, so the first months look like the later ones. ---

  private seedPopulation(): void {
    const m0 = this.cal.month(0);
    const owStock = weightedList(OW_STAY_TYPES.map((s) => [s.hazard, s.share / s.hazard]));
    for (let i = Math.round(OW_CASES * this.o.scale); i > 0; i--)
      this.seedCase('OW', draw(this.rng, owStock), m0);
    for (let i = Math.round(ODSP_CASES * this.o.scale); i > 0; i--) this.seedCase('ODSP', ODSP_HAZARD, m0);
    this.countOpen();
  }

  private seedCase(program: Program, hazard: number, m0: Month): void {
    // At steady state the time since opening of an open case follows its exit hazard.
    const ageMonths = Math.min(this.rng.geometric(hazard), program === 'OW' ? 240 : 420);
    const opened = Math.max(
      dayOf(1985, 1, 1),
      m0.start - 1 - Math.floor(ageMonths * 30.44) - this.rng.int(0, 29),
    );
    const person = this.newPerson(program, yearOf(opened));
    const sm = draw(this.rng, program === 'OW' ? this.owSm : this.odspSm);
    const c = this.newCase(person, program, sm, opened, hazard);
    const e = EARNINGS[program];
    if (this.rng.chance(e.start / (e.start + e.stop))) c.earnings = this.earnings(program);
    const mbFrom = Math.max(opened, MYBENEFITS_LAUNCH);
    if (mbFrom < m0.start && this.rng.chance(MB_ENROLLED_AT_START))
      c.mbEnrolled = this.rng.int(mbFrom, m0.start - 1);
    // The stabilization framework rolls out over the first year to part of the existing caseload.
    if (this.rng.chance(P_ROLLOUT_INITIAL[program]))
      c.nextAssess = this.rng.int(m0.start, this.cal.month(11).end);
    this.active.push(c);
  }

  /** Applications submitted before the first delivery but decided inside the run (ODSP takes months). */
  private warmUpIntake(): void {
    for (let t = -8; t < 0; t++) {
      const m = this.cal.month(t);
      this.submitOdsp(m, 0);
      if (t === -1) this.submitOw(m, 0);
    }
  }

  private countOpen(): void {
    this.owOpen = 0;
    this.odspOpen = 0;
    this.owHazardSum = 0;
    for (const c of this.active) {
      if (c.program === 'OW') {
        this.owOpen++;
        this.owHazardSum += c.earnings > 0 ? c.hazard * EARNER_HAZARD_FACTOR : c.hazard;
      } else this.odspOpen++;
    }
  }

  // --- One month ---

  private async runMonth(m: Month): Promise<void> {
    this.m = m;
    const dir = join(this.o.out, m.str);
    mkdirSync(dir, { recursive: true });
    if (this.noise) this.noise.month = m.str;
    this.out = Object.fromEntries(
      TABLE_NAMES.map((t) => [t, new Sink(join(dir, `${t}.csv`), t, this.noise)]),
    ) as Sinks;

    this.writeDeferred(m.t);
    this.transfers = 0;
    this.decidePending(m);
    this.submitReentries(m);
    this.submitOw(m, m.t);
    this.submitOdsp(m, m.t);

    const cases = this.active;
    const next: Case[] = [];
    for (let i = 0; i < cases.length; i++) {
      const c = cases[i]!;
      this.caseMonth(c);
      if (c.closedOn < 0) next.push(c);
      else this.afterClosure(c);
      if ((i & 2047) === 2047) await this.ready();
    }
    this.active = next;
    this.countOpen();
  }

  private async ready(): Promise<void> {
    for (const t of TABLE_NAMES) {
      const p = this.out[t].ready();
      if (p) await p;
    }
  }

  private defer(t: number, table: TableName, line: string): void {
    if (t >= this.o.months) return; // after the last delivery: never delivered
    let d = this.deferred.get(t);
    if (!d) this.deferred.set(t, (d = {}));
    (d[table] ??= []).push(line);
  }

  /** Writes a row in the delivery of the month holding `day`: now if this month, else later. */
  private deliver(day: number, table: TableName, line: string): void {
    if (day <= this.m.end) this.out[table].add(line);
    else this.defer(this.cal.indexOf(day), table, line);
  }

  private writeDeferred(t: number): void {
    const d = this.deferred.get(t);
    if (!d) return;
    for (const table of TABLE_NAMES) for (const line of d[table] ?? []) this.out[table].add(line);
    this.deferred.delete(t);
  }

  // --- Intake ---

  /** OW intake follows exits (so the caseload stays near its growing target) plus a correction. */
  private submitOw(m: Month, t: number): void {
    const target = OW_CASES * this.o.scale * (1 + (OW_GROWTH * t) / 12);
    const grants = this.owHazardSum + this.transfers + 0.3 * (target - this.owOpen);
    const reentrants = (this.reentries.get(t) ?? []).filter((r) => r.program === 'OW').length;
    const n = Math.max(0, Math.round((grants - reentrants * REENTRY_GRANT) / OW_GRANT));
    for (let i = 0; i < n; i++) {
      const person = this.newPerson('OW', yearOf(m.start));
      const sm = draw(this.rng, this.owSm);
      this.submit(m, person, 'OW', sm, null, OW_DECISION);
    }
  }

  /** ODSP intake is set ahead (decisions take months), with a gentle correction toward the target. */
  private submitOdsp(m: Month, t: number): void {
    const target = ODSP_CASES * this.o.scale * (1 + (ODSP_GROWTH * t) / 12);
    const gap = t < 0 ? 0 : target - this.odspOpen;
    const reentrants = (this.reentries.get(t) ?? []).filter((r) => r.program === 'ODSP').length;
    const grants = target * (ODSP_HAZARD + ODSP_GROWTH / 12) + 0.1 * gap - reentrants * REENTRY_GRANT;
    const n = Math.max(0, Math.round(grants / ODSP_GRANT));
    for (let i = 0; i < n; i++) {
      const ow = this.rng.chance(ODSP_FROM_OW) ? this.pickOwClient(m) : null;
      if (ow) {
        ow.odspPending = true;
        this.submit(m, ow.person, 'ODSP', ow.sm, ow, ODSP_DECISION);
      } else {
        this.submit(
          m,
          this.newPerson('ODSP', yearOf(m.start)),
          'ODSP',
          draw(this.rng, this.odspSm),
          null,
          ODSP_DECISION,
        );
      }
    }
  }

  private pickOwClient(m: Month): Case | null {
    for (let tries = 0; tries < 8 && this.active.length > 0; tries++) {
      const c = this.rng.pick(this.active);
      if (c.program === 'OW' && c.closedOn < 0 && !c.odspPending && c.openedOn < m.start) return c;
    }
    return null;
  }

  private submitReentries(m: Month): void {
    for (const r of this.reentries.get(m.t) ?? [])
      this.submit(m, r.person, r.program, r.sm, null, REENTRY_DECISION, r.day);
    this.reentries.delete(m.t);
  }

  private submit(
    m: Month,
    person: Person,
    program: Program,
    sm: string,
    owCase: Case | null,
    decisions: Weighted<string>,
    day = -1,
  ): void {
    const channel = this.channel(program, m);
    let submitted = day >= 0 ? day : this.rng.int(m.start, m.end);
    if (channel !== 'ONLINE') submitted = workday(submitted, m.start, m.end);
    const decision = draw(this.rng, decisions);
    const decided = workday(submitted + this.decisionDelay(program, decision), submitted, submitted + 400);
    const app: Application = {
      idStr: id('A', ++this.seq.application, 7),
      person,
      program,
      sm,
      channel,
      submitted,
      decided,
      decision,
      owCase,
    };
    if (m.t < 0 && decided < this.cal.month(0).start) {
      // Decided before the first delivery: never seen. An OW client's ODSP grant then happened earlier.
      if (owCase) owCase.odspPending = false;
      return;
    }
    const t = this.cal.indexOf(decided);
    if (t === m.t) this.decide(app);
    else {
      // A pending application is delivered when submitted (inside the run), then again when decided.
      if (m.t >= 0) this.out.applications.add(this.applicationRow(app, false, ''));
      if (t < this.o.months) {
        let list = this.pending.get(t);
        if (!list) this.pending.set(t, (list = []));
        list.push(app);
      }
    }
  }

  private channel(program: Program, m: Month): string {
    // The online share rises over time (digital-first intake); the rest splits phone, in person, partner.
    const online =
      program === 'OW' ? Math.min(0.8, 0.45 + 0.008 * m.trend) : Math.min(0.6, 0.25 + 0.006 * m.trend);
    const u = this.rng.next();
    if (u < online) return 'ONLINE';
    const r = (u - online) / (1 - online);
    return r < 0.45 ? 'PHONE' : r < 0.8 ? 'IN_PERSON' : 'PARTNER';
  }

  private decisionDelay(program: Program, decision: string): number {
    if (decision === 'WITHDRAWN') return this.rng.int(1, 30);
    if (program === 'ODSP') return Math.round(this.rng.lognormal(100, 0.45, 20, 380));
    const u = this.rng.next(); // centralized OW intake: most within days, some weeks
    return u < 0.6 ? this.rng.int(0, 4) : u < 0.9 ? this.rng.int(5, 14) : this.rng.int(15, 45);
  }

  private decidePending(m: Month): void {
    for (const app of this.pending.get(m.t) ?? []) this.decide(app);
    this.pending.delete(m.t);
  }

  /** A decision in this month: a grant opens the case (and ends the OW case of a transfer). */
  private decide(app: Application): void {
    let caseId = '';
    if (app.decision === 'GRANTED') {
      const ow = app.owCase;
      if (ow && ow.closedOn < 0 && ow.openedOn <= app.decided) {
        ow.closedOn = app.decided;
        ow.closeReason = 'TRANSFER_TO_ODSP';
        ow.row = '';
        this.transfers++;
      }
      const hazard = app.program === 'OW' ? draw(this.rng, OW_HAZARDS) : ODSP_HAZARD;
      const c = this.newCase(app.person, app.program, app.sm, app.decided, hazard);
      this.onOpened(c);
      this.active.push(c);
      caseId = c.idStr;
    }
    if (app.owCase) app.owCase.odspPending = false;
    this.out.applications.add(this.applicationRow(app, true, caseId));
  }

  private applicationRow(a: Application, decided: boolean, caseId: string): string {
    return `${a.idStr},${a.person.idStr},${a.program},${a.sm},${a.channel},${dateStr(a.submitted)},${
      decided ? dateStr(a.decided) : ''
    },${decided ? a.decision : ''},${caseId}`;
  }

  private newPerson(program: Program, year: number): Person {
    const family = draw(this.rng, program === 'OW' ? OW_FAMILY : ODSP_FAMILY);
    const age = Math.round(Math.min(64, Math.max(18, (program === 'OW' ? 36 : 45) + 12 * this.rng.normal())));
    return {
      idStr: id('P', ++this.seq.person, 7),
      family,
      members: this.members(family),
      birthYear: year - age,
    };
  }

  private members(family: Family): number {
    switch (family) {
      case 'SINGLE':
        return 1;
      case 'COUPLE':
        return 2;
      case 'SOLE_SUPPORT_PARENT':
        return 2 + Math.min(5, this.rng.geometric(0.5));
      case 'COUPLE_WITH_CHILDREN':
        return 3 + Math.min(7, this.rng.geometric(0.45));
    }
  }

  private newCase(person: Person, program: Program, sm: string, opened: number, hazard: number): Case {
    const shelterShare = this.rng.chance(BELOW_MAX_SHELTER) ? 0.3 + 0.6 * this.rng.next() : 1;
    return new Case(++this.seq.case, person, program, sm, opened, hazard, shelterShare, this.rng.normal());
  }

  /** Things that start with a new case: MyBenefits sign-up, the initial assessment, maybe earnings. */
  private onOpened(c: Case): void {
    const m = this.m;
    if (this.rng.chance(Math.min(0.8, 0.3 + 0.012 * m.trend)))
      c.mbEnrolled = c.openedOn + this.rng.int(0, 20);
    if (this.rng.chance(P_INITIAL[c.program]))
      c.nextAssess = c.openedOn + (this.rng.chance(0.75) ? this.rng.int(0, 30) : this.rng.int(31, 75));
    if (this.rng.chance(EARNINGS[c.program].start * 3)) c.earnings = this.earnings(c.program);
  }

  private earnings(program: Program): number {
    return Math.round(this.rng.lognormal(EARNINGS[program].median, 0.6, 50, 4000) * 100);
  }

  // --- A case's month ---

  private caseMonth(c: Case): void {
    const m = this.m;
    const isNew = c.openedOn >= m.start;
    if (!isNew) {
      this.maybeClose(c);
      this.updateEarnings(c);
      if (c.closedOn < 0 && this.rng.chance(P_MOVE[c.program])) this.move(c);
    }
    if (c.row === '') c.row = caseRow(c);
    this.out.cases.add(c.row);
    this.pay(c, isNew);
    if (c.earnings > 0) this.reportIncome(c);
    if (c.nextAssess >= 0 && c.nextAssess <= m.end) this.assess(c);
    if (c.eoReferral >= 0 && c.eoReferral <= m.end) this.eoReferral(c);
    if (this.rng.chance(P_REFERRAL[c.program])) this.refer(c, draw(this.rng, REFERRAL_TYPE), this.dayIn(c));
    if (!isNew && this.rng.chance(P_REVIEW_SELECTED)) this.selectForReview(c);
    this.myBenefits(c);
  }

  /** A random day of this month on which the case is open. */
  private dayIn(c: Case): number {
    const lo = Math.max(this.m.start, c.openedOn);
    const hi = c.closedOn >= 0 ? c.closedOn : this.m.end;
    return this.rng.int(lo, hi);
  }

  private maybeClose(c: Case): void {
    if (c.closedOn >= 0) return; // already closing (transfer to ODSP)
    const earner = c.earnings > 0;
    if (!this.rng.chance(earner ? c.hazard * EARNER_HAZARD_FACTOR : c.hazard)) return;
    c.closedOn = this.rng.int(this.m.start, this.m.end);
    c.closeReason = draw(this.rng, c.program === 'ODSP' ? ODSP_CLOSE : earner ? OW_EARNER_CLOSE : OW_CLOSE);
    c.row = '';
  }

  private updateEarnings(c: Case): void {
    const e = EARNINGS[c.program];
    if (c.earnings > 0) {
      if (this.rng.chance(e.stop)) c.earnings = 0;
      else c.earnings = Math.max(1000, Math.round(c.earnings * (0.85 + 0.3 * this.rng.next())));
    } else if (this.rng.chance(e.start)) c.earnings = this.earnings(c.program);
  }

  /** A case moved to another manager's area (ODSP follows the person; OW cases are transferred). */
  private move(c: Case): void {
    let sm = c.sm;
    while (sm === c.sm) sm = draw(this.rng, c.program === 'OW' ? this.owSm : this.odspSm);
    c.sm = sm;
    c.row = '';
  }

  // --- Payments ---

  private pay(c: Case, isNew: boolean): void {
    const m = this.m;
    const issued = isNew ? c.openedOn : m.payday;
    let basic = basicCents(c, m);
    let shelter = shelterCents(c, m);
    if (c.earnings > 0) {
      // Earnings above the exemption reduce basic needs first, then shelter.
      const e = EARNINGS[c.program];
      const cut = Math.round(Math.max(0, c.earnings - e.exempt * 100) * e.clawback);
      shelter -= Math.max(0, cut - basic);
      basic = Math.max(0, basic - cut);
      shelter = Math.max(0, shelter);
    }
    let prorate = false;
    if (!isNew && c.closedOn >= 0 && c.closeReason !== 'TRANSFER_TO_ODSP' && c.closedOn - m.start < 20)
      prorate = this.rng.chance(P_CLOSURE_PRORATION);
    if (basic > 0) this.payment(c, issued, 'BASIC_NEEDS', basic, prorate);
    if (shelter > 0) this.payment(c, issued, 'SHELTER', shelter, false);
    if (!isNew) this.extraPayments(c);
  }

  private payment(c: Case, issued: number, type: string, cents: number, prorate: boolean): void {
    const pid = id('PAY', ++this.seq.payment, 9);
    this.out.payments.add(`${pid},${c.idStr},${this.m.str},${dateStr(issued)},${type},${money(cents)},`);
    if (prorate) {
      // Paid for the whole month, closed early in it: the unused days are taken back next month.
      const days = this.m.end - this.m.start + 1;
      const back = Math.floor((cents * (this.m.end - c.closedOn)) / days);
      if (back > 0)
        this.reverse(c, pid, type, back, this.cal.month(this.m.t + 1).payday + this.rng.int(0, 10));
    } else if (this.rng.chance(P_REVERSAL)) {
      // A correction: full or partial, in this delivery (after the original) or a later one.
      const back = this.rng.chance(0.5)
        ? cents
        : Math.max(1, Math.floor(cents * (0.1 + 0.8 * this.rng.next())));
      const when = this.rng.chance(0.3)
        ? Math.min(this.m.end, issued + this.rng.int(1, 10))
        : this.cal.month(this.m.t + this.rng.int(1, 3)).start + this.rng.int(0, 20);
      this.reverse(c, pid, type, back, when);
    }
  }

  private reverse(c: Case, original: string, type: string, cents: number, day: number): void {
    const pid = id('PAY', ++this.seq.payment, 9);
    this.deliver(
      day,
      'payments',
      `${pid},${c.idStr},${this.m.str},${dateStr(day)},${type},${money(-cents)},${original}`,
    );
  }

  private extraPayments(c: Case): void {
    const u = this.rng.next();
    const referred = c.eoReferred ? P_EMPLOYMENT_BENEFIT.referred : P_EMPLOYMENT_BENEFIT.other;
    const pEb = c.earnings > 0 ? P_EMPLOYMENT_BENEFIT.earner : referred;
    let type = '';
    let cents = 0;
    if (u < P_DISCRETIONARY) {
      type = 'DISCRETIONARY';
      cents = Math.round(this.rng.lognormal(180, 0.8, 20, 1500)) * 100;
    } else if (u < P_DISCRETIONARY + pEb) {
      type = 'EMPLOYMENT_BENEFIT';
      cents = Math.round(this.rng.lognormal(150, 0.6, 25, 1000)) * 100;
    } else if (u < P_DISCRETIONARY + pEb + P_OTHER_PAYMENT) {
      type = 'OTHER';
      cents = Math.round(this.rng.lognormal(60, 0.7, 10, 500) * 100);
    }
    if (cents > 0) {
      const pid = id('PAY', ++this.seq.payment, 9);
      this.out.payments.add(
        `${pid},${c.idStr},${this.m.str},${dateStr(this.dayIn(c))},${type},${money(cents)},`,
      );
    }
  }

  // --- Income reports ---

  private reportIncome(c: Case): void {
    const m = this.m;
    // Reported in the second half of the month (not before opening, not after closing).
    const day = Math.max(c.openedOn, m.start + this.rng.int(9, 27));
    const reported = Math.min(day, c.closedOn >= 0 ? c.closedOn : m.end);
    this.out.income_reports.add(`${c.idStr},${m.str},${money(c.earnings)},${dateStr(reported)}`);
    if (this.rng.chance(SECOND_INCOME_REPORT)) {
      // A corrected report for the same month: a later reported_on wins.
      const later = reported + this.rng.int(1, 40);
      const cents = Math.max(0, Math.round(c.earnings * (0.7 + 0.6 * this.rng.next())));
      this.deliver(later, 'income_reports', `${c.idStr},${m.str},${money(cents)},${dateStr(later)}`);
    }
  }

  // --- Stabilization assessments and referrals ---

  private assess(c: Case): void {
    const day = workday(c.nextAssess, Math.max(this.m.start, c.openedOn), this.m.end);
    c.nextAssess = -1;
    if (!c.alive(day)) return;
    const initial = c.scores === null;
    const scores = initial
      ? DOMAIN_OFFSET.map((off) => clampScore(3 - 0.7 * c.need - off + 0.8 * this.rng.normal()))
      : c.scores!.map((s) => clampScore(s + 0.35 + 0.8 * this.rng.normal())); // support helps on average
    c.scores = scores;
    const struggling = scores.some((s) => s <= 2);
    const actionPlan = this.rng.chance(initial ? (struggling ? 0.9 : 0.4) : struggling ? 0.7 : 0.3);
    const ready =
      scores[5]! >= 4 && scores[0]! >= 3 && scores[3]! >= 3 ? this.rng.chance(0.85) : this.rng.chance(0.05);
    const aid = id('SA', ++this.seq.assessment, 7);
    this.out.stabilization_assessments.add(
      `${aid},${c.idStr},${dateStr(day)},${initial ? 'INITIAL' : 'REVIEW'},${scores.join(',')},${
        actionPlan ? 'Y' : 'N'
      },${ready ? 'Y' : 'N'}`,
    );
    if (ready && !c.readyEver) {
      c.readyEver = true;
      const u = this.rng.next(); // most are referred to Employment Ontario within 90 days, some later
      if (u < 0.72) c.eoReferral = day + this.rng.int(0, 90);
      else if (u < 0.85) c.eoReferral = day + this.rng.int(91, 240);
    }
    // A first review 3–12 months after the initial assessment, then one every 6–12 months.
    if (!initial) c.nextAssess = day + this.rng.int(182, 365);
    else if (this.rng.chance(P_REVIEW)) c.nextAssess = day + this.rng.int(91, 365);
  }

  private eoReferral(c: Case): void {
    const day = c.eoReferral;
    c.eoReferral = -1;
    if (!c.alive(day)) return;
    c.eoReferred = true;
    this.refer(c, 'EMPLOYMENT_ONTARIO', day);
  }

  private refer(c: Case, type: string, day: number): void {
    const warm = this.rng.chance(Math.min(0.7, 0.35 + 0.006 * this.m.trend));
    const status = draw(this.rng, warm ? WARM_OUTCOME : COLD_OUTCOME);
    let statusOn = day;
    if (status === 'CONNECTED') {
      const soon = this.rng.chance(warm ? 0.75 : 0.55);
      statusOn = day + (soon ? this.rng.int(0, 30) : this.rng.int(31, 120));
    } else if (status !== 'SENT') statusOn = day + this.rng.int(1, 60);
    const rid = id('R', ++this.seq.referral, 7);
    const row = (s: string, on: number): string =>
      `${rid},${c.idStr},${type},${dateStr(day)},${warm ? 'Y' : 'N'},${s},${dateStr(on)}`;
    // Delivered as SENT when made; the outcome is a change delivered in the month it happens.
    if (statusOn > this.m.end) {
      this.out.referrals.add(row('SENT', day));
      this.deliver(statusOn, 'referrals', row(status, statusOn));
    } else this.out.referrals.add(row(status, statusOn));
  }

  // --- Eligibility reviews ---

  private selectForReview(c: Case): void {
    const tier = draw(this.rng, c.earnings > 0 ? TIER_EARNER : TIER_OTHER);
    const selected = workday(this.dayIn(c), this.m.start, this.m.end);
    const rid = id('ER', ++this.seq.review, 7);
    const head = `${rid},${c.idStr},${tier},${dateStr(selected)}`;
    const u = this.rng.next();
    if (u >= 0.95) return this.out.eligibility_reviews.add(`${head},,,`); // never completed
    const completed = selected + (u < 0.76 ? this.rng.int(5, 60) : this.rng.int(61, 180));
    const outcome = draw(this.rng, REVIEW_OUTCOME[tier]!);
    const heavier = tier === 'HIGH' ? 2 : tier === 'MEDIUM' ? 1.4 : 1;
    const dollars =
      outcome === 'OVERPAYMENT'
        ? this.rng.lognormal(600 * heavier, 0.9, 20, 20_000)
        : outcome === 'UNDERPAYMENT'
          ? this.rng.lognormal(180, 0.7, 10, 3000)
          : outcome === 'INELIGIBLE'
            ? this.rng.lognormal(2400, 0.8, 100, 40_000)
            : 0;
    const done = `${head},${dateStr(completed)},${outcome},${money(Math.round(dollars * 100))}`;
    if (completed > this.m.end) {
      this.out.eligibility_reviews.add(`${head},,,`);
      this.deliver(completed, 'eligibility_reviews', done);
    } else this.out.eligibility_reviews.add(done);
  }

  // --- MyBenefits and messages ---

  private myBenefits(c: Case): void {
    const m = this.m;
    if (c.mbEnrolled < 0 && c.openedOn < m.start && this.rng.chance(Math.min(0.03, 0.006 + 0.0003 * m.trend)))
      c.mbEnrolled = this.dayIn(c);
    if (c.mbEnrolled < 0 || c.mbEnrolled > m.end) return;
    const hi = c.closedOn >= 0 ? Math.max(c.closedOn, c.mbEnrolled) : m.end;
    const lo = Math.max(m.start, c.mbEnrolled);
    if (c.mbEnrolled >= m.start) {
      // Enrolled this month: most sign in right away.
      const signIn = this.rng.chance(0.8) ? dateStr(this.rng.int(lo, Math.max(lo, hi))) : '';
      this.out.mybenefits.add(`${c.idStr},${dateStr(c.mbEnrolled)},${signIn}`);
    } else if (c.closedOn < 0 && this.rng.chance(MB_SIGN_IN)) {
      this.out.mybenefits.add(`${c.idStr},${dateStr(c.mbEnrolled)},${dateStr(this.rng.int(lo, hi))}`);
    }
    if (this.rng.chance(P_CLIENT_MESSAGE)) {
      this.clientMessage(c, lo, hi);
      if (this.rng.chance(0.25)) this.clientMessage(c, lo, hi);
    }
    if (this.rng.chance(P_CASEWORKER_MESSAGE)) this.caseworkerMessage(c, lo, hi);
  }

  private clientMessage(c: Case, lo: number, hi: number): void {
    // Clients write mostly from 7:00 to 23:00, any day.
    const hour = this.rng.chance(0.85) ? this.rng.int(7, 22) : this.rng.int(23, 30) % 24;
    const sent = this.rng.int(lo, hi) * DAY_S + hour * 3600 + this.rng.int(0, 3599);
    const mid = this.message(c, sent, 'CLIENT', '');
    if (!this.rng.chance(P_REPLY)) return; // some are never answered
    // Replies: some within minutes, most within a day or two, a tail of several days.
    const minutes = this.rng.chance(0.12)
      ? this.rng.int(2, 120)
      : this.rng.lognormal(1080, 1.1, 2, 14 * 1440);
    this.message(c, sent + Math.round(minutes * 60) + this.rng.int(0, 59), 'CASEWORKER', mid);
  }

  private caseworkerMessage(c: Case, lo: number, hi: number): void {
    const sent = workday(this.rng.int(lo, hi), lo, hi) * DAY_S + this.rng.int(8 * 3600, 17 * 3600);
    const mid = this.message(c, sent, 'CASEWORKER', '');
    if (this.rng.chance(P_CLIENT_ANSWERS))
      this.message(c, sent + Math.round(this.rng.lognormal(480, 1.2, 1, 10 * 1440) * 60) + 1, 'CLIENT', mid);
  }

  /** Writes a message in the delivery of the month it is sent in; a reply comes after its original. */
  private message(c: Case, sent: number, direction: string, inReplyTo: string): string {
    const mid = id('M', ++this.seq.message, 8);
    this.deliver(
      Math.floor(sent / DAY_S),
      'messages',
      `${mid},${c.idStr},${timestampStr(sent)},${direction},${inReplyTo}`,
    );
    return mid;
  }

  // --- Closure: re-entry and restatement ---

  private afterClosure(c: Case): void {
    const t = this.m.t;
    // Someone waiting for an ODSP decision does not come back to OW (they would be on both).
    const pReentry = c.odspPending ? 0 : (REENTRY[c.program]![c.closeReason] ?? 0);
    if (pReentry > 0 && this.rng.chance(pReentry)) {
      // Back within about a year (a few later), as a new case of the same person and program;
      // someone who moved applies in their new area.
      // (This month's applications are already in, so the earliest is next month.)
      const day = Math.max(
        c.closedOn + Math.round(this.rng.lognormal(110, 0.8, 15, 700)),
        this.cal.month(t + 1).start,
      );
      const sm =
        c.closeReason === 'MOVED' ? draw(this.rng, c.program === 'OW' ? this.owSm : this.odspSm) : c.sm;
      const rt = this.cal.indexOf(day);
      if (rt < this.o.months) {
        let list = this.reentries.get(rt);
        if (!list) this.reentries.set(rt, (list = []));
        list.push({ person: c.person, program: c.program, sm, day });
      }
    }
    if (c.closeReason !== 'TRANSFER_TO_ODSP' && this.rng.chance(P_RESTATE_CLOSURE)) {
      // A correction delivered one or two months later: the close reason, or the manager, was wrong.
      const later = t + this.rng.int(1, 2);
      if (this.rng.chance(0.7)) {
        let reason = c.closeReason;
        while (reason === c.closeReason) reason = draw(this.rng, c.program === 'OW' ? OW_CLOSE : ODSP_CLOSE);
        c.closeReason = reason;
      } else this.move(c);
      this.defer(later, 'cases', caseRow(c));
    }
  }
}

function basicCents(c: Case, m: Month): number {
  const family = c.person.family;
  if (c.program === 'OW') return OW_BASIC[family]! * 100;
  const dollars = ODSP_BASIC_2024[family]!;
  return Math.round(m.odspIndexed ? dollars : dollars * ODSP_BEFORE_JULY_2024.basic) * 100;
}

function shelterCents(c: Case, m: Month): number {
  const i = Math.min(c.person.members, 6) - 1;
  let max = c.program === 'OW' ? OW_SHELTER[i]! : ODSP_SHELTER_2024[i]!;
  if (c.program === 'ODSP' && !m.odspIndexed) max = Math.round(max * ODSP_BEFORE_JULY_2024.shelter);
  return Math.round(max * c.shelterShare) * 100;
}

const clampScore = (x: number): number => Math.min(5, Math.max(1, Math.round(x)));
