-- mart_new_case_assessments: one row per month, geography and program for pct_new_cases_assessed_30d
-- (measures.md): cases opened in the month, and those with any INITIAL assessment 0 to 30 days after
-- opened_on. A cohort: pending until as_of >= end(m) + 30 days.
with assessed_in_time as (
    select distinct cases.case_id
    from stg_cases as cases
    join stg_stabilization_assessments as assessments using (case_id)
    where assessments.kind = 'INITIAL'
      and assessments.assessed_on - cases.opened_on between 0 and 30
),

cohort as (
    select
        strftime(cases.opened_on, '%Y-%m') as period,
        cases.service_manager,
        cases.program,
        assessed_in_time.case_id is not null as assessed
    from stg_cases as cases
    join int_period_months as months on months.month = strftime(cases.opened_on, '%Y-%m')
    left join assessed_in_time using (case_id)
),

grouped as (
    select
        period,
        case when grouping(service_manager) = 1 then 'ON' else service_manager end as geography,
        case when grouping(program) = 1 then 'ALL' else program end as program_group,
        count(*) filter (where assessed) as assessed,
        count(*) as opened
    from cohort
    group by grouping sets (
        (period, service_manager, program), (period, service_manager), (period, program), (period)
    )
),

final as (
    select
        'pct_new_cases_assessed_30d' as measure_id,
        grouped.period,
        grouped.geography as service_manager,
        grouped.program_group as program,
        'ALL' as breakdown,
        grouped.assessed as numerator,
        grouped.opened as denominator,
        months.as_of - months.month_end < 30 as pending
    from grouped
    join int_period_months as months on months.month = grouped.period
)

select * from final
