-- measures: one row per measure, period, geography (manager or ON), program and breakdown (measures.md), the
-- internal tier: exact figures. Each mart is named here once; the registry gives each measure its kind, which
-- fixes how its value is computed and when it has no data (no_data rows are omitted, as measures.md allows).
with template as (
    -- the columns every mart may give; a mart lacking one (most have no median, none pending) gets null
    select
        null::varchar as measure_id, null::varchar as period, null::varchar as service_manager,
        null::varchar as program, null::varchar as breakdown, null::decimal(20, 2) as numerator,
        null::bigint as denominator, null::decimal(18, 1) as median_value, null::boolean as pending
    where false
),

stacked as (
    select * from template
    union all by name select * from mart_caseload
    union all by name select * from mart_case_flows
    union all by name select * from mart_assistance_paid
    union all by name select * from mart_employment_earnings
    union all by name select * from mart_employment_exits
    union all by name select * from mart_reentry
    union all by name select * from mart_applications
    union all by name select * from mart_new_case_assessments
    union all by name select * from mart_caseload_assessment_status
    union all by name select * from mart_stabilization_progress
    union all by name select * from mart_ready_referred_to_eo
    union all by name select * from mart_referrals
    union all by name select * from mart_mybenefits
    union all by name select * from mart_messages
    union all by name select * from mart_eligibility_reviews
),

typed as (
    select
        stacked.measure_id,
        stacked.period,
        stacked.service_manager,
        stacked.program,
        stacked.breakdown,
        stacked.numerator::decimal(20, 2) as numerator,
        stacked.denominator::bigint as denominator,
        stacked.median_value::decimal(18, 1) as median_value,
        coalesce(stacked.pending, false) as pending,
        registry.kind
    from stacked
    join measure_registry as registry using (measure_id)
),

valued as (
    select
        *,
        case
            when pending then 'pending'
            when kind in ('count', 'total') and coalesce(numerator, 0) = 0 then 'no_data'
            when kind not in ('count', 'total') and coalesce(denominator, 0) = 0 then 'no_data'
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
        case when status = 'pending' or kind = 'median' then null else numerator end as numerator,
        case when status = 'pending' or kind = 'count' then null else denominator end as denominator,
        case
            when status = 'pending' then null
            when kind in ('count', 'total') then numerator
            when kind in ('rate', 'per100') then pct_1dp(numerator, denominator)
            when kind = 'mean' then mean_2dp(numerator, denominator)
            when kind = 'median' then median_value
        end::decimal(20, 2) as value,
        status
    from valued
    where status <> 'no_data'
)

select * from final
