// `sa-outcomes funding --params FILE [--year FY] [--out DIR]`: runs a scenario (scenario.ts) as a recorded run
// and says, first and in the files, that the parameters are illustrative.
import { join, relative } from 'node:path';
import { ILLUSTRATIVE_NOTE, SCENARIO_CSV } from './outputs.ts';
import { runScenario, type ScenarioResult } from './scenario.ts';
import { withRun, type PipelineOptions } from '../pipeline.ts';

export const fundingSummary = (r: ScenarioResult): string => {
  const rows = r.files[`internal/${SCENARIO_CSV}`]?.rows ?? 0;
  return (
    `funding scenario ${relative(process.cwd(), r.paramsFile) || r.paramsFile} against the baseline for ` +
    `${r.year ?? 'every fiscal year'}: ${rows} rows in internal/${SCENARIO_CSV} and ` +
    `${r.files[`public/${SCENARIO_CSV}`]?.rows ?? 0} in public/${SCENARIO_CSV}` +
    (r.illustrative ? ' (illustrative parameters)' : '')
  );
};

export async function runFundingScenario(
  g: PipelineOptions,
  o: { params: string; year?: string; out: string },
  line: (s: string) => void,
): Promise<ScenarioResult> {
  return withRun(
    'funding',
    { ...g, mustExist: true },
    async (wh) => {
      const r = await runScenario(wh, { params: o.params, year: o.year, out: o.out, log: line });
      if (r.illustrative) line(ILLUSTRATIVE_NOTE);
      line(`  wrote ${join(o.out, 'internal', SCENARIO_CSV)} and ${join(o.out, 'public', SCENARIO_CSV)}`);
      return r;
    },
    fundingSummary,
  );
}
