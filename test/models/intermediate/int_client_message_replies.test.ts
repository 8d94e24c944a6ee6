// int_client_message_replies: each CLIENT message with its case's program and manager and its earliest
// CASEWORKER reply (measures.md "Digital delivery"): seconds and tenths of hours to it, and whether it came
// within 48 hours.
import { describe, expect, it } from 'vitest';
import { cohortWindow, oneCase } from '../given-tables.ts';
import { runModel, table, type Rows } from '../run-model.ts';

const repliesTo = (messages: Rows) =>
  runModel('int_client_message_replies', {
    measure_registry: cohortWindow('pct_client_messages_replied_2d', 2),
    stg_messages: messages,
    stg_cases: oneCase('C1', 'OW', 'TOR'),
  });

describe('int_client_message_replies', () => {
  it('takes the earliest reply; the period is the month the client wrote; tenths round half away from 0', async () => {
    // M1 written 2024-01-31 23:58:00. M2 replies 3 minutes later, in February: 180 s, 180 / 360 = 0.5
    // tenths of an hour, rounded to 1. M4, a later reply, does not count. M3, never answered, has no reply
    // and is not replied within 2 days. Caseworker messages have no row.
    const rows = await repliesTo(table`
      message_id | case_id | sent_at             | direction  | in_reply_to
      M1         | C1      | 2024-01-31 23:58:00 | CLIENT     | null
      M2         | C1      | 2024-02-01 00:01:00 | CASEWORKER | M1
      M3         | C1      | 2024-02-01 00:00:59 | CLIENT     | null
      M4         | C1      | 2024-02-02 10:00:00 | CASEWORKER | M1`);
    expect(rows).toEqual(table`
      message_id | case_id | sent_at             | program | service_manager | period  | reply_sent_at       | seconds_to_reply | hours_tenths | replied_2d
      M1         | C1      | 2024-01-31 23:58:00 | OW      | TOR             | 2024-01 | 2024-02-01 00:01:00 | 180              | 1            | true
      M3         | C1      | 2024-02-01 00:00:59 | OW      | TOR             | 2024-02 | null                | null             | null         | false`);
  });

  it('is replied within 2 days up to 48 hours exactly', async () => {
    // M1 answered 48 h later to the second (172,800 s = 480 tenths): within. M3 answered one second later
    // (172,801 s; 480.003 tenths → 480): not within.
    const rows = await repliesTo(table`
      message_id | case_id | sent_at             | direction  | in_reply_to
      M1         | C1      | 2024-03-01 09:00:00 | CLIENT     | null
      M2         | C1      | 2024-03-03 09:00:00 | CASEWORKER | M1
      M3         | C1      | 2024-03-01 09:00:00 | CLIENT     | null
      M4         | C1      | 2024-03-03 09:00:01 | CASEWORKER | M3`);
    expect(rows).toMatchObject(table`
      message_id | seconds_to_reply | hours_tenths | replied_2d
      M1         | 172800           | 480          | true
      M3         | 172801           | 480          | false`);
  });
});
