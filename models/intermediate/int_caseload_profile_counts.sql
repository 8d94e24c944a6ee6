-- int_caseload_profile_counts: one row per month of the period range, geography (manager or ON) and program
-- (OW, ODSP, ALL): the caseload, its beneficiaries (members), and how many of its cases meet each condition of
-- int_case_month_profile. Counted once here for the caseload mart and the three marts that divide them
-- (earnings, assessment status, MyBenefits).
-- Each case-month has one manager and program, so counts at manager × program level add up to every
-- coarser row exactly: the case-months are counted once, and the rollup sums the small finest level.
with finest as (
    select
        profile.benefit_month as period,
        profile.service_manager,
        profile.program,
        count(*) as caseload,
        sum(profile.members) as beneficiaries,
        count(*) filter (where profile.has_earnings) as with_earnings,
        sum(profile.employment_earnings) filter (where profile.has_earnings) as earnings,
        count(*) filter (where profile.action_plan) as with_action_plan,
        count(*) filter (where profile.has_assessment) as assessed,
        count(*) filter (where profile.has_assessment and profile.employment_ready) as employment_ready,
        count(*) filter (where profile.mybenefits_enrolled) as mybenefits_enrolled
    from int_case_month_profile as profile
    join int_period_months as months on months.month = profile.benefit_month
    group by profile.benefit_month, profile.service_manager, profile.program
),

grouped as (
    select
        period,
        case when grouping(service_manager) = 1 then 'ON' else service_manager end as geography,
        case when grouping(program) = 1 then 'ALL' else program end as program_group,
        sum(caseload)::bigint as caseload,
        sum(beneficiaries)::bigint as beneficiaries,
        sum(with_earnings)::bigint as with_earnings,
        sum(earnings) as earnings,
        sum(with_action_plan)::bigint as with_action_plan,
        sum(assessed)::bigint as assessed,
        sum(employment_ready)::bigint as employment_ready,
        sum(mybenefits_enrolled)::bigint as mybenefits_enrolled
    from finest
    group by grouping sets ((period, service_manager, program), (period, service_manager), (period, program), (period))
)

select * from grouped
