-- stg_income_reports: one row per case, benefit month and reported_on date, its latest delivered version (is_current), typed as it loaded.
with latest as (
    select *
    from hist_income_reports
    where is_current
),

final as (
    select
        case_id,
        benefit_month,
        employment_earnings,
        reported_on,
        delivery as delivered_in
    from latest
)

select * from final
