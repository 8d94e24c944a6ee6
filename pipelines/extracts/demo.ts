// Demo extract generator: realistic synthetic SAMS deliveries that follow the extract contract
// (shared/spec/extracts.md) for all 47 service managers, one folder per reporting month.
//
// How it works. A population of open OW and ODSP cases is simulated month by month. It starts at a
// steady state (each case's age drawn from its exit hazard), and every month:
//   1. rows scheduled earlier for this month are written first (late corrections, status updates,
//      late replies, restated cases): they only refer to rows of earlier deliveries;
//   2. applications due for a decision are decided and new ones submitted; grants open cases;
//   3. every open case is walked once: it may close, move, start or stop earning; it is written to
//      `cases` and paid (BASIC_NEEDS + SHELTER), and may report income, be assessed, be referred,
//      be selected for an eligibility review, use MyBenefits and exchange messages.
// Only the open population (plus people due to re-apply) is kept in memory; rows stream to disk.
// Everything random comes from one seeded PRNG, so the same options give the same bytes; noise
// (deliberately bad rows) has its own PRNG so that it only touches the rows it corrupts.
//
// The parts, in pipelines/extracts/demo/: options (defaults and checks), parameters (levels, hazards,
// rates), random (the PRNG), calendar (days and months), population (people, cases, applications),
// world (the monthly step), writers (CSV files per table and month), noise (bad rows) and funding-parameters
// (the demo's own funding/default.json, its envelope scaled to the demo's size).
import { serviceManagers } from '../reference.ts';
import { writeDemoParameters } from './demo/funding-parameters.ts';
import { normalizeOptions, type DemoOptions, type DemoSummary } from './demo/options.ts';
import { DemoWorld } from './demo/world.ts';

export type { DemoOptions, DemoSummary };

export async function generateDemo(opts: DemoOptions): Promise<DemoSummary> {
  const options = normalizeOptions(opts);
  const summary = await new DemoWorld(options, serviceManagers()).run();
  writeDemoParameters(options.out, options.scale);
  return summary;
}
