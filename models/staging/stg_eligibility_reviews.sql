-- stg_eligibility_reviews: one row per eligibility review, its latest delivered version (is_current), typed.
with latest as (
    select *
    from hist_eligibility_reviews
    where is_current
),

final as (
    select
        review_id,
        case_id,
        trim(risk_tier) as risk_tier,
        selected_on::date as selected_on,
        completed_on::date as completed_on,
        trim(outcome) as outcome,
        adjustment_amount::decimal(18, 2) as adjustment_amount,
        delivery as delivered_in
    from latest
)

select * from final
