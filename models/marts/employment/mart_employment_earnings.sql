-- mart_employment_earnings: one row per measure (pct_caseload_with_earnings, avg_monthly_earnings), month,
-- service manager and program: the cases in receipt whose latest income report for the month shows employment
-- earnings, and their average earnings (measures.md "Employment outcomes").
with final as (
    select 'pct_caseload_with_earnings' as measure_id, period, service_manager,
        program, 'ALL' as breakdown, with_earnings as numerator, caseload as denominator
    from int_caseload_profile_counts
    union all
    select 'avg_monthly_earnings', period, service_manager, program, 'ALL', earnings, with_earnings
    from int_caseload_profile_counts
)

select * from final
