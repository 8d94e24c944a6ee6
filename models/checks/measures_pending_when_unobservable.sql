-- measures_pending_when_unobservable: a cohort row is pending exactly when its window has not yet passed
-- (as_of < end(m) + W days, measures.md "Cohort measures"); no other measure is ever pending.
-- severity: blocking
select measures.measure_id, measures.period, measures.service_manager, measures.program, measures.breakdown,
    measures.status, registry.cohort_days, months.as_of
from measures
join measure_registry as registry using (measure_id)
join int_period_months as months on months.month = measures.period
where (measures.status = 'pending')
   <> coalesce(months.as_of - months.month_end < registry.cohort_days, false)
