-- mart_employment_exits: one row per measure (pct_exits_to_employment, pct_caseload_exiting_to_employment,
-- avg_days_to_employment_exit), month, service manager and program: closures of the month, those for
-- employment, their days open, against the closures and against the caseload (measures.md "Employment
-- outcomes").
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
        service_manager,
        program,
        count(*) as closed,
        count(*) filter (where to_employment) as to_employment,
        sum(days_open) filter (where to_employment) as days_to_exit
    from closures
    group by period, service_manager, program
),

-- closures need not be in the caseload: the caseload is the group, the closures may be absent (0), and
-- closures of a manager and program without caseload that month still count in the coarser rows
against_caseload as (
    select
        coalesce(caseload.period, grouped.period) as period,
        coalesce(caseload.service_manager, grouped.service_manager) as service_manager,
        coalesce(caseload.program, grouped.program) as program,
        coalesce(grouped.to_employment, 0) as to_employment,
        coalesce(caseload.caseload, 0) as caseload
    from int_caseload_profile_counts as caseload
    full join grouped
        on grouped.period = caseload.period
        and grouped.service_manager = caseload.service_manager
        and grouped.program = caseload.program
),

final as (
    select 'pct_exits_to_employment' as measure_id, period, service_manager, program, 'ALL' as breakdown,
        to_employment as numerator, closed as denominator
    from grouped
    union all
    select 'avg_days_to_employment_exit', period, service_manager, program, 'ALL', days_to_exit, to_employment
    from grouped
    union all
    select 'pct_caseload_exiting_to_employment', period, service_manager, program, 'ALL', to_employment, caseload
    from against_caseload
)

select * from final
