-- stg_applications: one row per application, its latest delivered version (is_current), typed.
with latest as (
    select *
    from hist_applications
    where is_current
),

final as (
    select
        application_id,
        person_id,
        trim(program) as program,
        trim(service_manager) as service_manager,
        trim(channel) as channel,
        submitted_on::date as submitted_on,
        decided_on::date as decided_on,
        trim(decision) as decision,
        case_id,
        delivery as delivered_in
    from latest
)

select * from final
