-- mart_ready_referred_to_eo: one row per month, service manager and program for ready_referred_to_eo_90d
-- (measures.md): cases whose first employment_ready = Y assessment is in the month, and those with an
-- EMPLOYMENT_ONTARIO referral 0 to W days after it (W: the measure's cohort window, measure_registry).
with cohort_window as (
    select cohort_days as days from measure_registry where measure_id = 'ready_referred_to_eo_90d'
),

first_ready as (
    select case_id, min(assessed_on) as ready_on
    from stg_stabilization_assessments
    where employment_ready
    group by case_id
),

referred_in_time as (
    select distinct first_ready.case_id
    from first_ready
    join stg_referrals as referrals using (case_id)
    cross join cohort_window
    where referrals.referral_type = 'EMPLOYMENT_ONTARIO'
      and referrals.referred_on - first_ready.ready_on between 0 and cohort_window.days
),

cohort as (
    select
        strftime(first_ready.ready_on, '%Y-%m') as period,
        cases.service_manager,
        cases.program,
        referred_in_time.case_id is not null as referred
    from first_ready
    join stg_cases as cases using (case_id)
    join int_period_months as months on months.month = strftime(first_ready.ready_on, '%Y-%m')
    left join referred_in_time using (case_id)
),

final as (
    select
        'ready_referred_to_eo_90d' as measure_id,
        period,
        service_manager,
        program,
        'ALL' as breakdown,
        count(*) filter (where referred) as numerator,
        count(*) as denominator
    from cohort
    group by period, service_manager, program
)

select * from final
