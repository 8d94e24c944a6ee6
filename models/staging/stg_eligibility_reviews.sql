-- stg_eligibility_reviews: one row per eligibility review, its latest delivered version (is_current), typed as it loaded.
with latest as (
    select *
    from hist_eligibility_reviews
    where is_current
),

final as (
    select
        review_id,
        case_id,
        risk_tier,
        selected_on,
        completed_on,
        outcome,
        adjustment_amount,
        delivery as delivered_in
    from latest
)

select * from final
