-- int_client_message_replies: one row per CLIENT message, with its case's latest program and manager and its
-- reply: the earliest (sent_at, then message_id) CASEWORKER message answering it (measures.md "Digital
-- delivery"). Hours are differences of local clock times; hours_tenths is rounded to 1 decimal, half away from 0.
-- replied_2d: answered within pct_client_messages_replied_2d's cohort window (measure_registry), to the
-- second.
-- A view: mart_messages is its one reader, and storing 1.3 M rows cost more than reading them.
-- materialized: view
with client_messages as (
    select messages.message_id, messages.case_id, messages.sent_at, cases.program, cases.service_manager
    from stg_messages as messages
    join stg_cases as cases using (case_id)
    where messages.direction = 'CLIENT'
),

-- the earliest reply's time; which of two replies sent the same second comes first (message_id) cannot
-- change it, so a grouping does without the ranking window
replies as (
    select
        in_reply_to as message_id,
        min(sent_at) as reply_sent_at
    from stg_messages
    where direction = 'CASEWORKER' and in_reply_to is not null
    group by in_reply_to
),

cohort_window as (
    select cohort_days as days from measure_registry where measure_id = 'pct_client_messages_replied_2d'
),

final as (
    select
        client_messages.*,
        strftime(client_messages.sent_at, '%Y-%m') as period,
        replies.reply_sent_at,
        date_diff('second', client_messages.sent_at, replies.reply_sent_at) as seconds_to_reply,
        div_half_away(date_diff('second', client_messages.sent_at, replies.reply_sent_at), 360) as hours_tenths,
        coalesce(
            date_diff('second', client_messages.sent_at, replies.reply_sent_at) <= cohort_window.days * 86400, false
        ) as replied_2d
    from client_messages
    left join replies on replies.message_id = client_messages.message_id
    cross join cohort_window
)

select * from final
