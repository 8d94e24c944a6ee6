-- stg_stabilization_assessments: one row per assessment, its latest delivered version (is_current), typed.
with latest as (
    select *
    from hist_stabilization_assessments
    where is_current
),

final as (
    select
        assessment_id,
        case_id,
        assessed_on::date as assessed_on,
        trim(kind) as kind,
        housing::integer as housing,
        food_security::integer as food_security,
        health::integer as health,
        mental_health_addictions::integer as mental_health_addictions,
        social_support::integer as social_support,
        employment_readiness::integer as employment_readiness,
        action_plan = 'Y' as action_plan,
        employment_ready = 'Y' as employment_ready,
        delivery as delivered_in
    from latest
)

select * from final
