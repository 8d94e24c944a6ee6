-- mart_case_flows: one row per measure (cases_opened, cases_closed), month of the period range, service
-- manager and program: cases whose opened_on / closed_on falls in the month (measures.md "Caseload and
-- spending").
with events as (
    select 'cases_opened' as measure_id, strftime(opened_on, '%Y-%m') as period, service_manager, program
    from stg_cases
    union all
    select 'cases_closed', strftime(closed_on, '%Y-%m'), service_manager, program
    from stg_cases
    where closed_on is not null
),

final as (
    select measure_id, period, service_manager, program, 'ALL' as breakdown, count(*) as numerator
    from events
    join int_period_months as months on months.month = events.period
    group by measure_id, period, service_manager, program
)

select * from final
