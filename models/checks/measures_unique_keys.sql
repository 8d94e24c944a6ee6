-- measures_unique_keys: one row per measure, period, geography, program and breakdown.
-- severity: blocking
select measure_id, period, service_manager, program, breakdown, count(*) as n
from measures
group by all
having count(*) > 1
