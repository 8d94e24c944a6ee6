-- Fiscal-year macros (funding.md "Fiscal year"): Ontario's fiscal year `2024-25` runs from benefit month
-- 2024-04 to 2025-03. pipelines/funding/fiscal-year.ts holds the same rule for TypeScript.

-- The label of the fiscal year starting in April of start_year: 2024 → '2024-25'.
create or replace macro fiscal_year_label(start_year) as
    start_year::varchar || '-' || lpad(((start_year + 1) % 100)::varchar, 2, '0');

-- The fiscal year of a benefit month 'YYYY-MM'.
create or replace macro fiscal_year(month) as
    fiscal_year_label(case when month[6:7]::integer >= 4 then month[1:4]::integer else month[1:4]::integer - 1 end);

-- The fiscal year n years after (n < 0: before) a fiscal year label.
create or replace macro fiscal_year_shift(fy, n) as fiscal_year_label(fy[1:4]::integer + n);
