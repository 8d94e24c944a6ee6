-- funding_unique_keys: one row per fiscal year, geography, program and component, for known geographies.
-- severity: blocking
select fiscal_year, service_manager, program, component, count(*) as n
from funding
group by all
having count(*) > 1 or (service_manager <> 'ON' and service_manager not in (select code from ref_service_managers))
