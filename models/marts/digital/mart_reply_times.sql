-- mart_reply_times: one row per month, geography (manager or ON) and program (OW, ODSP, ALL) for
-- median_hours_to_reply (measures.md "Digital delivery"): the client messages of the month that have a reply,
-- however late, and the median of their hours to it. A median does not add up from the managers' ones, so
-- this mart rolls itself up (the other marts leave that to measure_rollup).
with replied as (
    select client_messages.*
    from int_client_message_replies as client_messages
    join int_period_months as months on months.month = client_messages.period
    where client_messages.hours_tenths is not null
),

grouped as (
    select
        period,
        case when grouping(service_manager) = 1 then 'ON' else service_manager end as geography,
        case when grouping(program) = 1 then 'ALL' else program end as program_group,
        count(*) as replied,
        median_1dp(list(hours_tenths)) as median_hours
    from replied
    group by grouping sets (
        (period, service_manager, program), (period, service_manager), (period, program), (period)
    )
),

final as (
    select 'median_hours_to_reply' as measure_id, period, geography as service_manager,
        program_group as program, 'ALL' as breakdown, replied as denominator, median_hours as median_value
    from grouped
)

select * from final
