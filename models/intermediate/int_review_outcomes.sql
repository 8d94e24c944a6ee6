-- int_review_outcomes: one row per risk-based eligibility review, with its case's latest program and manager,
-- whether it was completed 0 to 60 days after selection, and whether it found something (measures.md).
with final as (
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
        coalesce(reviews.completed_on - reviews.selected_on between 0 and 60, false) as completed_60d,
        reviews.outcome,
        reviews.outcome <> 'NO_CHANGE' as found_change,
        reviews.outcome in ('OVERPAYMENT', 'INELIGIBLE') as found_overpayment,
        reviews.adjustment_amount
    from stg_eligibility_reviews as reviews
    join stg_cases as cases using (case_id)
)

select * from final
