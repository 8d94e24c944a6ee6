// funding.json: the public funding.csv and the latest scenario comparison (funding_scenario.csv), each
// null until published (funding.md); with the managers' names.
import type { FundingData } from '../components/data.ts';
import { json, readOptionalCsv, runLoader } from '../../lib/public.ts';
import { fundingRows, scenarioRows } from '../../lib/funding.ts';
import { managerInfos } from '../../lib/slices.ts';

runLoader('funding.json', () => {
  const data: FundingData = {
    managers: managerInfos(),
    rows: fundingRows(readOptionalCsv('funding.csv')),
    scenario: scenarioRows(readOptionalCsv('funding_scenario.csv')),
  };
  return json(data);
});
