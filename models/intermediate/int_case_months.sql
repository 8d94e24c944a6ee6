-- int_case_months: one row per case per benefit month in which the case is in receipt (net BASIC_NEEDS +
-- SHELTER > 0, measures.md "In receipt"), any month: the marts keep those of the period range. Attributes from
-- the case's latest version. Rebuilt only for the case-months whose payments or case changed (a change of
-- the case's columns this model does not read is not recorded: UNREAD in pipelines/extracts/ingest.ts).
-- materialized: incremental
-- unique_key: case_id, benefit_month
-- changes: int_case_months_changes
-- restrict: int_case_month_nets
with receipt as (
    select case_id, benefit_month
    from int_case_month_nets
    where coalesce(basic_needs, 0) + coalesce(shelter, 0) > 0
),

final as (
    select receipt.case_id, receipt.benefit_month, cases.program, cases.service_manager, cases.members
    from receipt
    join stg_cases as cases using (case_id)
)

select * from final
