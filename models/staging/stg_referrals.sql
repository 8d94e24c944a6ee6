-- stg_referrals: one row per referral, its latest delivered version (is_current), typed as it loaded.
with latest as (
    select *
    from hist_referrals
    where is_current
),

final as (
    select
        referral_id,
        case_id,
        referral_type,
        referred_on,
        warm,
        status,
        status_on,
        delivery as delivered_in
    from latest
)

select * from final
