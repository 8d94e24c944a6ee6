-- mart_outcome_payments: one row per fiscal year, geography (manager or ON) and component of the outcome
-- payments for the employment pathway (funding.md §3), with the unit it is counted in (the payment in
-- dollars, the milestones as counts), program OW, for the managers with at least one exit to employment in
-- the year. Each OW case closed with reason EMPLOYMENT, its closure in the year and in the
-- period range, is in stream A, B or C by its initial assessment total (none: C). For each milestone of d days
-- it is
--   lost     when the person's next case of any program, in any area, opened 1 to d days after closed_on
--            (int_case_closures.days_to_next_case, ≥ 1 when there is one), even before d days have passed;
--   reached  otherwise, when as_of ≥ closed_on + d;
--   pending  otherwise.
-- Payment = Σ reached milestones × amount_per_milestone × stream weight, rounded to cents half away from zero
-- once per row (the ON row from the province's counts, i.e. the sum of the managers' unrounded payments).
-- tags: funding
with exits as (
    select
        fiscal_year(closures.close_month) as fiscal_year,
        closures.service_manager,
        closures.closed_on,
        closures.days_to_next_case,
        months.as_of,
        initial.total as initial_total
    from int_case_closures as closures
    join int_period_months as months on months.month = closures.close_month
    left join int_initial_assessments as initial using (case_id)
    where closures.program = 'OW' and closures.close_reason = 'EMPLOYMENT'
),

milestones as (
    select
        exits.fiscal_year,
        exits.service_manager,
        case
            when exits.initial_total >= params.op_stream_cutoff_a then 'A'
            when exits.initial_total >= params.op_stream_cutoff_b then 'B'
            else 'C'
        end as stream,
        exits.closed_on,
        exits.days_to_next_case,
        exits.as_of,
        unnest(params.op_milestones_days) as days
    from exits
    join ref_funding_parameters as params using (fiscal_year)
),

judged as (
    select
        *,
        case
            when days_to_next_case <= days then 'lost'
            when as_of >= closed_on + days then 'reached'
            else 'pending'
        end as state
    from milestones
),

managers as (
    select
        fiscal_year,
        service_manager,
        count(*) filter (where state = 'reached' and stream = 'A') as reached_a,
        count(*) filter (where state = 'reached' and stream = 'B') as reached_b,
        count(*) filter (where state = 'reached' and stream = 'C') as reached_c,
        count(*) filter (where state = 'pending' and stream = 'A') as pending_a,
        count(*) filter (where state = 'pending' and stream = 'B') as pending_b,
        count(*) filter (where state = 'pending' and stream = 'C') as pending_c
    from judged
    group by fiscal_year, service_manager
),

-- each exit counts for one manager, so the province's counts are the sums of the managers'
counted as (
    select * from managers
    union all
    select
        fiscal_year, 'ON', sum(reached_a)::bigint, sum(reached_b)::bigint, sum(reached_c)::bigint,
        sum(pending_a)::bigint, sum(pending_b)::bigint, sum(pending_c)::bigint
    from managers
    group by fiscal_year
),

paid as (
    select
        counted.*,
        round(
            (counted.reached_a * params.op_amount_per_milestone)::decimal(38, 2) * params.op_stream_weight_a
            + (counted.reached_b * params.op_amount_per_milestone)::decimal(38, 2) * params.op_stream_weight_b
            + (counted.reached_c * params.op_amount_per_milestone)::decimal(38, 2) * params.op_stream_weight_c,
            2
        ) as payment
    from counted
    join ref_funding_parameters as params using (fiscal_year)
),

components as (
    select
        fiscal_year,
        service_manager,
        unnest([
            {'component': 'outcome_payments', 'unit': 'dollars', 'amount': payment::decimal(20, 2)},
            {'component': 'outcome_milestones_reached_A', 'unit': 'count', 'amount': reached_a::decimal(20, 2)},
            {'component': 'outcome_milestones_reached_B', 'unit': 'count', 'amount': reached_b::decimal(20, 2)},
            {'component': 'outcome_milestones_reached_C', 'unit': 'count', 'amount': reached_c::decimal(20, 2)},
            {'component': 'outcome_milestones_pending_A', 'unit': 'count', 'amount': pending_a::decimal(20, 2)},
            {'component': 'outcome_milestones_pending_B', 'unit': 'count', 'amount': pending_b::decimal(20, 2)},
            {'component': 'outcome_milestones_pending_C', 'unit': 'count', 'amount': pending_c::decimal(20, 2)}
        ], recursive := true)
    from paid
),

final as (
    select
        components.fiscal_year,
        components.service_manager,
        'OW' as program,
        components.component,
        components.unit,
        components.amount,
        years.status
    from components
    join funding_fiscal_years as years using (fiscal_year)
)

select * from final
