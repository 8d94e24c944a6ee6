-- mart_messages: one row per measure (client_messages, pct_client_messages_replied_2d,
-- median_hours_to_reply), month, geography and program: client messages sent in the month and their replies
-- (measures.md "Digital delivery"). The 48-hour reply rate is a cohort: pending until as_of >= end(m) + 2 days;
-- the median reply time is not.
with sent as (
    select client_messages.*
    from int_client_message_replies as client_messages
    join int_period_months as months on months.month = client_messages.period
),

grouped as (
    select
        period,
        case when grouping(service_manager) = 1 then 'ON' else service_manager end as geography,
        case when grouping(program) = 1 then 'ALL' else program end as program_group,
        count(*) as sent,
        count(*) filter (where replied_2d) as replied_2d,
        count(hours_tenths) as replied,
        median_1dp(list(hours_tenths) filter (where hours_tenths is not null)) as median_hours
    from sent
    group by grouping sets (
        (period, service_manager, program), (period, service_manager), (period, program), (period)
    )
),

final as (
    select 'client_messages' as measure_id, grouped.period, geography as service_manager,
        program_group as program, 'ALL' as breakdown, sent as numerator, null as denominator,
        null as median_value, false as pending
    from grouped
    union all
    select 'pct_client_messages_replied_2d', grouped.period, geography, program_group, 'ALL', replied_2d, sent,
        null, months.as_of - months.month_end < 2
    from grouped
    join int_period_months as months on months.month = grouped.period
    union all
    select 'median_hours_to_reply', period, geography, program_group, 'ALL', null, replied, median_hours, false
    from grouped
    where replied > 0
)

select * from final
