-- int_case_month_profile_changes: one row per case and benefit month that int_case_month_profile recomputes:
-- those whose payments or case changed (int_case_month_nets_changes), and the months in receipt of a case
-- that a change of its income reports, assessments or MyBenefits enrolment bears on (changed_case_details:
-- from, through; null: unbounded).
-- materialized: view
with detail_changes as (
    select months.case_id, months.benefit_month
    from int_case_months as months
    join changed_case_details as changed on changed.case_id = months.case_id
    where months.benefit_month >= coalesce(changed.from_month, months.benefit_month)
        and months.benefit_month <= coalesce(changed.through_month, months.benefit_month)
),

final as (
    select case_id, benefit_month from int_case_month_nets_changes
    union
    select * from detail_changes
)

select * from final
