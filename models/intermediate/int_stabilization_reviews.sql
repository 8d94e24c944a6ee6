-- int_stabilization_reviews: one row per case per month in which the case has a REVIEW assessment at least
-- 90 days after its initial one: the latest such review of the month (greatest assessed_on, then
-- assessment_id) compared with the initial (measures.md pct_improved, avg_score_change).
with qualifying as (
    select
        review.case_id,
        strftime(review.assessed_on, '%Y-%m') as period,
        review.assessment_id,
        review.assessed_on,
        review.housing - initial.housing as housing_change,
        review.food_security - initial.food_security as food_security_change,
        review.health - initial.health as health_change,
        review.mental_health_addictions - initial.mental_health_addictions as mental_health_addictions_change,
        review.social_support - initial.social_support as social_support_change,
        review.employment_readiness - initial.employment_readiness as employment_readiness_change,
        review.housing + review.food_security + review.health + review.mental_health_addictions
            + review.social_support + review.employment_readiness as review_total,
        initial.total as initial_total
    from stg_stabilization_assessments as review
    join int_initial_assessments as initial using (case_id)
    where review.kind = 'REVIEW'
      and review.assessed_on - initial.assessed_on >= 90
),

latest_in_month as (
    select
        *,
        row_number() over (
            partition by case_id, period order by assessed_on desc, assessment_id desc
        ) as rank_in_month
    from qualifying
),

final as (
    select
        reviews.case_id,
        cases.program,
        cases.service_manager,
        reviews.period,
        reviews.assessment_id,
        reviews.initial_total,
        reviews.review_total,
        reviews.review_total - reviews.initial_total as score_change,
        reviews.review_total > reviews.initial_total as improved,
        reviews.housing_change,
        reviews.food_security_change,
        reviews.health_change,
        reviews.mental_health_addictions_change,
        reviews.social_support_change,
        reviews.employment_readiness_change
    from latest_in_month as reviews
    join stg_cases as cases using (case_id)
    where reviews.rank_in_month = 1
)

select * from final
