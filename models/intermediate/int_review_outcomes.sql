-- int_review_outcomes: one row per risk-based eligibility review, with its case's latest program and manager,
-- whether it was completed within pct_reviews_completed_60d's cohort window W (measure_registry: 0 to W days
-- after selection), and whether it found something (measures.md).
with cohort_window as (
    select cohort_days as days from measure_registry where measure_id = 'pct_reviews_completed_60d'
),

final as (
    select
        reviews.review_id,
        reviews.case_id,
        cases.program,
        cases.service_manager,
        reviews.risk_tier,
        reviews.selected_on,
        strftime(reviews.selected_on, '%Y-%m') as selected_month,
        reviews.completed_on,
        strftime(reviews.completed_on, '%Y-%m') as completed_month,
        coalesce(reviews.completed_on - reviews.selected_on between 0 and cohort_window.days, false)
            as completed_60d,
        reviews.outcome,
        reviews.outcome <> 'NO_CHANGE' as found_change,
        reviews.outcome in ('OVERPAYMENT', 'INELIGIBLE') as found_overpayment,
        reviews.adjustment_amount
    from stg_eligibility_reviews as reviews
    join stg_cases as cases using (case_id)
    cross join cohort_window
)

select * from final
