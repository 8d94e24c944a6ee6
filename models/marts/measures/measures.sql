-- measures: one row per measure, period, geography (manager or ON), program and breakdown (measures.md), the
-- internal tier: exact figures. Each mart is named here once; the registry gives each measure its kind, which
-- fixes how its value is computed and when it has no data (no_data rows are omitted, as measures.md allows).
-- A count or total with nothing to count is a real zero, not missing data: its ALL-breakdown row is written
-- for every month of the period range, geography (each service manager of the reference list, and ON) and
-- program; a breakdown value with nothing in it is omitted.
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

zeros as (
    -- the zero row of every count and total, kept only where no mart gave a row for the same keys
    select
        registry.measure_id, months.month as period, geographies.code as service_manager, programs.program,
        'ALL' as breakdown, 0::decimal(20, 2) as numerator, 0::bigint as denominator,
        null::decimal(18, 1) as median_value, false as pending
    from measure_registry as registry
    cross join int_period_months as months
    cross join (select code from ref_service_managers union all select 'ON') as geographies(code)
    cross join (values ('OW'), ('ODSP'), ('ALL')) as programs(program)
    where registry.kind in ('count', 'total')
),

with_zeros as (
    select * from stacked
    union all by name
    select * from zeros
    anti join stacked using (measure_id, period, service_manager, program, breakdown)
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
    from with_zeros as stacked
    join measure_registry as registry using (measure_id)
),

valued as (
    select
        *,
        case
            when pending then 'pending'
            -- a count or total is a figure even when 0; only an empty breakdown value is left out
            when kind = 'count' and breakdown <> 'ALL' and coalesce(numerator, 0) = 0 then 'no_data'
            when kind = 'total' and breakdown <> 'ALL' and coalesce(numerator, 0) = 0
                and coalesce(denominator, 0) = 0 then 'no_data'
            when kind in ('count', 'total') then 'ok'
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
        case when status = 'pending' or kind = 'median' then null
             when kind in ('count', 'total') then coalesce(numerator, 0) else numerator end as numerator,
        case when status = 'pending' or kind = 'count' then null else denominator end as denominator,
        case
            when status = 'pending' then null
            when kind in ('count', 'total') then coalesce(numerator, 0)
            when kind in ('rate', 'per100') then pct_1dp(numerator, denominator)
            when kind = 'mean' then mean_2dp(numerator, denominator)
            when kind = 'median' then median_value
        end::decimal(20, 2) as value,
        status
    from valued
    where status <> 'no_data'
)

select * from final
