-- stg_payments: one row per payment or reversal (payment_id), its latest delivered version (is_current), typed as it loaded.
with latest as (
    select *
    from hist_payments
    where is_current
),

final as (
    select
        payment_id,
        case_id,
        benefit_month,
        issued_on,
        payment_type,
        amount,
        reverses_payment_id,
        delivery as delivered_in
    from latest
)

select * from final
