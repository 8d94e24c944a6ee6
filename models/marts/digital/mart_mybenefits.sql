-- mart_mybenefits: one row per month, geography and program for pct_caseload_mybenefits (measures.md): the
-- caseload, and the cases enrolled in MyBenefits on or before the month's end.
with grouped as (
    select
        benefit_month as period,
        case when grouping(service_manager) = 1 then 'ON' else service_manager end as geography,
        case when grouping(program) = 1 then 'ALL' else program end as program_group,
        count(*) filter (where mybenefits_enrolled) as enrolled,
        count(*) as caseload
    from int_case_month_profile
    join int_period_months as months on months.month = int_case_month_profile.benefit_month
    group by grouping sets (
        (benefit_month, service_manager, program), (benefit_month, service_manager),
        (benefit_month, program), (benefit_month)
    )
),

final as (
    select 'pct_caseload_mybenefits' as measure_id, period, geography as service_manager,
        program_group as program, 'ALL' as breakdown, enrolled as numerator, caseload as denominator
    from grouped
)

select * from final
