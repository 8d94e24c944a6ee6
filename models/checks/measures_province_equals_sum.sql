-- measures_province_equals_sum: for measures whose value is their numerator (count, total: measure_kinds)
-- the ON row equals the sum of the managers' rows.
-- severity: blocking
with summed_kinds as (
    select measure_id
    from measure_registry
    join measure_kinds using (kind)
    where measure_kinds.value_rule = 'numerator'
),

managers as (
    select measure_id, period, program, breakdown, sum(numerator) as total
    from measures
    semi join summed_kinds using (measure_id)
    where service_manager <> 'ON' and status = 'ok'
    group by all
),

province as (
    select measure_id, period, program, breakdown, numerator as total
    from measures
    semi join summed_kinds using (measure_id)
    where service_manager = 'ON' and status = 'ok'
)

select *
from province
full join managers using (measure_id, period, program, breakdown)
where province.total is distinct from managers.total
