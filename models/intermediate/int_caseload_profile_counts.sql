-- int_caseload_profile_counts: one row per month of the period range, geography (manager or ON) and program
-- (OW, ODSP, ALL): the caseload and how many of its cases meet each condition of int_case_month_profile.
-- Counted once here for the three marts that divide them (earnings, assessment status, MyBenefits).
with grouped as (
    select
        profile.benefit_month as period,
        case when grouping(profile.service_manager) = 1 then 'ON' else profile.service_manager end as geography,
        case when grouping(profile.program) = 1 then 'ALL' else profile.program end as program_group,
        count(*) as caseload,
        count(*) filter (where profile.has_earnings) as with_earnings,
        sum(profile.employment_earnings) filter (where profile.has_earnings) as earnings,
        count(*) filter (where profile.action_plan) as with_action_plan,
        count(*) filter (where profile.has_assessment) as assessed,
        count(*) filter (where profile.has_assessment and profile.employment_ready) as employment_ready,
        count(*) filter (where profile.mybenefits_enrolled) as mybenefits_enrolled
    from int_case_month_profile as profile
    join int_period_months as months on months.month = profile.benefit_month
    group by grouping sets (
        (profile.benefit_month, profile.service_manager, profile.program),
        (profile.benefit_month, profile.service_manager),
        (profile.benefit_month, profile.program),
        (profile.benefit_month)
    )
)

select * from grouped
