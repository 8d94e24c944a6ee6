-- mart_stabilization_progress: one row per measure (pct_improved; avg_score_change overall and by domain),
-- month, geography and program: cases reviewed in the month at least 90 days after their initial assessment,
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
        case when grouping(changes.service_manager) = 1 then 'ON' else changes.service_manager end as geography,
        case when grouping(changes.program) = 1 then 'ALL' else changes.program end as program_group,
        count(*) filter (where changes.improved) as improved,
        count(*) as reviewed,
        sum(changes.change) as total_change
    from changes
    join int_period_months as months on months.month = changes.period
    group by grouping sets (
        (changes.period, changes.breakdown, changes.service_manager, changes.program),
        (changes.period, changes.breakdown, changes.service_manager),
        (changes.period, changes.breakdown, changes.program),
        (changes.period, changes.breakdown)
    )
),

final as (
    select 'pct_improved' as measure_id, period, geography as service_manager, program_group as program,
        'ALL' as breakdown, improved as numerator, reviewed as denominator
    from grouped
    where breakdown = 'ALL'
    union all
    select 'avg_score_change', period, geography, program_group, breakdown, total_change, reviewed
    from grouped
)

select * from final
