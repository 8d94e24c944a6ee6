-- stg_referrals: one row per referral, its latest delivered version (is_current), typed.
with latest as (
    select *
    from hist_referrals
    where is_current
),

final as (
    select
        referral_id,
        case_id,
        trim(referral_type) as referral_type,
        referred_on::date as referred_on,
        warm = 'Y' as warm,
        trim(status) as status,
        status_on::date as status_on,
        delivery as delivered_in
    from latest
)

select * from final
