-- measures_every_month: every measure has a province row (ON, ALL programs, ALL breakdown) for every month of
-- the period range. A warning, not blocking: a small delivery can legitimately have no event of a kind.
-- severity: warning
select registry.measure_id, months.month
from measure_registry as registry
cross join int_period_months as months
where not exists (
    select 1
    from measures
    where measures.measure_id = registry.measure_id
      and measures.period = months.month
      and measures.service_manager = 'ON'
      and measures.program = 'ALL'
      and measures.breakdown = 'ALL'
)
