-- mart_caseload: one row per measure (caseload, beneficiaries), month, geography (manager or ON) and program
-- (OW, ODSP, ALL): the cases in receipt and their members (measures.md "Caseload and spending"), as counted
-- once in int_caseload_profile_counts.
with final as (
    select 'caseload' as measure_id, period, geography as service_manager, program_group as program,
        'ALL' as breakdown, caseload as numerator
    from int_caseload_profile_counts
    union all
    select 'beneficiaries', period, geography, program_group, 'ALL', beneficiaries
    from int_caseload_profile_counts
)

select * from final
