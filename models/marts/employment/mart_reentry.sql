-- mart_reentry: one row per month, geography and program for reentry_within_12_months (measures.md): the
-- cases closed in the month (except DECEASED, TRANSFER_TO_ODSP, MOVED) and those whose person opened another
-- case of the same program 1 to 365 days later, anywhere. A cohort: pending until as_of >= end(m) + 365 days.
with cohort as (
    select
        closures.close_month as period,
        closures.service_manager,
        closures.program,
        coalesce(closures.days_to_reentry_same_program between 1 and 365, false) as reentered
    from int_case_closures as closures
    join int_period_months as months on months.month = closures.close_month
    where closures.close_reason not in ('DECEASED', 'TRANSFER_TO_ODSP', 'MOVED')
),

grouped as (
    select
        period,
        case when grouping(service_manager) = 1 then 'ON' else service_manager end as geography,
        case when grouping(program) = 1 then 'ALL' else program end as program_group,
        count(*) filter (where reentered) as reentered,
        count(*) as closed
    from cohort
    group by grouping sets (
        (period, service_manager, program), (period, service_manager), (period, program), (period)
    )
),

final as (
    select
        'reentry_within_12_months' as measure_id,
        grouped.period,
        grouped.geography as service_manager,
        grouped.program_group as program,
        'ALL' as breakdown,
        grouped.reentered as numerator,
        grouped.closed as denominator,
        months.as_of - months.month_end < 365 as pending
    from grouped
    join int_period_months as months on months.month = grouped.period
)

select * from final
