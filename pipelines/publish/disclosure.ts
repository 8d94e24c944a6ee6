// Disclosure control for the public tier (measures.md "Disclosure control"; funding.md "Output" for funding):
// the one place where public figures are made from internal ones. Step 1 suppresses rows about 1–9 people; step 2 rounds every row left
// so that no subtraction recovers a suppressed figure. Pending rows pass through unchanged. Which figures make a
// small cell, and how each is rounded, is the kind's (pipelines/measures/kinds.ts):
//
//   count   suppressed when numerator in 1..9; numerator and value rounded to 5
//   per100  suppressed when numerator or denominator in 1..9; both rounded to 5, value recomputed
//   rate    suppressed when numerator, denominator or denominator − numerator in 1..9; as per100
//   mean    suppressed when denominator in 1..9; denominator to 5, numerator blank, value kept
//   median  suppressed when denominator in 1..9; denominator to 5, value kept
//   total   suppressed when denominator in 1..9; denominator to 5, money (numerator = value) to $100
//
// Rounding is half away from zero (macros in models/macros/rounding.sql).
import { caseOfKind, type Cell, type KindRules } from '../measures/kinds.ts';

/** True when n is a small cell: 1 to 9 (0 is not small: it is no data). */
const small = (n: string): string => `coalesce(${n} between 1 and 9, false)`;

const CELL_SQL: Record<Cell, string> = {
  numerator: 'numerator',
  denominator: 'denominator',
  complement: 'denominator - numerator',
};

export const SUPPRESSION_RULE_SQL = caseOfKind('kind', (k) =>
  k.smallCells.map((cell) => small(CELL_SQL[cell])).join(' or '),
);

const ROUNDED_NUMERATOR: Record<KindRules['publicNumerator'], string> = {
  people: 'round_to_5(numerator::bigint)',
  money: 'round_to_100_dollars(numerator)',
  empty: 'null',
};

/** The public value: the rounded numerator, the kind's formula on the rounded figures, or the internal value. */
function publicValue(k: KindRules): string {
  if (k.publicValue === 'numerator') return 'r_num';
  if (k.publicValue === 'internal') return 'value';
  return k.value === 'mean' ? 'mean_2dp(r_num, r_den)' : 'pct_1dp(r_num, r_den)';
}

/**
 * SQL for the public tier of a measures table (columns of `measures`), joined to `measure_registry`
 * for each measure's kind. Columns and order are those of the source.
 */
export function publicMeasuresSql(source = 'measures', registry = 'measure_registry'): string {
  return `with typed as (
    select m.*, r.kind,
      m.status = 'ok' and ${SUPPRESSION_RULE_SQL} as suppress
    from ${source} as m
    join ${registry} as r using (measure_id)
  ),
  rounded as (
    select *,
      ${caseOfKind('kind', (k) => ROUNDED_NUMERATOR[k.publicNumerator])} as r_num,
      ${caseOfKind('kind', (k) => (k.hasDenominator ? 'round_to_5(denominator)' : 'null'))} as r_den
    from typed
  ),
  final as (
    select measure_id, period, service_manager, program, breakdown,
      case when suppress or status <> 'ok' then null else r_num end::decimal(20, 2) as numerator,
      case when suppress or status <> 'ok' then null else r_den end as denominator,
      case when suppress or status <> 'ok' then null else ${caseOfKind('kind', publicValue)} end::decimal(20, 2) as value,
      case when suppress then 'suppressed' else status end as status
    from rounded
  )
  select * from final`;
}

/**
 * SQL for the public tier of a funding table (columns of `funding`; funding.md "Output"). It holds `complete`
 * rows only: a provisional year is recomputed every month, so two releases subtracted would give one month's
 * exact figures back (its case-months through `discretionary_cap`, its dollars through `assistance_total`),
 * months that the measures suppress included. An allocation's status is its reference year's, so the
 * allocation computed from a complete year stays. Funding describes institutions and is published exact,
 * except what would count people:
 *   a count (unit = 'count': the outcome_milestones_* components): suppressed when 1–9 (amount blank, status `suppressed`), else rounded to 5
 *   outcome_payments      its dollars would give those counts back: suppressed when the manager's milestones
 *                         reached in the year (all streams) are 1–9, else rounded to the nearest multiple of
 *                         10 × amount_per_milestone of the year (`params`), half away from zero
 * Everything else, the allocation's outcome term included, passes unchanged (allocations are public by policy).
 */
export function publicFundingSql(source = 'funding', params = 'ref_funding_parameters'): string {
  return `with complete as (
    select * from ${source} where status = 'complete'
  ),
  reached as (
    select fiscal_year, service_manager, sum(amount)::bigint as reached
    from complete
    where component like 'outcome_milestones_reached_%'
    group by all
  ),
  judged as (
    select f.*,
      case
        when f.unit = 'count' then ${small('f.amount')}
        when f.component = 'outcome_payments' then ${small('r.reached')}
        else false
      end as suppress,
      (10 * p.op_amount_per_milestone * 100)::hugeint as unit_cents
    from complete as f
    left join reached as r using (fiscal_year, service_manager)
    left join ${params} as p using (fiscal_year)
  ),
  final as (
    select fiscal_year, service_manager, program, component,
      case
        when suppress then null
        when unit = 'count' then round_to_5(amount::bigint)
        when component = 'outcome_payments' and unit_cents > 0
          then div_half_away((amount * 100)::hugeint, unit_cents) * unit_cents / 100
        else amount
      end::decimal(20, 2) as amount,
      unit,
      case when suppress then 'suppressed' else status end as status
    from judged
  )
  select * from final`;
}
