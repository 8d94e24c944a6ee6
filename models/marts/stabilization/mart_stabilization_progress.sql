-- mart_stabilization_progress: one row per measure (pct_improved; avg_score_change overall and by domain),
-- month, service manager and program: cases reviewed in the month at least 90 days after their initial assessment,
-- their latest such review against the initial (measures.md "Life stabilization").
with changes as (
    select period, service_manager, program, improved, 'ALL' as breakdown, score_change as change
    from int_stabilization_reviews
    union all
    select period, service_manager, program, improved, unnest([
        'housing', 'food_security', 'health', 'mental_health_addictions', 'social_support', 'employment_readiness'
    ]), unnest([
        housing_change, food_security_change, health_change, mental_health_addictions_change,
        social_support_change, employment_readiness_change
    ])
    from int_stabilization_reviews
),

grouped as (
    select
        changes.period,
        changes.breakdown,
        changes.service_manager,
        changes.program,
        count(*) filter (where changes.improved) as improved,
        count(*) as reviewed,
        sum(changes.change) as total_change
    from changes
    join int_period_months as months on months.month = changes.period
    group by changes.period, changes.breakdown, changes.service_manager, changes.program
),

final as (
    select 'pct_improved' as measure_id, period, service_manager, program, 'ALL' as breakdown,
        improved as numerator, reviewed as denominator
    from grouped
    where breakdown = 'ALL'
    union all
    select 'avg_score_change', period, service_manager, program, breakdown, total_change, reviewed
    from grouped
)

select * from final
