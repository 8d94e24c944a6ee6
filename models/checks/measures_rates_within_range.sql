-- measures_rates_within_range: a rate is a share of its group: 0 ≤ numerator ≤ denominator, so 0–100 %
-- (measures.md), except pct_caseload_exiting_to_employment, whose closures need not be in the caseload.
-- severity: blocking
select measure_id, period, service_manager, program, breakdown, numerator, denominator, value
from measures
join measure_registry using (measure_id)
where kind = 'rate'
  and status = 'ok'
  and measure_id <> 'pct_caseload_exiting_to_employment'
  and (numerator < 0 or numerator > denominator or value < 0 or value > 100)
