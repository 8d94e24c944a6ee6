-- measures_province_equals_sum: for count and total measures the ON row equals the sum of the managers' rows.
-- severity: blocking
with managers as (
    select measure_id, period, program, breakdown, sum(numerator) as total
    from measures
    join measure_registry using (measure_id)
    where kind in ('count', 'total') and service_manager <> 'ON' and status = 'ok'
    group by all
),

province as (
    select measure_id, period, program, breakdown, numerator as total
    from measures
    join measure_registry using (measure_id)
    where kind in ('count', 'total') and service_manager = 'ON' and status = 'ok'
)

select *
from province
full join managers using (measure_id, period, program, breakdown)
where province.total is distinct from managers.total
