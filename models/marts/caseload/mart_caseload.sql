-- mart_caseload: one row per measure (caseload, beneficiaries), month, geography (manager or ON) and program
-- (OW, ODSP, ALL): the cases in receipt and their members (measures.md "Caseload and spending").
with grouped as (
    select
        benefit_month as period,
        case when grouping(service_manager) = 1 then 'ON' else service_manager end as geography,
        case when grouping(program) = 1 then 'ALL' else program end as program_group,
        count(*) as cases,
        sum(members) as people
    from int_case_months
    join int_period_months as months on months.month = int_case_months.benefit_month
    group by grouping sets (
        (benefit_month, service_manager, program), (benefit_month, service_manager),
        (benefit_month, program), (benefit_month)
    )
),

final as (
    select 'caseload' as measure_id, period, geography as service_manager, program_group as program,
        'ALL' as breakdown, cases as numerator
    from grouped
    union all
    select 'beneficiaries', period, geography, program_group, 'ALL', people
    from grouped
)

select * from final
