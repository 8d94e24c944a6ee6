-- measure_rollup: one row per measure, month of the period range, geography (each service manager and ON),
-- program (OW, ODSP, ALL) and breakdown, before values and statuses (measures.sql). The one place where
-- the marts' rows (measure_rows: every mart the registry names) are rolled up: a measure of an additive kind
-- (measure_kinds) gives rows per manager × program, and its ON and ALL rows are their sums, exact because
-- every record counts for one manager and one program (a case's latest version; an application its own).
-- A median does not add: its mart rolls itself up and its rows pass through. A count or total with nothing
-- to count gets its zero row (ALL breakdown, every month, geography of the reference list and program); a
-- cohort's month is pending until its window (measure_registry.cohort_days) has passed.
-- A view: measures.sql alone reads it, once; stored, its rows cost as much again as computing them (the
-- README's benchmark).
-- materialized: view
with mart_rows as (
    select measure_rows.*, kinds.additive
    from measure_rows
    join measure_registry as registry using (measure_id)
    join measure_kinds as kinds using (kind)
),

rolled_up as (
    select
        measure_id,
        period,
        case when grouping(service_manager) = 1 then 'ON' else service_manager end as service_manager,
        case when grouping(program) = 1 then 'ALL' else program end as program,
        breakdown,
        sum(numerator) as numerator,
        sum(denominator) as denominator,
        null::decimal(18, 1) as median_value
    from mart_rows
    where additive
    group by grouping sets (
        (measure_id, period, breakdown, service_manager, program), (measure_id, period, breakdown, service_manager),
        (measure_id, period, breakdown, program), (measure_id, period, breakdown)
    )
),

medians as (
    select measure_id, period, service_manager, program, breakdown, numerator, denominator, median_value
    from mart_rows
    where not additive
),

stacked as (
    select * from rolled_up
    union all
    select * from medians
),

zeros as (
    -- the zero row of every count and total, kept only where no mart gave a row for the same keys
    select
        registry.measure_id, months.month as period, geographies.code as service_manager, programs.program,
        'ALL' as breakdown, 0 as numerator, 0 as denominator, null::decimal(18, 1) as median_value
    from measure_registry as registry
    join measure_kinds as kinds using (kind)
    cross join int_period_months as months
    cross join (select code from ref_service_managers union all select 'ON') as geographies(code)
    cross join (values ('OW'), ('ODSP'), ('ALL')) as programs(program)
    where kinds.zero_rows
),

with_zeros as (
    select * from stacked
    union all
    select * from zeros
    anti join stacked using (measure_id, period, service_manager, program, breakdown)
),

final as (
    select
        with_zeros.measure_id,
        with_zeros.period,
        with_zeros.service_manager,
        with_zeros.program,
        with_zeros.breakdown,
        with_zeros.numerator::decimal(20, 2) as numerator,
        with_zeros.denominator::bigint as denominator,
        with_zeros.median_value,
        coalesce(months.as_of - months.month_end < registry.cohort_days, false) as pending
    from with_zeros
    join measure_registry as registry using (measure_id)
    join int_period_months as months on months.month = with_zeros.period
)

select * from final
