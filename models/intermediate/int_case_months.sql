-- int_case_months: one row per case per benefit month in which the case is in receipt (net BASIC_NEEDS +
-- SHELTER > 0, measures.md "In receipt"), any month: the marts keep those of the period range. Attributes from
-- the case's latest version. A view: int_case_month_nets already holds every column, kept up to date.
-- materialized: view
with final as (
    select case_id, benefit_month, program, service_manager, members
    from int_case_month_nets
    where coalesce(basic_needs, 0) + coalesce(shelter, 0) > 0
)

select * from final
