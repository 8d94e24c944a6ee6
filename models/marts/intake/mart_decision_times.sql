-- mart_decision_times: one row per month, geography (manager or ON) and program (OW, ODSP, ALL) for
-- median_days_to_decision (measures.md "Intake"): the applications decided in the month, whatever the
-- decision, and the median of their days from submission. Applications carry their own manager and program.
-- A median does not add up from the managers' ones, so this mart rolls itself up (the other marts leave that
-- to measure_rollup).
with decided as (
    select
        strftime(applications.decided_on, '%Y-%m') as period,
        applications.service_manager,
        applications.program,
        applications.decided_on - applications.submitted_on as days_to_decision
    from stg_applications as applications
    join int_period_months as months on months.month = strftime(applications.decided_on, '%Y-%m')
),

grouped as (
    select
        period,
        case when grouping(service_manager) = 1 then 'ON' else service_manager end as geography,
        case when grouping(program) = 1 then 'ALL' else program end as program_group,
        count(*) as decided,
        median_1dp(list(days_to_decision * 10)) as median_days
    from decided
    group by grouping sets (
        (period, service_manager, program), (period, service_manager), (period, program), (period)
    )
),

final as (
    select 'median_days_to_decision' as measure_id, period, geography as service_manager,
        program_group as program, 'ALL' as breakdown, decided as denominator, median_days as median_value
    from grouped
)

select * from final
