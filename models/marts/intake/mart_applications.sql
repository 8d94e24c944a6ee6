-- mart_applications: one row per measure (applications_submitted by channel, pct_applications_online,
-- median_days_to_decision, pct_granted), month, geography and program (measures.md "Intake"). Applications
-- carry their own manager and program.
with submitted as (
    select
        strftime(applications.submitted_on, '%Y-%m') as period,
        applications.service_manager,
        applications.program,
        unnest(['ALL', applications.channel]) as breakdown,
        applications.channel = 'ONLINE' as online
    from stg_applications as applications
    join int_period_months as months on months.month = strftime(applications.submitted_on, '%Y-%m')
),

decided as (
    select
        strftime(applications.decided_on, '%Y-%m') as period,
        applications.service_manager,
        applications.program,
        applications.decided_on - applications.submitted_on as days_to_decision,
        applications.decision
    from stg_applications as applications
    join int_period_months as months on months.month = strftime(applications.decided_on, '%Y-%m')
),

submitted_grouped as (
    select
        period,
        breakdown,
        case when grouping(service_manager) = 1 then 'ON' else service_manager end as geography,
        case when grouping(program) = 1 then 'ALL' else program end as program_group,
        count(*) as submitted,
        count(*) filter (where online) as online
    from submitted
    group by grouping sets (
        (period, breakdown, service_manager, program), (period, breakdown, service_manager),
        (period, breakdown, program), (period, breakdown)
    )
),

decided_grouped as (
    select
        period,
        case when grouping(service_manager) = 1 then 'ON' else service_manager end as geography,
        case when grouping(program) = 1 then 'ALL' else program end as program_group,
        count(*) as decided,
        median_1dp(list(days_to_decision * 10)) as median_days,
        count(*) filter (where decision in ('GRANTED', 'DENIED')) as granted_or_denied,
        count(*) filter (where decision = 'GRANTED') as granted
    from decided
    group by grouping sets (
        (period, service_manager, program), (period, service_manager), (period, program), (period)
    )
),

final as (
    select 'applications_submitted' as measure_id, period, geography as service_manager,
        program_group as program, breakdown, submitted as numerator, null as denominator, null as median_value
    from submitted_grouped
    union all
    select 'pct_applications_online', period, geography, program_group, 'ALL', online, submitted, null
    from submitted_grouped
    where breakdown = 'ALL'
    union all
    select 'median_days_to_decision', period, geography, program_group, 'ALL', null, decided, median_days
    from decided_grouped
    union all
    select 'pct_granted', period, geography, program_group, 'ALL', granted, granted_or_denied, null
    from decided_grouped
)

select * from final
