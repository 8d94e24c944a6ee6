-- measures: one row per measure, period, geography (manager or ON), program and breakdown (measures.md), the
-- internal tier: exact figures. The rows are measure_rollup's; each measure's kind (measure_kinds, from
-- pipelines/measures/kinds.ts) fixes how its value is computed, which figures it shows and when it has no
-- data (no_data rows are omitted, as measures.md allows). A count or total is a figure even when 0; only a
-- breakdown value with nothing in it is left out.
with typed as (
    select rolled.*, kinds.*
    from measure_rollup as rolled
    join measure_registry as registry using (measure_id)
    join measure_kinds as kinds using (kind)
),

valued as (
    select
        *,
        case
            when pending then 'pending'
            when zero_rows and breakdown <> 'ALL' and coalesce(numerator, 0) = 0
                and coalesce(denominator, 0) = 0 then 'no_data'
            when zero_rows then 'ok'
            when coalesce(denominator, 0) = 0 then 'no_data'
            else 'ok'
        end as status
    from typed
),

final as (
    select
        measure_id,
        period,
        service_manager,
        program,
        breakdown,
        case when status = 'pending' or not has_numerator then null
             when zero_rows then coalesce(numerator, 0) else numerator end as numerator,
        case when status = 'pending' or not has_denominator then null else denominator end as denominator,
        case
            when status = 'pending' then null
            when value_rule = 'numerator' then coalesce(numerator, 0)
            when value_rule = 'percent' then pct_1dp(numerator, denominator)
            when value_rule = 'mean' then mean_2dp(numerator, denominator)
            when value_rule = 'median' then median_value
        end::decimal(20, 2) as value,
        status
    from valued
    where status <> 'no_data'
)

select * from final
