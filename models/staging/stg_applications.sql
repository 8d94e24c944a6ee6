-- stg_applications: one row per application, its latest delivered version, typed.
with latest as (
    select *
    from hist_applications
    qualify row_number() over (partition by application_id order by delivery desc) = 1
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
