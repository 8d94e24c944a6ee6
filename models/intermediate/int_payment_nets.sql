-- int_payment_nets: one row per case, benefit month (of the period range) and payment type: the net amount
-- (measures.md "Net amount"), issuances and reversals whenever issued. Join stg_cases for the case's latest
-- program and manager.
with nets as (
    -- 18 digits hold any case's monthly net; DECIMAL(38) sums would be four times slower downstream
    select case_id, benefit_month, payment_type, sum(amount)::decimal(18, 2) as net_amount
    from stg_payments
    where benefit_month <= (select max(month) from int_period_months)
    group by case_id, benefit_month, payment_type
),

final as (
    select * from nets
)

select * from final
