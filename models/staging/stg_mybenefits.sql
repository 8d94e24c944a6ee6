-- stg_mybenefits: one row per case enrolled in MyBenefits, its latest delivered version (is_current), typed as it loaded.
with latest as (
    select *
    from hist_mybenefits
    where is_current
),

final as (
    select
        case_id,
        enrolled_on,
        last_sign_in_on,
        delivery as delivered_in
    from latest
)

select * from final
