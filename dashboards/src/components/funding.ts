// The sections of the funding page (src/[lang]/funding.md), one function each: cost sharing of assistance
// and outcome payments of the latest complete fiscal year, the program delivery funding allocation computed
// from it with its components and mitigation (the latest scenario is in funding-scenario.ts). The words are
// in strings/funding.ts; the rows and how they are shown in funding-rows.ts.
import { barChart, stackedBarChart } from './bar-charts.js';
import type { ManagerInfo } from './data.js';
import type { FundingRow } from './funding-data.js';
import { el } from './dom.js';
import { figure } from './figure.js';
import {
  allocationColumns,
  allocationCsvColumns,
  allocationStack,
  amountOf,
  componentName,
  componentTable,
  COST_SHARING,
  dollarAxis,
  formatAmount,
  MILESTONES,
  noFundingNote,
  type FundingIndex,
  type PublishedFunding,
} from './funding-rows.js';
import { formatFiscalYear, formatMoney, formatPercent, pick, type Lang } from './i18n.js';
import { FUNDING_TEXT } from './strings/funding.js';
import { managerColumn } from './table.js';

export type Options = { lang: Lang };

/** A section heading's year: ", 2023-24 fiscal year", or nothing when no year is shown. */
export const headingYear = (
  funding: PublishedFunding,
  which: 'complete' | 'allocation',
  lang: Lang,
): string => (funding.idx ? `, ${formatFiscalYear(funding.years[which], lang)}` : '');

/** Ontario's cost sharing as a table, and the discretionary benefits of every manager. */
export function costSharing(funding: PublishedFunding, managers: readonly ManagerInfo[], { lang }: Options) {
  if (!funding.idx) return noFundingNote(funding.why);
  const fy = funding.years.complete;
  const t = FUNDING_TEXT[lang];
  return el(
    'div',
    {},
    componentTable(
      funding.idx,
      fy,
      'ON',
      COST_SHARING,
      ['OW', 'ODSP', 'ALL'],
      `${t.costSharing}, Ontario, ${formatFiscalYear(fy, lang)}`,
      lang,
    ),
    componentBars(funding.idx, fy, 'ALL', 'discretionary_total', managers, t.discretionaryMessage, lang),
  );
}

export function outcomePayments(
  funding: PublishedFunding,
  managers: readonly ManagerInfo[],
  { lang }: Options,
) {
  if (!funding.idx) return noFundingNote(funding.why);
  const message = FUNDING_TEXT[lang].outcomePaymentsMessage;
  return componentBars(
    funding.idx,
    funding.years.complete,
    'OW',
    'outcome_payments',
    managers,
    message,
    lang,
  );
}

/** The allocation of one year to every manager: its parts stacked, with mitigation. */
export function allocation(funding: PublishedFunding, managers: readonly ManagerInfo[], { lang }: Options) {
  if (!funding.idx) return noFundingNote(funding.why);
  const idx = funding.idx;
  const fy = funding.years.allocation;
  const t = FUNDING_TEXT[lang];
  const of = ({ m }: { m: ManagerInfo }, c: string) => idx.get(fy, m.code, 'OW', c);
  const rows = managers
    .map((m) => ({ m, total: amountOf(of({ m }, 'pdf_allocation')) }))
    .sort((a, b) => (b.total ?? -1) - (a.total ?? -1));
  const province = amountOf(idx.get(fy, 'ON', 'OW', 'pdf_allocation'));
  const top = rows[0];
  const envelope = province === null ? '—' : formatMoney(province, lang);
  const message =
    top && province
      ? t.allocationMessage(
          pick(top.m.name, lang),
          formatPercent((100 * (top.total ?? 0)) / province, lang),
          envelope,
        )
      : t.allocation;
  const subtitle = t.allocationSubtitle(formatFiscalYear(fy, lang));
  const mitigated = rows.filter((r) => (amountOf(of(r, 'pdf_mitigation')) ?? 0) !== 0).length;
  const description = t.allocationDescription(envelope, mitigated);
  return figure(rows, {
    chart: stackedBarChart,
    plot: (rows) => allocationStack(rows, ({ m }) => pick(m.name, lang), of, lang),
    message,
    subtitle,
    description,
    columns: [managerColumn(lang, ({ m }) => m), ...allocationColumns(of, lang)],
    csv: {
      filename: `sa-outcomes-allocation-${fy}.csv`,
      columns: {
        service_manager: ({ m }) => m.code,
        fiscal_year: () => fy,
        ...allocationCsvColumns(of),
      },
    },
    lang,
  });
}

/** One component of one year across managers, as bars (suppressed amounts written out). */
function componentBars(
  idx: FundingIndex,
  fy: string,
  program: string,
  component: string,
  managers: readonly ManagerInfo[],
  message: string,
  lang: Lang,
) {
  const t = FUNDING_TEXT[lang];
  const rows = managers
    .map((m) => ({ m, row: idx.get(fy, m.code, program, component) }))
    .sort((a, b) => (amountOf(b.row) ?? -1) - (amountOf(a.row) ?? -1));
  const subtitle = t.byManager(componentName(component, lang), formatFiscalYear(fy, lang));
  const suppressed = rows.filter(({ row }) => row?.[5] === 'suppressed').length;
  const description = t.ontarioAmount(formatAmount(idx.get(fy, 'ON', program, component), lang), suppressed);
  type Row = { m: ManagerInfo; row: FundingRow | undefined };
  return figure(rows, {
    chart: barChart,
    plot: (rows) => ({
      bars: rows.map(({ m, row }) => ({
        label: pick(m.name, lang),
        value: amountOf(row),
        shown: formatAmount(row, lang),
      })),
      ...dollarAxis(t.dollars),
    }),
    message,
    subtitle,
    description,
    columns: [
      managerColumn(lang, ({ m }: Row) => m),
      {
        label: componentName(component, lang),
        numeric: true,
        text: ({ row }) => formatAmount(row, lang),
        status: ({ row }) => (row?.[5] === 'suppressed' ? 'suppressed' : row ? 'ok' : null),
      },
      ...(component === 'outcome_payments'
        ? MILESTONES.map((c) => ({
            label: componentName(c, lang),
            numeric: true,
            text: ({ m }: Row) => formatAmount(idx.get(fy, m.code, program, c), lang),
          }))
        : []),
    ],
    csv: {
      filename: `sa-outcomes-${component}-${fy}.csv`,
      columns: {
        service_manager: ({ m }) => m.code,
        fiscal_year: () => fy,
        component: () => component,
        amount: ({ row }) => amountOf(row),
        status: ({ row }) => row?.[5] ?? 'no_data',
      },
    },
    lang,
  });
}
