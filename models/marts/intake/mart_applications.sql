-- mart_applications: one row per measure (applications_submitted by channel, pct_applications_online,
-- pct_granted), month, service manager and program (measures.md "Intake"). Applications carry their own
-- manager and program. The decision times' median is mart_decision_times.
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
        applications.decision
    from stg_applications as applications
    join int_period_months as months on months.month = strftime(applications.decided_on, '%Y-%m')
),

submitted_grouped as (
    select
        period,
        breakdown,
        service_manager,
        program,
        count(*) as submitted,
        count(*) filter (where online) as online
    from submitted
    group by period, breakdown, service_manager, program
),

decided_grouped as (
    select
        period,
        service_manager,
        program,
        count(*) filter (where decision in ('GRANTED', 'DENIED')) as granted_or_denied,
        count(*) filter (where decision = 'GRANTED') as granted
    from decided
    group by period, service_manager, program
),

final as (
    select 'applications_submitted' as measure_id, period, service_manager, program, breakdown,
        submitted as numerator, null as denominator
    from submitted_grouped
    union all
    select 'pct_applications_online', period, service_manager, program, 'ALL', online, submitted
    from submitted_grouped
    where breakdown = 'ALL'
    union all
    select 'pct_granted', period, service_manager, program, 'ALL', granted, granted_or_denied
    from decided_grouped
)

select * from final
