-- int_case_month_profile_changes: one row per case and benefit month that int_case_month_profile recomputes:
-- those int_case_months recomputes, and every month in receipt of a case whose income reports, assessments
-- or MyBenefits enrolment changed.
-- materialized: view
with detail_changes as (
    select case_id, benefit_month
    from int_case_months
    where case_id in (select case_id from changed_case_details)
),

final as (
    select case_id, benefit_month from int_case_months_changes
    union
    select * from detail_changes
)

select * from final
