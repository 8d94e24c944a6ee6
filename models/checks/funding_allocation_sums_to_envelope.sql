-- funding_allocation_sums_to_envelope: every allocation year has a pdf_allocation row for each of the 47
-- service managers, and their cents add up to the envelope exactly, as does the ON row (funding.md §2).
-- severity: blocking
with managers as (
    select fiscal_year, count(*) as managers, sum(amount) as allocated
    from funding
    where component = 'pdf_allocation' and service_manager <> 'ON'
    group by fiscal_year
),

province as (
    select fiscal_year, amount as province
    from funding
    where component = 'pdf_allocation' and service_manager = 'ON'
)

select years.fiscal_year, params.pdf_envelope, managers.managers, managers.allocated, province.province
from funding_fiscal_years as years
join ref_funding_parameters as params using (fiscal_year)
left join managers using (fiscal_year)
left join province using (fiscal_year)
where years.has_allocation
  and (managers.managers is distinct from (select count(*) from ref_service_managers)
       or managers.allocated is distinct from params.pdf_envelope
       or province.province is distinct from params.pdf_envelope)
