-- mart_caseload_assessment_status: one row per measure (pct_caseload_with_action_plan, pct_employment_ready),
-- month, geography and program: the caseload by what its latest assessment on or before the month's end says
-- (measures.md "Life stabilization").
with grouped as (
    select
        benefit_month as period,
        case when grouping(service_manager) = 1 then 'ON' else service_manager end as geography,
        case when grouping(program) = 1 then 'ALL' else program end as program_group,
        count(*) as caseload,
        count(*) filter (where action_plan) as with_action_plan,
        count(*) filter (where has_assessment) as assessed,
        count(*) filter (where has_assessment and employment_ready) as employment_ready
    from int_case_month_profile
    join int_period_months as months on months.month = int_case_month_profile.benefit_month
    group by grouping sets (
        (benefit_month, service_manager, program), (benefit_month, service_manager),
        (benefit_month, program), (benefit_month)
    )
),

final as (
    select 'pct_caseload_with_action_plan' as measure_id, period, geography as service_manager,
        program_group as program, 'ALL' as breakdown, with_action_plan as numerator, caseload as denominator
    from grouped
    union all
    select 'pct_employment_ready', period, geography, program_group, 'ALL', employment_ready, assessed
    from grouped
)

select * from final
