-- mart_mybenefits: one row per month, service manager and program for pct_caseload_mybenefits (measures.md): the
-- caseload, and the cases enrolled in MyBenefits on or before the month's end.
with final as (
    select 'pct_caseload_mybenefits' as measure_id, period, service_manager,
        program, 'ALL' as breakdown, mybenefits_enrolled as numerator, caseload as denominator
    from int_caseload_profile_counts
)

select * from final
