-- int_caseload_profile_counts: one row per month of the period range, service manager and program: the
-- caseload, its beneficiaries (members), and how many of its cases meet each condition of
-- int_case_month_profile. Counted once here for the caseload mart and the three marts that divide them
-- (earnings, assessment status, MyBenefits); measure_rollup adds them up to ON and ALL.
with final as (
    select
        profile.benefit_month as period,
        profile.service_manager,
        profile.program,
        count(*) as caseload,
        sum(profile.members)::bigint as beneficiaries,
        count(*) filter (where profile.has_earnings) as with_earnings,
        sum(profile.employment_earnings) filter (where profile.has_earnings) as earnings,
        count(*) filter (where profile.action_plan) as with_action_plan,
        count(*) filter (where profile.has_assessment) as assessed,
        count(*) filter (where profile.has_assessment and profile.employment_ready) as employment_ready,
        count(*) filter (where profile.mybenefits_enrolled) as mybenefits_enrolled
    from int_case_month_profile as profile
    join int_period_months as months on months.month = profile.benefit_month
    group by profile.benefit_month, profile.service_manager, profile.program
)

select * from final
