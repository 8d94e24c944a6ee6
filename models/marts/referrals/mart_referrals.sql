-- mart_referrals: one row per measure (referrals_made, pct_referrals_warm, pct_referrals_connected_30d, each
-- by referral_type; referrals_per_100_cases), month, geography and program (measures.md "Referrals").
-- Connection is a cohort: pending until as_of >= end(m) + 30 days.
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
        case when grouping(service_manager) = 1 then 'ON' else service_manager end as geography,
        case when grouping(program) = 1 then 'ALL' else program end as program_group,
        count(*) as made,
        count(*) filter (where warm) as warm,
        count(*) filter (where connected_30d) as connected
    from made
    group by grouping sets (
        (period, breakdown, service_manager, program), (period, breakdown, service_manager),
        (period, breakdown, program), (period, breakdown)
    )
),

-- referrals per 100 cases: the caseload row is the base; a month without referrals is 0 per 100
per_caseload as (
    select
        caseload.period,
        caseload.service_manager as geography,
        caseload.program as program_group,
        coalesce(grouped.made, 0) as made,
        caseload.numerator as caseload
    from mart_caseload as caseload
    left join grouped
        on grouped.period = caseload.period
        and grouped.geography = caseload.service_manager
        and grouped.program_group = caseload.program
        and grouped.breakdown = 'ALL'
    where caseload.measure_id = 'caseload'
),

final as (
    select 'referrals_made' as measure_id, period, geography as service_manager, program_group as program,
        breakdown, made as numerator, null as denominator, false as pending
    from grouped
    union all
    select 'pct_referrals_warm', period, geography, program_group, breakdown, warm, made, false
    from grouped
    union all
    select 'pct_referrals_connected_30d', grouped.period, geography, program_group, breakdown, connected, made,
        months.as_of - months.month_end < 30
    from grouped
    join int_period_months as months on months.month = grouped.period
    union all
    select 'referrals_per_100_cases', period, geography, program_group, 'ALL', made, caseload, false
    from per_caseload
)

select * from final
