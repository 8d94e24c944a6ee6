-- mart_employment_earnings: one row per measure (pct_caseload_with_earnings, avg_monthly_earnings), month,
-- geography and program: the cases in receipt whose latest income report for the month shows employment
-- earnings, and their average earnings (measures.md "Employment outcomes").
with grouped as (
    select
        benefit_month as period,
        case when grouping(service_manager) = 1 then 'ON' else service_manager end as geography,
        case when grouping(program) = 1 then 'ALL' else program end as program_group,
        count(*) as caseload,
        count(*) filter (where has_earnings) as with_earnings,
        sum(employment_earnings) filter (where has_earnings) as earnings
    from int_case_month_profile
    join int_period_months as months on months.month = int_case_month_profile.benefit_month
    group by grouping sets (
        (benefit_month, service_manager, program), (benefit_month, service_manager),
        (benefit_month, program), (benefit_month)
    )
),

final as (
    select 'pct_caseload_with_earnings' as measure_id, period, geography as service_manager,
        program_group as program, 'ALL' as breakdown, with_earnings as numerator, caseload as denominator
    from grouped
    union all
    select 'avg_monthly_earnings', period, geography, program_group, 'ALL', earnings, with_earnings
    from grouped
)

select * from final
