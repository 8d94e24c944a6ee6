-- funding_shares_add_up: in every cost-sharing row the provincial and municipal shares add up to the total, and
-- the Province's discretionary share stays within the cap (funding.md §1; discretionary share ≤ 1).
-- severity: blocking
with wide as (
    select
        fiscal_year, service_manager, program,
        any_value(amount) filter (where component = 'assistance_total') as assistance_total,
        any_value(amount) filter (where component = 'assistance_provincial') as assistance_provincial,
        any_value(amount) filter (where component = 'assistance_municipal') as assistance_municipal,
        any_value(amount) filter (where component = 'discretionary_total') as discretionary_total,
        any_value(amount) filter (where component = 'discretionary_cap') as discretionary_cap,
        any_value(amount) filter (where component = 'discretionary_provincial') as discretionary_provincial,
        any_value(amount) filter (where component = 'discretionary_municipal') as discretionary_municipal
    from funding
    where component like 'assistance_%' or component like 'discretionary_%'
    group by all
)

select *
from wide
where assistance_provincial + assistance_municipal is distinct from assistance_total
   or discretionary_provincial + discretionary_municipal is distinct from discretionary_total
   or discretionary_provincial > greatest(discretionary_cap, 0)
