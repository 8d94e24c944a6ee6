-- int_initial_assessments: one row per case with an INITIAL assessment: its initial assessment, the earliest
-- INITIAL one (least assessed_on, then least assessment_id; measures.md "Life stabilization"), with its total.
with ranked as (
    select
        *,
        row_number() over (partition by case_id order by assessed_on, assessment_id) as rank_in_case
    from stg_stabilization_assessments
    where kind = 'INITIAL'
),

final as (
    select
        case_id,
        assessment_id,
        assessed_on,
        housing,
        food_security,
        health,
        mental_health_addictions,
        social_support,
        employment_readiness,
        housing + food_security + health + mental_health_addictions + social_support + employment_readiness
            as total
    from ranked
    where rank_in_case = 1
)

select * from final
