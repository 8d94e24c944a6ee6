-- mart_employment_exits: one row per measure (pct_exits_to_employment, pct_caseload_exiting_to_employment,
-- avg_days_to_employment_exit), month, geography and program: closures of the month, those for employment,
-- their days open, against the closures and against the caseload (measures.md "Employment outcomes").
with closures as (
    select
        closures.close_month as period,
        closures.service_manager,
        closures.program,
        closures.close_reason = 'EMPLOYMENT' as to_employment,
        closures.days_open
    from int_case_closures as closures
    join int_period_months as months on months.month = closures.close_month
),

grouped as (
    select
        period,
        case when grouping(service_manager) = 1 then 'ON' else service_manager end as geography,
        case when grouping(program) = 1 then 'ALL' else program end as program_group,
        count(*) as closed,
        count(*) filter (where to_employment) as to_employment,
        sum(days_open) filter (where to_employment) as days_to_exit
    from closures
    group by grouping sets (
        (period, service_manager, program), (period, service_manager), (period, program), (period)
    )
),

-- closures need not be in the caseload: the caseload row is the group, the closures may be absent (0)
against_caseload as (
    select
        caseload.period,
        caseload.service_manager as geography,
        caseload.program as program_group,
        coalesce(grouped.to_employment, 0) as to_employment,
        caseload.numerator as caseload
    from mart_caseload as caseload
    left join grouped
        on grouped.period = caseload.period
        and grouped.geography = caseload.service_manager
        and grouped.program_group = caseload.program
    where caseload.measure_id = 'caseload'
),

final as (
    select 'pct_exits_to_employment' as measure_id, period, geography as service_manager,
        program_group as program, 'ALL' as breakdown, to_employment as numerator, closed as denominator
    from grouped
    union all
    select 'avg_days_to_employment_exit', period, geography, program_group, 'ALL', days_to_exit, to_employment
    from grouped
    union all
    select 'pct_caseload_exiting_to_employment', period, geography, program_group, 'ALL', to_employment, caseload
    from against_caseload
)

select * from final
