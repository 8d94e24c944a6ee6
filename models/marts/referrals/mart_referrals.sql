-- mart_referrals: one row per measure (referrals_made, pct_referrals_warm, pct_referrals_connected_30d, each
-- by referral_type; referrals_per_100_cases), month, service manager and program (measures.md "Referrals").
-- Connection within the cohort window is int_referral_outcomes'.
with made as (
    select
        referrals.period,
        referrals.service_manager,
        referrals.program,
        unnest(['ALL', referrals.referral_type]) as breakdown,
        referrals.warm,
        referrals.connected_30d
    from int_referral_outcomes as referrals
    join int_period_months as months on months.month = referrals.period
),

grouped as (
    select
        period,
        breakdown,
        service_manager,
        program,
        count(*) as made,
        count(*) filter (where warm) as warm,
        count(*) filter (where connected_30d) as connected
    from made
    group by period, breakdown, service_manager, program
),

-- referrals per 100 cases: the caseload is the base, and a month without referrals is 0 per 100; referrals
-- of a manager and program without caseload that month still count in the coarser rows
per_caseload as (
    select
        coalesce(caseload.period, referrals.period) as period,
        coalesce(caseload.service_manager, referrals.service_manager) as service_manager,
        coalesce(caseload.program, referrals.program) as program,
        coalesce(referrals.made, 0) as made,
        coalesce(caseload.caseload, 0) as caseload
    from int_caseload_profile_counts as caseload
    full join (select * from grouped where breakdown = 'ALL') as referrals
        on referrals.period = caseload.period
        and referrals.service_manager = caseload.service_manager
        and referrals.program = caseload.program
),

final as (
    select 'referrals_made' as measure_id, period, service_manager, program, breakdown, made as numerator,
        null as denominator
    from grouped
    union all
    select 'pct_referrals_warm', period, service_manager, program, breakdown, warm, made
    from grouped
    union all
    select 'pct_referrals_connected_30d', period, service_manager, program, breakdown, connected, made
    from grouped
    union all
    select 'referrals_per_100_cases', period, service_manager, program, 'ALL', made, caseload
    from per_caseload
)

select * from final
