-- funding_province_equals_sum: cost-sharing ON rows are the sums of the managers' rows (funding.md §1), and so
-- are the ON milestone counts of the outcome payments (the components counted in `count`, declared in
-- mart_outcome_payments.sql).
-- severity: blocking
with managers as (
    select fiscal_year, program, component, sum(amount) as total
    from funding
    where service_manager <> 'ON'
      and (component like 'assistance_%' or component like 'discretionary_%' or unit = 'count')
    group by all
),

province as (
    select fiscal_year, program, component, amount as total
    from funding
    where service_manager = 'ON'
      and (component like 'assistance_%' or component like 'discretionary_%' or unit = 'count')
)

select *
from province
full join managers using (fiscal_year, program, component)
where province.total is distinct from managers.total
