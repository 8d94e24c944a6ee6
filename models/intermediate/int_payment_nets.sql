-- int_payment_nets: one row per case, benefit month and payment type: the net amount (measures.md "Net amount"),
-- issuances and reversals whenever issued, with the case's latest program and manager.
with nets as (
    select case_id, benefit_month, payment_type, sum(amount) as net_amount
    from stg_payments
    group by case_id, benefit_month, payment_type
),

final as (
    select nets.case_id, nets.benefit_month, nets.payment_type, nets.net_amount, cases.program, cases.service_manager
    from nets
    join stg_cases as cases using (case_id)
)

select * from final
