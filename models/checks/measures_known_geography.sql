-- measures_known_geography: every row is for a reference service manager or ON, and a known program.
-- severity: blocking
select measure_id, period, service_manager, program
from measures
where (service_manager <> 'ON' and service_manager not in (select code from ref_service_managers))
   or program not in ('OW', 'ODSP', 'ALL')
