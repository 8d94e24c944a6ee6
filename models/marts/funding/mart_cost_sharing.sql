-- mart_cost_sharing: one row per fiscal year, geography (manager or ON), program (OW, ODSP, ALL) and component
-- of the cost sharing of financial assistance (funding.md §1), for the manager-program-years with a payment in
-- the year. Net amounts and case-months in receipt are the measures' own (assistance_paid and caseload at
-- manager × program × month), summed over the year's months in the period range, so funding and the measures
-- cannot disagree. ALL applies the cap to the combined OW + ODSP totals; ON rows are the sums of the managers'
-- rows. Shares are rounded to cents half away from zero; the municipal share is the total minus the rounded
-- provincial one, so the two add up to the total exactly.
-- tags: funding
with paid as (
    select
        fiscal_year(period) as fiscal_year,
        service_manager,
        program,
        sum(numerator) filter (where breakdown = 'ALL') as all_net,
        coalesce(sum(numerator) filter (where breakdown = 'DISCRETIONARY'), 0) as discretionary_net
    from mart_assistance_paid
    where service_manager <> 'ON' and program <> 'ALL'
    group by all
),

case_months as (
    select fiscal_year(period) as fiscal_year, service_manager, program, sum(numerator) as case_months
    from mart_caseload
    where measure_id = 'caseload' and service_manager <> 'ON' and program <> 'ALL'
    group by all
),

per_program as (
    select
        paid.fiscal_year,
        paid.service_manager,
        paid.program,
        (paid.all_net - paid.discretionary_net)::decimal(38, 2) as assistance_total,
        paid.discretionary_net::decimal(38, 2) as discretionary_total,
        coalesce(case_months.case_months, 0) as case_months
    from paid
    left join case_months using (fiscal_year, service_manager, program)
    where paid.all_net is not null
),

with_all as (
    select * from per_program
    union all
    select fiscal_year, service_manager, 'ALL', sum(assistance_total), sum(discretionary_total), sum(case_months)
    from per_program
    group by fiscal_year, service_manager
),

managers as (
    select
        with_all.fiscal_year,
        with_all.service_manager,
        with_all.program,
        with_all.assistance_total,
        round(with_all.assistance_total * params.assistance_provincial_share, 2) as assistance_provincial,
        with_all.discretionary_total,
        (params.discretionary_cap_per_case_month::decimal(38, 2) * with_all.case_months) as discretionary_cap,
        round(
            least(
                with_all.discretionary_total,
                params.discretionary_cap_per_case_month::decimal(38, 2) * with_all.case_months
            ) * params.discretionary_provincial_share,
            2
        ) as discretionary_provincial
    from with_all
    join ref_funding_parameters as params using (fiscal_year)
),

components as (
    select
        fiscal_year,
        service_manager,
        program,
        unnest([
            'assistance_total', 'assistance_provincial', 'assistance_municipal',
            'discretionary_total', 'discretionary_cap', 'discretionary_provincial', 'discretionary_municipal'
        ]) as component,
        unnest([
            assistance_total::decimal(20, 2),
            assistance_provincial::decimal(20, 2),
            (assistance_total - assistance_provincial)::decimal(20, 2),
            discretionary_total::decimal(20, 2),
            discretionary_cap::decimal(20, 2),
            discretionary_provincial::decimal(20, 2),
            (discretionary_total - discretionary_provincial)::decimal(20, 2)
        ]) as amount
    from managers
),

with_province as (
    select * from components
    union all
    select fiscal_year, 'ON', program, component, sum(amount)::decimal(20, 2)
    from components
    group by fiscal_year, program, component
),

final as (
    select
        with_province.fiscal_year,
        with_province.service_manager,
        with_province.program,
        with_province.component,
        with_province.amount,
        years.status
    from with_province
    join funding_fiscal_years as years using (fiscal_year)
)

select * from final
