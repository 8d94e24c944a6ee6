-- mart_assistance_paid: one row per month, service manager, program and breakdown (each payment_type and
-- ALL): net dollars for the benefit month, and the cases whose net is non-zero (measures.md
-- assistance_paid). Each case has one manager and program, so these sums and case counts add up to every
-- coarser row (ON, ALL) exactly (measure_rollup).
with per_case as (
    select nets.*
    from int_case_month_nets as nets
    join int_period_months as months on months.month = nets.benefit_month
),

finest as (
    select
        benefit_month, service_manager, program,
        sum(total) as all_net, count(*) filter (where total <> 0) as all_cases,
        sum(basic_needs) as basic_needs_net, count(*) filter (where basic_needs <> 0) as basic_needs_cases,
        sum(shelter) as shelter_net, count(*) filter (where shelter <> 0) as shelter_cases,
        sum(discretionary) as discretionary_net, count(*) filter (where discretionary <> 0) as discretionary_cases,
        sum(employment_benefit) as employment_benefit_net,
        count(*) filter (where employment_benefit <> 0) as employment_benefit_cases,
        sum(other) as other_net, count(*) filter (where other <> 0) as other_cases
    from per_case
    group by benefit_month, service_manager, program
),

by_breakdown as (
    select benefit_month, service_manager, program, 'ALL' as breakdown, all_net as net, all_cases as cases from finest
    union all
    select benefit_month, service_manager, program, 'BASIC_NEEDS', basic_needs_net, basic_needs_cases from finest
    union all
    select benefit_month, service_manager, program, 'SHELTER', shelter_net, shelter_cases from finest
    union all
    select benefit_month, service_manager, program, 'DISCRETIONARY', discretionary_net, discretionary_cases from finest
    union all
    select benefit_month, service_manager, program, 'EMPLOYMENT_BENEFIT', employment_benefit_net, employment_benefit_cases
    from finest
    union all
    select benefit_month, service_manager, program, 'OTHER', other_net, other_cases from finest
),

final as (
    select 'assistance_paid' as measure_id, benefit_month as period, service_manager, program, breakdown,
        net as numerator, cases as denominator
    from by_breakdown
    -- a type nobody in the group was paid has no net at all: not a row
    where net is not null
)

select * from final
