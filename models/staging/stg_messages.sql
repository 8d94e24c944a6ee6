-- stg_messages: one row per secure message, its latest delivered version (is_current), typed as it loaded (Toronto local clock time).
with latest as (
    select *
    from hist_messages
    where is_current
),

final as (
    select
        message_id,
        case_id,
        sent_at,
        direction,
        in_reply_to,
        delivery as delivered_in
    from latest
)

select * from final
