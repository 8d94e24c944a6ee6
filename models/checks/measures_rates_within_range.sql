-- measures_rates_within_range: a share of a group (a rate: measure_kinds.share_of_group) has
-- 0 ≤ numerator ≤ denominator, so 0–100 % (measures.md), unless its registry entry says its numerator need
-- not be in the group (numerator_outside_group).
-- severity: blocking
select measure_id, period, service_manager, program, breakdown, numerator, denominator, value
from measures
join measure_registry as registry using (measure_id)
join measure_kinds as kinds using (kind)
where kinds.share_of_group
  and not registry.numerator_outside_group
  and status = 'ok'
  and (numerator < 0 or numerator > denominator or value < 0 or value > 100)
