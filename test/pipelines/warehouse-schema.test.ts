// The warehouse's own tables across versions: a warehouse that kept the history as text is typed once, and a
// DuckDB that hashes rows otherwise than the one that made the warehouse is refused.
import { describe, expect, it } from 'vitest';
import {
  CASES_HEADER,
  PAYMENTS_HEADER,
  csv,
  deliveryFolder,
  ingestDir,
  memoryWarehouse,
} from '../helpers.ts';
import { TABLE_NAMES, columnNames } from '../../pipelines/extracts/contract.ts';
import { ensureSchema } from '../../pipelines/warehouse-schema.ts';
import type { Warehouse } from '../../pipelines/warehouse.ts';

/** Turns a new warehouse back into one from before typed history: every extract column text, no hashes. */
async function asTextHistory(wh: Warehouse): Promise<void> {
  for (const t of TABLE_NAMES) {
    const cols = columnNames(t).map((c) => `${c} varchar`);
    await wh.run(`drop table hist_${t}; drop table changes_${t};
      create table hist_${t} (${cols.join(', ')}, delivery varchar not null, file_id integer not null, line bigint not null, is_current boolean not null);
      create table changes_${t} (${cols.join(', ')}, changed_columns varchar[])`);
  }
  await wh.run(`alter table quarantine drop column row_hash; drop table row_hash_probe`);
}

describe('a warehouse whose history is text', () => {
  it('is typed once, keeping what collapses: re-delivered text that is the same collapses, held rows too', async () => {
    const wh = await memoryWarehouse();
    await asTextHistory(wh);
    // 2024-01 as the text history held it (file ids 101 and 102, apart from those new files are given): C1 delivered with " TOR", its payment PA1 as "733", and PA2 of
    // the case C9 (not yet known) held as UNKNOWN_CASE with its fields as delivered ("390").
    await wh.run(`insert into hist_cases values
      ('C1', 'P1', 'OW', ' TOR', '2023-06-01', null, null, 'SINGLE', '1', '1980', '2024-01', 101, 2, true)`);
    await wh.run(`insert into hist_payments values
      ('PA1', 'C1', '2024-01', '2024-01-01', 'SHELTER', '733', null, '2024-01', 102, 2, true)`);
    await wh.run(`insert into quarantine values (102, '2024-01', 'payments', 3, 'UNKNOWN_CASE',
      'UNKNOWN_CASE: case C9 is not (yet) known', true, timestamp '2024-02-01 00:00:00', null,
      'PA2,C9,2024-01,2024-01-01,SHELTER,390,', ['PA2', 'C9', '2024-01', '2024-01-01', 'SHELTER', '390', null])`);
    await wh.run(`insert into model_state values ('stg_cases', 'abc', timestamp '2024-02-01 00:00:00')`);

    await ensureSchema(wh);
    expect(
      await wh.all(
        `select service_manager, opened_on::varchar as opened_on, members, delivery, is_current from hist_cases`,
      ),
    ).toEqual([
      { service_manager: 'TOR', opened_on: '2023-06-01', members: 1, delivery: '2024-01', is_current: true },
    ]);
    expect(await wh.value(`select amount::varchar from hist_payments`)).toBe('733.00');
    // The text typing would not give back is kept (" TOR", 733), and the typed tables keep their NOT NULLs.
    expect(await wh.value(`select delivered_fields[4] from hist_cases`)).toBe(' TOR');
    expect(await wh.value(`select delivered_fields[6] from hist_payments`)).toBe('733');
    expect(
      await wh.value(
        `select is_nullable from information_schema.columns where table_name = 'hist_payments' and column_name = 'row_hash'`,
      ),
    ).toBe('NO');
    // Every model is built whole once, from the typed history.
    expect(await wh.value(`select count(*) from model_state`)).toBe(0);

    // 2024-02 delivers C1, PA1 and PA2 again as they were written, and C9. C1 and PA1 collapse onto the
    // versions typed from text; C9 and PA2 load; then the held PA2 of 2024-01 is retried and collapses onto
    // 2024-02's, so nothing stays held.
    const root = deliveryFolder({
      '2024-02': {
        'cases.csv': csv(`${CASES_HEADER}
          C1,P1,OW, TOR,2023-06-01,,,SINGLE,1,1980
          C9,P9,OW,TOR,2023-06-01,,,SINGLE,1,1980`),
        'payments.csv': csv(`${PAYMENTS_HEADER}
          PA1,C1,2024-01,2024-01-01,SHELTER,733,
          PA2,C9,2024-01,2024-01-01,SHELTER,390,`),
      },
    });
    await ingestDir(wh, root);
    expect(
      await wh.all(
        `select table_name, loaded::integer as loaded, collapsed::integer as collapsed from manifest order by table_name`,
      ),
    ).toEqual([
      { table_name: 'cases', loaded: 1, collapsed: 1 },
      { table_name: 'payments', loaded: 1, collapsed: 1 },
    ]);
    expect(await wh.value(`select count(*) from quarantine`)).toBe(0);
    expect(
      await wh.all(`select payment_id, delivery from hist_payments order by payment_id, delivery`),
    ).toEqual([
      { payment_id: 'PA1', delivery: '2024-01' },
      { payment_id: 'PA2', delivery: '2024-02' },
    ]);
    await wh.close();
  });
});

describe('the row hash', () => {
  it('is refused when this DuckDB hashes the fixed row otherwise than the one that made the warehouse', async () => {
    const wh = await memoryWarehouse();
    // As if the warehouse had been made by a DuckDB whose hash gave another value.
    await wh.run(`update row_hash_probe set hashed = hashed + 1`);
    await expect(ensureSchema(wh)).rejects.toThrow(
      /hashes rows otherwise than the one that made the warehouse.*Load the extracts again into a new warehouse/,
    );
    await wh.close();
  });
});
