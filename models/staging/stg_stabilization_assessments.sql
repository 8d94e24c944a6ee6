-- stg_stabilization_assessments: one row per assessment, its latest delivered version (is_current), typed as it loaded.
with latest as (
    select *
    from hist_stabilization_assessments
    where is_current
),

final as (
    select
        assessment_id,
        case_id,
        assessed_on,
        kind,
        housing,
        food_security,
        health,
        mental_health_addictions,
        social_support,
        employment_readiness,
        action_plan,
        employment_ready,
        delivery as delivered_in
    from latest
)

select * from final
