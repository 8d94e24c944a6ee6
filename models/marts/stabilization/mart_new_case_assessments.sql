-- mart_new_case_assessments: one row per month, service manager and program for pct_new_cases_assessed_30d
-- (measures.md): cases opened in the month, and those with any INITIAL assessment 0 to W days after
-- opened_on (W: the measure's cohort window, measure_registry).
with cohort_window as (
    select cohort_days as days from measure_registry where measure_id = 'pct_new_cases_assessed_30d'
),

assessed_in_time as (
    select distinct cases.case_id
    from stg_cases as cases
    join stg_stabilization_assessments as assessments using (case_id)
    cross join cohort_window
    where assessments.kind = 'INITIAL'
      and assessments.assessed_on - cases.opened_on between 0 and cohort_window.days
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

final as (
    select
        'pct_new_cases_assessed_30d' as measure_id,
        period,
        service_manager,
        program,
        'ALL' as breakdown,
        count(*) filter (where assessed) as numerator,
        count(*) as denominator
    from cohort
    group by period, service_manager, program
)

select * from final
