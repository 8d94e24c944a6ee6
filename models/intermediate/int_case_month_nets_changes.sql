-- int_case_month_nets_changes: one row per case and benefit month whose payments changed since the last
-- build (recorded by ingest): the rows int_case_month_nets recomputes.
-- materialized: view
select distinct case_id, benefit_month
from changed_payments
