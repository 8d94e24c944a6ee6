-- int_case_month_profile: one row per case per benefit month in which the case is in receipt (any month: the
-- marts keep those of the period range), with what the caseload measures ask of that month: the latest income
-- report for the benefit month (greatest reported_on), the latest assessment on or before the month's end
-- (greatest assessed_on, then assessment_id), and whether the case was enrolled in MyBenefits by the month's
-- end (measures.md). Rebuilt only for the case-months whose payments, case, income reports, assessments or
-- enrolment changed.
-- materialized: incremental
-- unique_key: case_id, benefit_month
-- changes: int_case_month_profile_changes
-- restrict: int_case_months
with in_receipt as (
    select case_id, benefit_month, program, service_manager,
        last_day((benefit_month || '-01')::date) as month_end
    from int_case_months
),

latest_income as (
    select case_id, benefit_month, arg_max(employment_earnings, reported_on) as employment_earnings
    from stg_income_reports
    group by case_id, benefit_month
),

-- the latest assessment of each day (greatest assessment_id), so the as-of join below needs only the date
assessment_of_day as (
    select
        case_id,
        assessed_on,
        arg_max(action_plan, assessment_id) as action_plan,
        arg_max(employment_ready, assessment_id) as employment_ready
    from stg_stabilization_assessments
    group by case_id, assessed_on
),

with_assessment as (
    select in_receipt.*, assessment.assessed_on as latest_assessed_on, assessment.action_plan,
        assessment.employment_ready
    from in_receipt
    asof left join assessment_of_day as assessment
        on in_receipt.case_id = assessment.case_id and in_receipt.month_end >= assessment.assessed_on
),

final as (
    select
        with_assessment.case_id,
        with_assessment.benefit_month,
        with_assessment.program,
        with_assessment.service_manager,
        latest_income.employment_earnings,
        coalesce(latest_income.employment_earnings > 0, false) as has_earnings,
        with_assessment.latest_assessed_on is not null as has_assessment,
        coalesce(with_assessment.action_plan, false) as action_plan,
        coalesce(with_assessment.employment_ready, false) as employment_ready,
        coalesce(mybenefits.enrolled_on <= with_assessment.month_end, false) as mybenefits_enrolled
    from with_assessment
    left join latest_income using (case_id, benefit_month)
    left join stg_mybenefits as mybenefits using (case_id)
)

select * from final
