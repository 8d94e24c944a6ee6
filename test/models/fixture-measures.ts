// The measure tests' one setup and one check, in the manner of DuckDB's sqllogictest: a hand-made delivery,
// built once per test file, and the measures rows expected of it, worked out by hand, inline by key. The
// funding tests compare their rows by key with the same check (expectReadings).
//
//   const fixture = measuresOfFixture({ '2024-02': { 'cases.csv': …, 'payments.csv': … } });
//
//   it('counts by type', () =>
//     fixture.expectMeasures(
//       [['referrals_made', '2023-12', 'TOR', 'OW'], count(4)],
//       [['referrals_made', '2023-12', 'TOR', 'OW', 'HOUSING'], count(2)], // a breakdown value
//       [['referrals_made', '2023-12', 'TOR', 'OW', 'MENTAL_HEALTH_ADDICTIONS'], undefined], // no row
//     ));
import { beforeAll, expect } from 'vitest';
import type { Warehouse } from '../../pipelines/warehouse.ts';
import { fixtureWarehouse, measure, ratio, type Deliveries, type MeasureKey } from '../helpers.ts';

/** The expected measures row of a median: no numerator, the number of values as its denominator. */
export const median = (values: number, value: number) => ratio(null, values, value);

/**
 * Reads each key with `read` and compares all the readings with the expected ones at once, so a failure shows
 * every key that differs side by side. An expected `undefined` is a reading of nothing.
 */
export async function expectReadings<Key>(
  expected: [key: Key, reading: unknown][],
  read: (key: Key) => Promise<unknown>,
): Promise<void> {
  const actual: [Key, unknown][] = [];
  for (const [key] of expected) actual.push([key, await read(key)]);
  expect(actual).toEqual(expected);
}

export interface MeasuresOfFixture {
  /** The warehouse built from the fixture; it exists once the file's tests run. */
  readonly wh: Warehouse;
  /**
   * Compares the measures row of each key (measure, period, manager, program and breakdown, ALL if left out)
   * with the expected row (count, ratio, pending, median…); `undefined` expects no row at all.
   */
  expectMeasures(...expected: [key: MeasureKey, row: unknown][]): Promise<void>;
}

/** Ingests and builds the deliveries once, before the test file's tests, and reads its measures. */
export function measuresOfFixture(deliveries: Deliveries): MeasuresOfFixture {
  let built: Warehouse | undefined;
  beforeAll(async () => {
    built = await fixtureWarehouse(deliveries);
  });
  const fixture: MeasuresOfFixture = {
    get wh(): Warehouse {
      if (!built) throw new Error('the fixture is built before the tests run: read its warehouse in a test');
      return built;
    },
    expectMeasures: (...expected) => expectReadings(expected, (key) => measure(fixture.wh, key)),
  };
  return fixture;
}
