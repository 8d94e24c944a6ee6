-- funding_parameters_cover_years: every fiscal year with funding rows has its parameters in
-- ref_funding_parameters (seeded from data/reference/funding/ for the years of the data).
-- severity: blocking
select years.fiscal_year
from funding_fiscal_years as years
anti join ref_funding_parameters as params using (fiscal_year)
