-- mart_caseload: one row per measure (caseload, beneficiaries), month, service manager and program: the
-- cases in receipt and their members (measures.md "Caseload and spending"), as counted
-- once in int_caseload_profile_counts.
with final as (
    select 'caseload' as measure_id, period, service_manager, program,
        'ALL' as breakdown, caseload as numerator
    from int_caseload_profile_counts
    union all
    select 'beneficiaries', period, service_manager, program, 'ALL', beneficiaries
    from int_caseload_profile_counts
)

select * from final
