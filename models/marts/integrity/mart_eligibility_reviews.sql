-- mart_eligibility_reviews: one row per measure (reviews_completed, pct_reviews_completed_60d,
-- review_hit_rate, overpayment_identified), month, geography, program and risk tier (and ALL)
-- (measures.md "Program integrity"). Completion within 60 days is a cohort of the reviews selected in the
-- month: pending until as_of >= end(m) + 60 days.
with completed as (
    select
        reviews.completed_month as period,
        reviews.service_manager,
        reviews.program,
        unnest(['ALL', reviews.risk_tier]) as breakdown,
        reviews.case_id,
        reviews.found_change,
        reviews.found_overpayment,
        reviews.adjustment_amount
    from int_review_outcomes as reviews
    join int_period_months as months on months.month = reviews.completed_month
),

selected as (
    select
        reviews.selected_month as period,
        reviews.service_manager,
        reviews.program,
        unnest(['ALL', reviews.risk_tier]) as breakdown,
        reviews.completed_60d
    from int_review_outcomes as reviews
    join int_period_months as months on months.month = reviews.selected_month
),

completed_grouped as (
    select
        period,
        breakdown,
        case when grouping(service_manager) = 1 then 'ON' else service_manager end as geography,
        case when grouping(program) = 1 then 'ALL' else program end as program_group,
        count(*) as completed,
        count(*) filter (where found_change) as found_change,
        sum(adjustment_amount) filter (where found_overpayment) as overpayment,
        count(distinct case_id) filter (where found_overpayment) as overpayment_cases
    from completed
    group by grouping sets (
        (period, breakdown, service_manager, program), (period, breakdown, service_manager),
        (period, breakdown, program), (period, breakdown)
    )
),

selected_grouped as (
    select
        period,
        breakdown,
        case when grouping(service_manager) = 1 then 'ON' else service_manager end as geography,
        case when grouping(program) = 1 then 'ALL' else program end as program_group,
        count(*) filter (where completed_60d) as completed_60d,
        count(*) as selected
    from selected
    group by grouping sets (
        (period, breakdown, service_manager, program), (period, breakdown, service_manager),
        (period, breakdown, program), (period, breakdown)
    )
),

final as (
    select 'reviews_completed' as measure_id, period, geography as service_manager, program_group as program,
        breakdown, completed as numerator, null as denominator, false as pending
    from completed_grouped
    union all
    select 'review_hit_rate', period, geography, program_group, breakdown, found_change, completed, false
    from completed_grouped
    union all
    select 'overpayment_identified', period, geography, program_group, breakdown, overpayment,
        overpayment_cases, false
    from completed_grouped
    where overpayment_cases > 0
    union all
    select 'pct_reviews_completed_60d', selected_grouped.period, geography, program_group, breakdown,
        completed_60d, selected, months.as_of - months.month_end < 60
    from selected_grouped
    join int_period_months as months on months.month = selected_grouped.period
)

select * from final
