-- mart_messages: one row per measure (client_messages, pct_client_messages_replied_2d), month, service
-- manager and program: client messages sent in the month, and those answered within the cohort window
-- (int_client_message_replies; measures.md "Digital delivery"). The reply times' median is mart_reply_times.
with sent as (
    select client_messages.*
    from int_client_message_replies as client_messages
    join int_period_months as months on months.month = client_messages.period
),

grouped as (
    select
        period,
        service_manager,
        program,
        count(*) as sent,
        count(*) filter (where replied_2d) as replied_2d
    from sent
    group by period, service_manager, program
),

final as (
    select 'client_messages' as measure_id, period, service_manager, program, 'ALL' as breakdown,
        sent as numerator, null as denominator
    from grouped
    union all
    select 'pct_client_messages_replied_2d', period, service_manager, program, 'ALL', replied_2d, sent
    from grouped
)

select * from final
