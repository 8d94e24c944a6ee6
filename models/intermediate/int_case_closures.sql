-- int_case_closures: one row per closed case (latest version): its closure, and how many days after it the
-- same person's next other case opened, of the same program (re-entry, measures.md) and of any program
-- (outcome-payment milestones, funding.md). Re-openings are looked for in every geography.
with closed as (
    select
        case_id,
        person_id,
        program,
        service_manager,
        opened_on,
        closed_on,
        strftime(closed_on, '%Y-%m') as close_month,
        close_reason
    from stg_cases
    where closed_on is not null
),

later_openings as (
    select
        closed.case_id,
        min(other.opened_on - closed.closed_on) filter (where other.program = closed.program)
            as days_to_reentry_same_program,
        min(other.opened_on - closed.closed_on) as days_to_next_case
    from closed
    join stg_cases as other
        on other.person_id = closed.person_id
        and other.case_id <> closed.case_id
        and other.opened_on > closed.closed_on
    group by closed.case_id
),

final as (
    select
        closed.*,
        closed.closed_on - closed.opened_on as days_open,
        later_openings.days_to_reentry_same_program,
        later_openings.days_to_next_case
    from closed
    left join later_openings using (case_id)
)

select * from final
