-- int_case_month_nets_changes: one row per case and benefit month that int_case_month_nets recomputes: those
-- whose payments changed (recorded by ingest), and every month of a case whose current version changed
-- (program, manager, members). Those months are read from the payments: a changes model cannot read the
-- model it serves, which it precedes. A table: int_case_month_nets and int_case_month_profile_changes both
-- read it, and it scans every payment.
-- materialized: table
with payment_changes as (
    select case_id, benefit_month
    from changed_payments
),

case_changes as (
    select case_id, benefit_month
    from stg_payments
    where case_id in (select case_id from changed_cases)
),

final as (
    select * from payment_changes
    union
    select * from case_changes
)

select * from final
