-- mart_reentry: one row per month, service manager and program for reentry_within_12_months (measures.md):
-- the cases closed in the month (except DECEASED, TRANSFER_TO_ODSP, MOVED) and those whose person opened
-- another case of the same program 1 to W days later, anywhere (W: the measure's cohort window,
-- measure_registry).
with cohort_window as (
    select cohort_days as days from measure_registry where measure_id = 'reentry_within_12_months'
),

cohort as (
    select
        closures.close_month as period,
        closures.service_manager,
        closures.program,
        coalesce(closures.days_to_reentry_same_program between 1 and cohort_window.days, false) as reentered
    from int_case_closures as closures
    join int_period_months as months on months.month = closures.close_month
    cross join cohort_window
    where closures.close_reason not in ('DECEASED', 'TRANSFER_TO_ODSP', 'MOVED')
),

final as (
    select
        'reentry_within_12_months' as measure_id,
        period,
        service_manager,
        program,
        'ALL' as breakdown,
        count(*) filter (where reentered) as numerator,
        count(*) as denominator
    from cohort
    group by period, service_manager, program
)

select * from final
