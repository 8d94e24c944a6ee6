-- int_period_months: one row per month of the period range (measures.md): from the earliest benefit_month in
-- loaded payments to the as-of month (the view as_of_month: the latest delivery whose cases and payments files
-- are in force, extracts.md "Order of work"), with the as-of date.
with bounds as (
    select
        (select min(benefit_month) from stg_payments) as first_month,
        (select as_of_month from as_of_month) as as_of_month
),

months as (
    select strftime(m, '%Y-%m') as month, m::date as month_start, (m + interval 1 month - interval 1 day)::date as month_end
    from bounds, range((first_month || '-01')::date, (as_of_month || '-01')::date + interval 1 day, interval 1 month) as t(m)
    where first_month is not null and first_month <= as_of_month
),

final as (
    select
        month,
        month_start,
        month_end,
        (select as_of_month from bounds) as as_of_month,
        ((select as_of_month from bounds) || '-01')::date + interval 1 month - interval 1 day as as_of
    from months
)

select month, month_start, month_end, as_of_month, as_of::date as as_of from final
