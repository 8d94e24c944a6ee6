// funding.json: the public funding.csv rows the funding page shows and the latest scenario comparison
// (funding_scenario.csv), each null until published (funding.md); with the managers' names.
import type { FundingData, FundingRow } from '../components/data.ts';
import { json, readOptionalCsv, runLoader } from '../../lib/public.ts';
import { fundingRows, scenarioRows } from '../../lib/funding.ts';
import { managerInfos } from '../../lib/slices.ts';

/**
 * The rows the funding page shows: Ontario's, and for each manager its discretionary benefits (both
 * programs), allocation and outcome payments. A manager's other rows are on its own page.
 */
function fundingPageRows(rows: FundingRow[] | null): FundingRow[] | null {
  return (
    rows &&
    rows.filter(
      ([, geo, program, component]) =>
        geo === 'ON' ||
        (program === 'ALL' && component === 'discretionary_total') ||
        (program === 'OW' && (component.startsWith('pdf_') || component.startsWith('outcome_'))),
    )
  );
}

runLoader('funding.json', () => {
  const data: FundingData = {
    managers: managerInfos(),
    rows: fundingPageRows(fundingRows(readOptionalCsv('funding.csv'))),
    scenario: scenarioRows(readOptionalCsv('funding_scenario.csv')),
  };
  return json(data);
});
