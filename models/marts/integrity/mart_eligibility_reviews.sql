-- mart_eligibility_reviews: one row per measure (reviews_completed, pct_reviews_completed_60d,
-- review_hit_rate, overpayment_identified), month, service manager, program and risk tier (and ALL)
-- (measures.md "Program integrity"). Completion within the cohort window is a cohort of the reviews selected
-- in the month (int_review_outcomes). A case counts for one manager and program, so its distinct cases add
-- up across them.
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
        service_manager,
        program,
        count(*) as completed,
        count(*) filter (where found_change) as found_change,
        sum(adjustment_amount) filter (where found_overpayment) as overpayment,
        count(distinct case_id) filter (where found_overpayment) as overpayment_cases
    from completed
    group by period, breakdown, service_manager, program
),

selected_grouped as (
    select
        period,
        breakdown,
        service_manager,
        program,
        count(*) filter (where completed_60d) as completed_60d,
        count(*) as selected
    from selected
    group by period, breakdown, service_manager, program
),

final as (
    select 'reviews_completed' as measure_id, period, service_manager, program, breakdown,
        completed as numerator, null as denominator
    from completed_grouped
    union all
    select 'review_hit_rate', period, service_manager, program, breakdown, found_change, completed
    from completed_grouped
    union all
    select 'overpayment_identified', period, service_manager, program, breakdown, overpayment, overpayment_cases
    from completed_grouped
    where overpayment_cases > 0
    union all
    select 'pct_reviews_completed_60d', period, service_manager, program, breakdown, completed_60d, selected
    from selected_grouped
)

select * from final
