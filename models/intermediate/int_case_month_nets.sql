-- int_case_month_nets: one row per case and benefit month with any payment: the net amount (measures.md
-- "Net amount": issuances and reversals, whenever issued) of each payment type and in all. A type the case had
-- no payment of is null. One pass over the payments serves the caseload, spending and funding models; they
-- keep the months of the period range. Rebuilt only for the case-months whose payments changed.
-- materialized: incremental
-- unique_key: case_id, benefit_month
-- changes: int_case_month_nets_changes
-- restrict: stg_payments
with nets as (
    select
        case_id,
        benefit_month,
        -- 18 digits hold any case's monthly net; DECIMAL(38) sums would be four times slower downstream
        sum(amount) filter (where payment_type = 'BASIC_NEEDS')::decimal(18, 2) as basic_needs,
        sum(amount) filter (where payment_type = 'SHELTER')::decimal(18, 2) as shelter,
        sum(amount) filter (where payment_type = 'DISCRETIONARY')::decimal(18, 2) as discretionary,
        sum(amount) filter (where payment_type = 'EMPLOYMENT_BENEFIT')::decimal(18, 2) as employment_benefit,
        sum(amount) filter (where payment_type = 'OTHER')::decimal(18, 2) as other,
        sum(amount)::decimal(18, 2) as total
    from stg_payments
    group by case_id, benefit_month
),

final as (
    select * from nets
)

select * from final
