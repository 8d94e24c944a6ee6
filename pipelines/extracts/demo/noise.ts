// Demo generator, noise: bad rows of every quarantine reason, from a PRNG of their own so that the
// clean rows stay the same whatever the noise rate (only the rows hit are corrupted, doubled or dropped).
import { CHANNELS, RISK_TIERS, TABLES, type TableName } from '../contract.ts';
import { Rng } from './random.ts';
import { dateStr, pad2, parseDate } from './calendar.ts';
import { csvField, id, money, type Sink } from './writers.ts';

type NoiseKind =
  | 'MISSING_REQUIRED'
  | 'BAD_TYPE'
  | 'BAD_CODE'
  | 'RULE_VIOLATION'
  | 'KEY_CONFLICT'
  | 'UNKNOWN_CASE'
  | 'DUPLICATE';

export class Noise {
  private readonly rng: Rng;
  private seq = 0;
  /** `YYYY-MM` of the delivery being written: a case opened in it can be "delivered a month late". */
  month = '';

  constructor(
    private readonly rate: number,
    seed: number,
  ) {
    this.rng = new Rng(seed ^ 0x5eed_0bad);
  }

  hits(): boolean {
    return this.rng.next() < this.rate;
  }

  corrupt(sink: Sink, line: string): void {
    const table = TABLES[sink.table];
    const f = line.split(',');
    const names = table.columns.map((c) => c.name);
    const at = (name: string): number => names.indexOf(name);
    const kinds: NoiseKind[] = [
      'MISSING_REQUIRED',
      'BAD_TYPE',
      'RULE_VIOLATION',
      'KEY_CONFLICT',
      'DUPLICATE',
    ];
    if (table.columns.some((c) => c.type === 'code')) kinds.push('BAD_CODE');
    if (table.knownCase || (sink.table === 'cases' && f[at('opened_on')]!.startsWith(this.month)))
      kinds.push('UNKNOWN_CASE');
    const kind = this.rng.pick(kinds);
    switch (kind) {
      case 'MISSING_REQUIRED': {
        const required = table.columns.flatMap((c, i) => (c.required ? [i] : []));
        f[this.rng.pick(required)] = '';
        return sink.write(f.join(','));
      }
      case 'BAD_TYPE':
        return sink.write(this.badType(f, sink.table));
      case 'BAD_CODE': {
        const codes = table.columns.flatMap((c, i) => (c.type === 'code' && f[i] ? [i] : []));
        const i = this.rng.pick(codes);
        f[i] = f[i]!.toLowerCase(); // `tor`, `ow`, `granted`: codes are case-sensitive
        return sink.write(f.join(','));
      }
      case 'RULE_VIOLATION':
        return this.ruleViolation(sink, f, at);
      case 'KEY_CONFLICT':
        sink.write(line);
        return sink.write(this.conflicting(sink.table, f, at));
      case 'UNKNOWN_CASE':
        // A cases row of a newly opened case is held back: the case arrives a month late (if still
        // open), and this month's rows of it wait as UNKNOWN_CASE. Elsewhere: a case never delivered.
        if (sink.table === 'cases') return;
        f[at('case_id')] = id('CX', ++this.seq, 7);
        return sink.write(f.join(','));
      case 'DUPLICATE':
        sink.write(line);
        return sink.write(line);
    }
  }

  private badType(f: string[], table: TableName): string {
    const cols = TABLES[table].columns;
    if (this.rng.chance(0.2)) {
      // Too few or too many fields.
      return this.rng.chance(0.5) ? f.slice(0, -1).join(',') : `${f.join(',')},extra`;
    }
    const typed = cols.flatMap((c, i) => (c.type !== 'code' && f[i] ? [i] : []));
    const i = this.rng.pick(typed);
    const v = f[i]!;
    switch (cols[i]!.type) {
      case 'date':
        f[i] = `${v.slice(0, 4)}-02-30`;
        break;
      case 'month':
        f[i] = `${v.slice(0, 4)}-13`;
        break;
      case 'timestamp':
        f[i] = v.replace('T', ' ');
        break;
      case 'flag':
        f[i] = v === 'Y' ? 'yes' : 'n';
        break;
      case 'money':
        // A thousands separator needs quoting in CSV and is still not money.
        f[i] = this.rng.chance(0.5) ? csvField(`1,${v.replace('-', '')}`) : `${v}x`;
        break;
      case 'id':
        f[i] = `${v}!`;
        break;
      default:
        f[i] = `${v}x`; // ints: `12x`
    }
    return f.join(',');
  }

  private ruleViolation(sink: Sink, f: string[], at: (name: string) => number): void {
    const before = (col: string, ref: string): void => {
      f[at(col)] = dateStr(parseDate(f[at(ref)]!) - this.rng.int(1, 60));
    };
    switch (sink.table) {
      case 'cases':
        before('closed_on', 'opened_on');
        f[at('close_reason')] ||= 'OTHER';
        break;
      case 'payments': {
        const amount = f[at('amount')]!;
        if (amount.startsWith('-') || this.rng.chance(0.4)) {
          f[at('amount')] = '0.00'; // amounts are non-zero
          break;
        }
        // The payment, then a reversal of more than it.
        sink.write(f.join(','));
        const over = Math.round(parseFloat(amount) * 100) + this.rng.int(100, 50_000);
        f[at('reverses_payment_id')] = f[at('payment_id')]!;
        f[at('payment_id')] = id('PAYX', ++this.seq, 9);
        f[at('amount')] = money(-over);
        break;
      }
      case 'income_reports':
        f[at('employment_earnings')] = money(-this.rng.int(100, 100_000));
        break;
      case 'applications':
        if (f[at('decided_on')]) before('decided_on', 'submitted_on');
        else f[at('decision')] = 'GRANTED'; // a decision without a date (and a grant without a case)
        break;
      case 'referrals':
        before('status_on', 'referred_on');
        break;
      case 'stabilization_assessments':
        f[at(this.rng.pick(['housing', 'health', 'social_support']))] = this.rng.chance(0.5) ? '0' : '7';
        break;
      case 'eligibility_reviews':
        before('completed_on', 'selected_on');
        f[at('outcome')] ||= 'NO_CHANGE';
        f[at('adjustment_amount')] ||= '0.00';
        break;
      case 'mybenefits':
        before('last_sign_in_on', 'enrolled_on');
        break;
      case 'messages':
        f[at('in_reply_to')] = id('MX', ++this.seq, 8); // a reply whose original does not exist
        break;
    }
    sink.write(f.join(','));
  }

  /** The same key with different content (KEY_CONFLICT: both rows are quarantined). */
  private conflicting(table: TableName, f: string[], at: (name: string) => number): string {
    const shiftDate = (col: string, by: number): void => {
      f[at(col)] = dateStr(parseDate(f[at(col)]!) + by);
    };
    const next = (col: string, list: readonly string[]): void => {
      f[at(col)] = list[(list.indexOf(f[at(col)]!) + 1) % list.length]!;
    };
    switch (table) {
      case 'cases':
        f[at('birth_year')] = String(+f[at('birth_year')]! - 1);
        break;
      case 'payments':
        shiftDate('issued_on', 1);
        break;
      case 'income_reports':
        f[at('employment_earnings')] = money(
          Math.round(parseFloat(f[at('employment_earnings')]!) * 100) + 100,
        );
        break;
      case 'applications':
        next('channel', CHANNELS);
        break;
      case 'referrals':
        f[at('warm')] = f[at('warm')] === 'Y' ? 'N' : 'Y';
        break;
      case 'stabilization_assessments':
        f[at('action_plan')] = f[at('action_plan')] === 'Y' ? 'N' : 'Y';
        break;
      case 'eligibility_reviews':
        next('risk_tier', RISK_TIERS);
        break;
      case 'mybenefits':
        shiftDate('enrolled_on', -1);
        break;
      case 'messages': {
        const v = f[at('sent_at')]!;
        f[at('sent_at')] = v.slice(0, 17) + pad2((+v.slice(17) + 1) % 60);
        break;
      }
    }
    return f.join(',');
  }
}
