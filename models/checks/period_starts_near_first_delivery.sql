-- period_starts_near_first_delivery: the period range (measures.md: from the earliest benefit_month in loaded
-- payments) begins at most 24 months before the first delivery. One payment for an old month (a typo such as
-- 1990-01) would otherwise stretch every series back to it unnoticed. One row per benefit month that early,
-- with its payments. A warning: the figures follow measures.md either way; restate the payments to correct it.
-- severity: warning
with first_delivery as (
    select min(delivery) as delivery
    from manifest
    where status in ('loaded', 'restated')
),

final as (
    select payments.benefit_month, first_delivery.delivery as first_delivery, count(*) as payments
    from stg_payments as payments
    cross join first_delivery
    where date_diff('month', (payments.benefit_month || '-01')::date, (first_delivery.delivery || '-01')::date) > 24
    group by payments.benefit_month, first_delivery.delivery
)

select * from final
