-- stg_cases: one row per case, its latest delivered version (is_current) (extracts.md "latest delivery wins"), typed.
with latest as (
    select *
    from hist_cases
    where is_current
),

final as (
    select
        case_id,
        person_id,
        trim(program) as program,
        trim(service_manager) as service_manager,
        opened_on::date as opened_on,
        closed_on::date as closed_on,
        trim(close_reason) as close_reason,
        trim(family_structure) as family_structure,
        members::integer as members,
        birth_year::integer as birth_year,
        delivery as delivered_in
    from latest
)

select * from final
