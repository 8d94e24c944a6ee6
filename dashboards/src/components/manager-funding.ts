// The funding part of a manager's page (src/[lang]/managers/[code].md): its cost sharing and outcome
// payments of the latest complete fiscal year, the allocation computed from it, and its allocations over
// the years (all from complete years). The words are in strings/funding.ts.
import { stackedBarChart } from './bar-charts.js';
import type { ManagerInfo } from './data.js';
import type { FundingRow } from './funding-data.js';
import { figure } from './figure.js';
import {
  ALLOCATION,
  allocationColumns,
  allocationCsvColumns,
  allocationStack,
  componentTable,
  COST_SHARING,
  formatAmount,
  illustrativeNote,
  MILESTONES,
  noFundingNote,
  publishedFunding,
  shownYearsNote,
} from './funding-rows.js';
import { formatFiscalYear, pick, type Lang } from './i18n.js';
import { FUNDING_TEXT } from './strings/funding.js';

export function managerFunding(
  rows: readonly FundingRow[] | null,
  manager: ManagerInfo,
  lang: Lang,
): HTMLElement[] {
  const funding = publishedFunding(rows, lang);
  if (!funding.idx) return [illustrativeNote(lang), noFundingNote(funding.why)];
  const { idx, years } = funding;
  const t = FUNDING_TEXT[lang];
  const label = (fy: string) => formatFiscalYear(fy, lang);
  const amount = (fy: string, c: string) => idx.get(fy, manager.code, 'OW', c);
  const allocationYears = idx.yearsWith('pdf_allocation');
  const subtitle = t.managerAllocationSubtitle;
  const description = allocationYears
    .map((fy) => `${label(fy)}: ${formatAmount(amount(fy, 'pdf_allocation'), lang)}`)
    .join('; ');
  const out: HTMLElement[] = [
    illustrativeNote(lang),
    shownYearsNote(years, lang),
    componentTable(
      idx,
      years.complete,
      manager.code,
      [...COST_SHARING, 'outcome_payments', ...MILESTONES],
      ['OW', 'ODSP', 'ALL'],
      `${pick(manager.name, lang)}, ${label(years.complete)}`,
      lang,
    ),
    componentTable(
      idx,
      years.allocation,
      manager.code,
      ALLOCATION,
      ['OW'],
      `${pick(manager.name, lang)}, ${t.allocation}, ${label(years.allocation)}`,
      lang,
    ),
  ];
  if (allocationYears.length === 0) return out;
  const chart = figure(allocationYears, {
    chart: stackedBarChart,
    plot: (allocationYears) => allocationStack(allocationYears, label, amount, lang),
    message: t.managerAllocationMessage(pick(manager.name, lang)),
    subtitle,
    description,
    columns: [{ label: t.year, text: label, rowHeader: true }, ...allocationColumns(amount, lang)],
    csv: {
      filename: `sa-outcomes-${manager.code}-allocation.csv`,
      columns: {
        fiscal_year: (fy) => fy,
        ...allocationCsvColumns(amount),
      },
    },
    lang,
  });
  return [...out, chart];
}
