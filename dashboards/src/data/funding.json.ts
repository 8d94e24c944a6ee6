// funding.json: the public funding.csv rows the funding page shows — the latest complete fiscal year and the
// allocation computed from it (funding.md "Output") — and the latest scenario comparison
// (funding_scenario.csv), each null until published; with the managers' names.
import { fundingYears, shownFundingRow, type FundingRow } from '../components/funding-data.ts';
import type { FundingData } from '../components/page-data.ts';
import { json, readOptionalCsv, runLoader } from '../../lib/public.ts';
import { fundingRows, scenarioRows } from '../../lib/funding.ts';
import { managerInfos } from '../../lib/slices.ts';

/**
 * The rows the funding page shows, of the years it shows: Ontario's, and for each manager its discretionary
 * benefits (both programs), allocation and outcome payments. A manager's other rows are on its own page.
 */
function fundingPageRows(rows: FundingRow[] | null): FundingRow[] | null {
  if (!rows) return null;
  const years = fundingYears(rows);
  if (!years) return [];
  return rows.filter(
    (row) =>
      shownFundingRow(years, row) &&
      (row[1] === 'ON' ||
        (row[2] === 'ALL' && row[3] === 'discretionary_total') ||
        (row[2] === 'OW' && (row[3].startsWith('pdf_') || row[3].startsWith('outcome_')))),
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
