-- funding_fiscal_years: one row per fiscal year that gets funding rows (funding.md "Which years"): every year
-- with a month in the period range (actuals: cost sharing and outcome payments; complete when all 12 months are
-- in the range, else provisional), and every year whose previous year (its reference year) has one
-- (allocations, so one year past the data; an allocation's status is its reference year's).
-- tags: funding
with actuals as (
    select
        fiscal_year(month) as fiscal_year,
        count(*) as months_in_range,
        case when count(*) = 12 then 'complete' else 'provisional' end as status
    from int_period_months
    group by fiscal_year(month)
),

years as (
    select fiscal_year from actuals
    union
    select fiscal_year_shift(fiscal_year, 1) from actuals
),

final as (
    select
        years.fiscal_year,
        this_year.fiscal_year is not null as has_actuals,
        coalesce(this_year.months_in_range, 0) as months_in_range,
        this_year.status,
        fiscal_year_shift(years.fiscal_year, -1) as reference_year,
        reference.fiscal_year is not null as has_allocation,
        coalesce(reference.months_in_range, 0) as reference_months_in_range,
        reference.status as allocation_status
    from years
    left join actuals as this_year on this_year.fiscal_year = years.fiscal_year
    left join actuals as reference on reference.fiscal_year = fiscal_year_shift(years.fiscal_year, -1)
)

select * from final
