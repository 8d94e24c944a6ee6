// The rules of extracts.md that judge a row against another one, in its file or already loaded: a reversal
// and the payment it reverses, a reply and the message it answers. They add RULE_VIOLATION to `_cand`.
import type { Warehouse } from '../warehouse.ts';

/**
 * Reversals (extracts.md, payments.reverses_payment_id): the original is already loaded or earlier in the
 * file, of the same case, benefit month and type, and the reversals of a payment never add up to more than it.
 */
export async function checkReversals(wh: Warehouse): Promise<void> {
  await wh.run(`create or replace temp table _rev_check as
    with rev as (
      select seq, payment_id, case_id, benefit_month, payment_type, amount::decimal(18,2) as amount, reverses_payment_id
      from _cand c where len(c.reasons) = 0 and not c.collapsed and try_cast(amount as decimal(18,2)) < 0
    ),
    file_orig as (
      select seq, payment_id, case_id, benefit_month, payment_type, amount::decimal(18,2) as amount
      from _cand c where len(c.reasons) = 0 and not c.collapsed and payment_id in (select reverses_payment_id from rev)
    ),
    loaded_orig as (
      select payment_id, case_id, benefit_month, payment_type, amount
      from hist_payments where is_current and payment_id in (select reverses_payment_id from rev)
    ),
    -- Reversals already loaded for these originals, except the versions this batch replaces.
    loaded_rev as (
      select reverses_payment_id, sum(amount) as reversed from (
        select payment_id, reverses_payment_id, amount
        from hist_payments where is_current and reverses_payment_id in (select reverses_payment_id from rev))
      where payment_id not in (select payment_id from _cand)
      group by reverses_payment_id
    ),
    matched as (
      select rev.*, coalesce(fo.amount, case when fo.payment_id is null then lo.amount end) as orig_amount,
        coalesce(fo.case_id, lo.case_id) as orig_case, coalesce(fo.benefit_month, lo.benefit_month) as orig_month,
        coalesce(fo.payment_type, lo.payment_type) as orig_type
      from rev
      left join file_orig fo on fo.payment_id = rev.reverses_payment_id and fo.seq < rev.seq
      left join loaded_orig lo on lo.payment_id = rev.reverses_payment_id
    ),
    judged as (
      select *, case
          when orig_amount is null then 'the reversed payment ' || reverses_payment_id || ' is not loaded or earlier in the file'
          when orig_amount <= 0 then 'the reversed payment ' || reverses_payment_id || ' is itself a reversal'
          when orig_case <> case_id or orig_month <> benefit_month or trim(orig_type) <> trim(payment_type)
            then 'the reversed payment ' || reverses_payment_id || ' is of another case, benefit month or payment type'
        end as mismatch
      from matched
    )
    -- Only reversals that match their original count towards its total, in file order.
    select seq, coalesce(mismatch, case
        when orig_amount + coalesce(lr.reversed, 0)
             + sum(amount) over (partition by reverses_payment_id, mismatch is null order by seq rows unbounded preceding) < 0
          then 'the reversals of payment ' || reverses_payment_id || ' add up to more than it' end) as problem
    from judged left join loaded_rev lr using (reverses_payment_id)`);
  await wh.run(`update _cand c set reasons = list_append(c.reasons, {'r': 'RULE_VIOLATION', 'm': r.problem})
    from _rev_check r where r.seq = c.seq and r.problem is not null`);
  await wh.run('drop table _rev_check');
}

/**
 * Replies (extracts.md, messages.in_reply_to): the original is already loaded or earlier in the file,
 * of the same case, sent strictly earlier, and of the other direction.
 */
export async function checkReplies(wh: Warehouse): Promise<void> {
  await wh.run(`create or replace temp table _reply_check as
    with rep as (
      select seq, message_id, case_id, strptime(sent_at, '%Y-%m-%dT%H:%M:%S') as sent_at, trim(direction) as direction,
        in_reply_to
      from _cand c where len(c.reasons) = 0 and not c.collapsed and in_reply_to is not null
    ),
    file_orig as (
      select seq, message_id, case_id, strptime(sent_at, '%Y-%m-%dT%H:%M:%S') as sent_at, trim(direction) as direction
      from _cand c where len(c.reasons) = 0 and not c.collapsed and message_id in (select in_reply_to from rep)
    ),
    loaded_orig as (
      select message_id, case_id, sent_at, direction from hist_messages
      where is_current and message_id in (select in_reply_to from rep)
    ),
    matched as (
      select rep.*, coalesce(fo.message_id, lo.message_id) as orig_id,
        coalesce(fo.case_id, lo.case_id) as orig_case, coalesce(fo.sent_at, lo.sent_at) as orig_sent,
        coalesce(fo.direction, lo.direction) as orig_direction
      from rep
      left join file_orig fo on fo.message_id = rep.in_reply_to and fo.seq < rep.seq
      left join loaded_orig lo on lo.message_id = rep.in_reply_to and fo.message_id is null
    )
    select seq, case
        when orig_id is null then 'the original message ' || in_reply_to || ' is not loaded or earlier in the file'
        when orig_case <> case_id then 'the original message ' || in_reply_to || ' is of another case'
        when orig_sent >= sent_at
          then 'the original message ' || in_reply_to || ' was not sent strictly earlier'
        when orig_direction = direction then 'the original message ' || in_reply_to || ' has the same direction'
      end as problem
    from matched`);
  await wh.run(`update _cand c set reasons = list_append(c.reasons, {'r': 'RULE_VIOLATION', 'm': r.problem})
    from _reply_check r where r.seq = c.seq and r.problem is not null`);
  await wh.run('drop table _reply_check');
}
