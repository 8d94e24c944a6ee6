-- int_case_months: one row per case per benefit month of the period range in which the case is in receipt
-- (net BASIC_NEEDS + SHELTER > 0, measures.md "In receipt"). Attributes from the case's latest version.
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
