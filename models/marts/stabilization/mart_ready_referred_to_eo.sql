-- mart_ready_referred_to_eo: one row per month, geography and program for ready_referred_to_eo_90d
-- (measures.md): cases whose first employment_ready = Y assessment is in the month, and those with an
-- EMPLOYMENT_ONTARIO referral 0 to 90 days after it. A cohort: pending until as_of >= end(m) + 90 days.
with first_ready as (
    select case_id, min(assessed_on) as ready_on
    from stg_stabilization_assessments
    where employment_ready
    group by case_id
),

referred_in_time as (
    select distinct first_ready.case_id
    from first_ready
    join stg_referrals as referrals using (case_id)
    where referrals.referral_type = 'EMPLOYMENT_ONTARIO'
      and referrals.referred_on - first_ready.ready_on between 0 and 90
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

grouped as (
    select
        period,
        case when grouping(service_manager) = 1 then 'ON' else service_manager end as geography,
        case when grouping(program) = 1 then 'ALL' else program end as program_group,
        count(*) filter (where referred) as referred,
        count(*) as ready
    from cohort
    group by grouping sets (
        (period, service_manager, program), (period, service_manager), (period, program), (period)
    )
),

final as (
    select
        'ready_referred_to_eo_90d' as measure_id,
        grouped.period,
        grouped.geography as service_manager,
        grouped.program_group as program,
        'ALL' as breakdown,
        grouped.referred as numerator,
        grouped.ready as denominator,
        months.as_of - months.month_end < 90 as pending
    from grouped
    join int_period_months as months on months.month = grouped.period
)

select * from final
