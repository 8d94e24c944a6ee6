-- int_referral_outcomes: one row per referral, with its case's latest program and manager, and whether it
-- connected within pct_referrals_connected_30d's cohort window W (measure_registry): status CONNECTED reached
-- 0 to W days after referred_on (measures.md).
with cohort_window as (
    select cohort_days as days from measure_registry where measure_id = 'pct_referrals_connected_30d'
),

final as (
    select
        referrals.referral_id,
        referrals.case_id,
        cases.program,
        cases.service_manager,
        referrals.referral_type,
        referrals.referred_on,
        strftime(referrals.referred_on, '%Y-%m') as period,
        referrals.warm,
        referrals.status = 'CONNECTED'
            and referrals.status_on - referrals.referred_on between 0 and cohort_window.days as connected_30d
    from stg_referrals as referrals
    join stg_cases as cases using (case_id)
    cross join cohort_window
)

select * from final
