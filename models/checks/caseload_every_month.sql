-- caseload_every_month: the province caseload is present for every month of the period range.
-- severity: warning
select month
from int_period_months
where month not in (
    select period from measures where measure_id = 'caseload' and service_manager = 'ON' and program = 'ALL'
)
