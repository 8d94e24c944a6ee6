-- mart_allocation_inputs: one row per allocation year and service manager (all 47, with or without data): the
-- reference year's inputs to the program-delivery allocation (funding.md §2). The reference year is the
-- allocation year − 1, counted over its months in the period range; events count for the case's latest
-- manager and program (OW):
--   ow_case_months   OW caseload summed over the months (C_i = ow_case_months / reference_months)
--   exits_to_employment     OW cases closed with reason EMPLOYMENT
--   eo_referrals_connected  EMPLOYMENT_ONTARIO referrals of OW cases made in the year that have met the
--                           connection condition (int_referral_outcomes), whether their cohort is still pending or not
--   stabilization_improved  pct_improved's numerator for OW, summed over the months
--   outcome_points          O_i, with the allocation year's points per event
-- The allocation itself (terms, mitigation, rounding) is pipelines/funding/allocate.ts.
-- tags: funding
with years as (
    select fiscal_year, reference_year, reference_months_in_range, allocation_status
    from funding_fiscal_years
    where has_allocation
),

caseload as (
    select fiscal_year(period) as reference_year, service_manager, sum(numerator) as ow_case_months
    from mart_caseload
    where measure_id = 'caseload' and program = 'OW' and service_manager <> 'ON'
    group by all
),

exits as (
    select fiscal_year(closures.close_month) as reference_year, closures.service_manager, count(*) as exits
    from int_case_closures as closures
    join int_period_months as months on months.month = closures.close_month
    where closures.program = 'OW' and closures.close_reason = 'EMPLOYMENT'
    group by all
),

connected as (
    select fiscal_year(referrals.period) as reference_year, referrals.service_manager, count(*) as connected
    from int_referral_outcomes as referrals
    join int_period_months as months on months.month = referrals.period
    where referrals.program = 'OW' and referrals.referral_type = 'EMPLOYMENT_ONTARIO' and referrals.connected_30d
    group by all
),

improved as (
    select fiscal_year(reviews.period) as reference_year, reviews.service_manager, count(*) as improved
    from int_stabilization_reviews as reviews
    join int_period_months as months on months.month = reviews.period
    where reviews.program = 'OW' and reviews.improved
    group by all
),

counted as (
    select
        years.fiscal_year,
        years.reference_year,
        years.allocation_status as status,
        managers.code as service_manager,
        years.reference_months_in_range as reference_months,
        coalesce(caseload.ow_case_months, 0) as ow_case_months,
        coalesce(exits.exits, 0) as exits_to_employment,
        coalesce(connected.connected, 0) as eo_referrals_connected,
        coalesce(improved.improved, 0) as stabilization_improved
    from years
    cross join ref_service_managers as managers
    left join caseload on caseload.reference_year = years.reference_year and caseload.service_manager = managers.code
    left join exits on exits.reference_year = years.reference_year and exits.service_manager = managers.code
    left join connected
        on connected.reference_year = years.reference_year and connected.service_manager = managers.code
    left join improved
        on improved.reference_year = years.reference_year and improved.service_manager = managers.code
),

final as (
    select
        counted.*,
        (params.pdf_points_exit_to_employment::decimal(38, 12) * counted.exits_to_employment
            + params.pdf_points_eo_referral_connected::decimal(38, 12) * counted.eo_referrals_connected
            + params.pdf_points_stabilization_improved::decimal(38, 12) * counted.stabilization_improved
        )::decimal(38, 12) as outcome_points
    from counted
    join ref_funding_parameters as params using (fiscal_year)
)

select * from final
