-- int_case_month_nets: one row per case and benefit month with any payment: the net amount (measures.md
-- "Net amount": issuances and reversals, whenever issued) of each payment type and in all, and the case's
-- program, manager and members from its latest version. A type the case had no payment of is null. One pass
-- over the payments serves the caseload and spending models; they keep the months of the period range.
-- Rebuilt only for the case-months whose payments changed, and every month of a case whose program, manager
-- or members changed.
-- materialized: incremental
-- unique_key: case_id, benefit_month
-- changes: payments (case_id, benefit_month)
-- changes: cases (case_id) when program, service_manager, members
-- restrict: hist_payments
-- (the payments' history, which stg_payments reads: restricting it before stg_payments types every row spares
-- typing 48 M rows at scale 1 to keep a few hundred thousand; stg_payments passes case_id and benefit_month
-- through unchanged)
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

-- a payment always has its case (ingest quarantines one without): the inner join drops nothing
final as (
    select nets.*, cases.program, cases.service_manager, cases.members
    from nets
    join stg_cases as cases using (case_id)
)

select * from final
