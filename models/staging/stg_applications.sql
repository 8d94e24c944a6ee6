-- stg_applications: one row per application, its latest delivered version (is_current), typed as it loaded.
with latest as (
    select *
    from hist_applications
    where is_current
),

final as (
    select
        application_id,
        person_id,
        program,
        service_manager,
        channel,
        submitted_on,
        decided_on,
        decision,
        case_id,
        delivery as delivered_in
    from latest
)

select * from final
