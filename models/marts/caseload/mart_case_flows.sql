-- mart_case_flows: one row per measure (cases_opened, cases_closed), month of the period range, geography
-- and program: cases whose opened_on / closed_on falls in the month (measures.md "Caseload and spending").
with events as (
    select 'cases_opened' as measure_id, strftime(opened_on, '%Y-%m') as period, service_manager, program
    from stg_cases
    union all
    select 'cases_closed', strftime(closed_on, '%Y-%m'), service_manager, program
    from stg_cases
    where closed_on is not null
),

grouped as (
    select
        measure_id,
        period,
        case when grouping(service_manager) = 1 then 'ON' else service_manager end as geography,
        case when grouping(program) = 1 then 'ALL' else program end as program_group,
        count(*) as n
    from events
    join int_period_months as months on months.month = events.period
    group by grouping sets (
        (measure_id, period, service_manager, program), (measure_id, period, service_manager),
        (measure_id, period, program), (measure_id, period)
    )
),

final as (
    select measure_id, period, geography as service_manager, program_group as program, 'ALL' as breakdown, n as numerator
    from grouped
)

select * from final
