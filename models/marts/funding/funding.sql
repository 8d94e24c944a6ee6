-- funding: one row per fiscal year, geography, program and component of the funding (funding.md): cost
-- sharing (mart_cost_sharing), the allocation (funding_allocations, the build's allocation step) and outcome
-- payments (mart_outcome_payments), with the unit each component is counted in: cost sharing and the
-- allocation are dollars; the outcome payments say the unit of each of their components.
-- tags: funding
with stacked as (
    select fiscal_year, service_manager, program, component, amount, 'dollars' as unit, status
    from mart_cost_sharing
    union all
    select fiscal_year, service_manager, program, component, amount, 'dollars' as unit, status
    from funding_allocations
    union all
    select fiscal_year, service_manager, program, component, amount, unit, status
    from mart_outcome_payments
),

final as (
    select
        fiscal_year,
        service_manager,
        program,
        component,
        amount::decimal(20, 2) as amount,
        unit,
        status
    from stacked
)

select * from final
