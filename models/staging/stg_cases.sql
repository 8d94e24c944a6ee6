-- stg_cases: one row per case, its latest delivered version (is_current) (extracts.md "latest delivery wins"), typed as it loaded.
with latest as (
    select *
    from hist_cases
    where is_current
),

final as (
    select
        case_id,
        person_id,
        program,
        service_manager,
        opened_on,
        closed_on,
        close_reason,
        family_structure,
        members,
        birth_year,
        delivery as delivered_in
    from latest
)

select * from final
