-- int_case_months_changes: one row per case and benefit month that int_case_months recomputes: those whose
-- payments changed, and every month of a case whose current version changed (program, manager, members).
-- materialized: view
with payment_changes as (
    select case_id, benefit_month
    from changed_payments
),

case_changes as (
    select case_id, benefit_month
    from int_case_month_nets
    where case_id in (select case_id from changed_cases)
),

final as (
    select * from payment_changes
    union
    select * from case_changes
)

select * from final
