-- mart_caseload_assessment_status: one row per measure (pct_caseload_with_action_plan, pct_employment_ready),
-- month, service manager and program: the caseload by what its latest assessment on or before the month's end says
-- (measures.md "Life stabilization").
with final as (
    select 'pct_caseload_with_action_plan' as measure_id, period, service_manager,
        program, 'ALL' as breakdown, with_action_plan as numerator, caseload as denominator
    from int_caseload_profile_counts
    union all
    select 'pct_employment_ready', period, service_manager, program, 'ALL', employment_ready, assessed
    from int_caseload_profile_counts
)

select * from final
