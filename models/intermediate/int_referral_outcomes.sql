-- int_referral_outcomes: one row per referral, with its case's latest program and manager, and whether it
-- connected within 30 days (status CONNECTED reached 0 to 30 days after referred_on; measures.md).
with final as (
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
            and referrals.status_on - referrals.referred_on between 0 and 30 as connected_30d
    from stg_referrals as referrals
    join stg_cases as cases using (case_id)
)

select * from final
