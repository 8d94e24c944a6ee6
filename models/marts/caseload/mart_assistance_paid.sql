-- mart_assistance_paid: one row per month, geography, program and breakdown (each payment_type and ALL):
-- net dollars for the benefit month, and the cases whose net is non-zero (measures.md assistance_paid).
with by_type as (
    select nets.*, cases.service_manager, cases.program
    from int_payment_nets as nets
    join stg_cases as cases using (case_id)
),

by_case as (
    select case_id, benefit_month, service_manager, program, sum(net_amount) as net_amount
    from by_type
    group by case_id, benefit_month, service_manager, program
),

type_rows as (
    select
        benefit_month as period,
        case when grouping(service_manager) = 1 then 'ON' else service_manager end as geography,
        case when grouping(program) = 1 then 'ALL' else program end as program_group,
        payment_type as breakdown,
        sum(net_amount) as numerator,
        count(*) filter (where net_amount <> 0) as denominator
    from by_type
    group by grouping sets (
        (benefit_month, payment_type, service_manager, program), (benefit_month, payment_type, service_manager),
        (benefit_month, payment_type, program), (benefit_month, payment_type)
    )
),

all_rows as (
    select
        benefit_month as period,
        case when grouping(service_manager) = 1 then 'ON' else service_manager end as geography,
        case when grouping(program) = 1 then 'ALL' else program end as program_group,
        'ALL' as breakdown,
        sum(net_amount) as numerator,
        count(*) filter (where net_amount <> 0) as denominator
    from by_case
    group by grouping sets (
        (benefit_month, service_manager, program), (benefit_month, service_manager),
        (benefit_month, program), (benefit_month)
    )
),

final as (
    select 'assistance_paid' as measure_id, period, geography as service_manager, program_group as program,
        breakdown, numerator, denominator
    from type_rows
    union all
    select 'assistance_paid', period, geography, program_group, breakdown, numerator, denominator
    from all_rows
)

select * from final
