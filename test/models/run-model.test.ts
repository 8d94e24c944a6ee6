// The one-model test harness (run-model.ts): inputs typed like the real tables, every input required.
import { describe, expect, it } from 'vitest';
import { runModel, table } from './run-model.ts';

describe('runModel', () => {
  it('types a given table like the real one: amounts are DECIMAL(18, 2), so 0.10 + 0.20 is 0.30', async () => {
    // As doubles the sum would be 0.30000000000000004.
    const rows = await runModel('int_case_month_nets', {
      stg_cases: table`
        case_id | program
        C1      | OW`,
      stg_payments: table`
        case_id | benefit_month | payment_type | amount
        C1      | 2024-01       | OTHER        | 0.10
        C1      | 2024-01       | OTHER        | 0.20`,
    });
    expect(rows).toMatchObject(table`
      case_id | other | total
      C1      | 0.30  | 0.30`);
  });

  it('names a table the model reads that the test does not give', async () => {
    await expect(runModel('int_case_month_nets', { stg_payments: [] })).rejects.toThrow(
      'int_case_month_nets reads stg_cases: give rows for each ([] for none)',
    );
  });

  it('names a given table the model does not read, and a column the real table does not have', async () => {
    await expect(runModel('int_case_months', { int_case_month_nets: [], stg_cases: [] })).rejects.toThrow(
      'int_case_months does not read stg_cases (it reads int_case_month_nets)',
    );
    await expect(
      runModel('int_case_months', {
        int_case_month_nets: table`
          case_id | net
          C1      | 1.00`,
      }),
    ).rejects.toThrow('given int_case_month_nets has a column net that int_case_month_nets does not have');
  });

  it('names the given row whose value does not fit its column', async () => {
    await expect(
      runModel('int_case_months', {
        int_case_month_nets: table`
          case_id | basic_needs
          C1      | lots`,
      }),
    ).rejects.toThrow(/given int_case_month_nets row \{"case_id":"C1","basic_needs":"lots"\}: .*lots/);
  });
});
