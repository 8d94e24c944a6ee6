// The public funding rows as the funding page and the managers' pages read them: looked up by year,
// geography, program and component, their amounts as shown, and the notes that say what is shown.
// The public funding holds complete years only: a year still under way would change every month, and two
// releases subtracted would give a month's figures away. Funding is published unrounded (it describes
// institutions), except the milestone counts and outcome payments, which can be suppressed.
import { fundingYears, type FundingRow, type FundingYears } from './funding-data.js';
import { el, paragraph } from './dom.js';
import {
  formatFiscalYear,
  formatMoney,
  formatMonth,
  formatNumber,
  pick,
  programName,
  STATUS_WORDS,
  type Lang,
} from './i18n.js';
import { siteHref, sitePath } from './site.js';
import { FUNDING_TEXT } from './strings/funding.js';
import type { CsvColumns } from './csv.js';
import { tableView, type Column } from './table.js';

/** Funding rows looked up by fiscal year, geography, program and component. */
export class FundingIndex {
  private readonly byKey = new Map<string, FundingRow>();
  readonly years: string[];

  constructor(rows: readonly FundingRow[]) {
    for (const r of rows) this.byKey.set(`${r[0]}|${r[1]}|${r[2]}|${r[3]}`, r);
    this.years = [...new Set(rows.map((r) => r[0]))].sort();
  }

  get(fy: string, geo: string, program: string, component: string): FundingRow | undefined {
    return this.byKey.get(`${fy}|${geo}|${program}|${component}`);
  }

  /** Years that have a row of this component. */
  yearsWith(component: string): string[] {
    return this.years.filter((fy) => [...this.byKey.values()].some((r) => r[0] === fy && r[3] === component));
  }
}

/** The published funding: the rows indexed and the years shown, or null with the reason in words. */
export type PublishedFunding = { idx: FundingIndex; years: FundingYears } | { idx: null; why: string };

export function publishedFunding(rows: readonly FundingRow[] | null, lang: Lang): PublishedFunding {
  const t = FUNDING_TEXT[lang];
  if (!rows) return { idx: null, why: t.notComputed };
  const years = fundingYears(rows);
  return years ? { idx: new FundingIndex(rows), years } : { idx: null, why: t.noCompleteYear };
}

export const COST_SHARING = [
  'assistance_total',
  'assistance_provincial',
  'assistance_municipal',
  'discretionary_total',
  'discretionary_cap',
  'discretionary_provincial',
  'discretionary_municipal',
];
export const ALLOCATION_PARTS = ['pdf_base', 'pdf_caseload', 'pdf_outcomes', 'pdf_mitigation'];
export const ALLOCATION = [...ALLOCATION_PARTS, 'pdf_allocation', 'pdf_municipal_match'];
export const MILESTONES = ['A', 'B', 'C'].flatMap((s) => [
  `outcome_milestones_reached_${s}`,
  `outcome_milestones_pending_${s}`,
]);

/** A row's amount, null when suppressed or missing. */
export const amountOf = (r: FundingRow | undefined): number | null =>
  r && r[5] !== 'suppressed' ? r[4] : null;

/** An amount as shown: money, a count for milestones, or the word that stands in for it. */
export function formatAmount(row: FundingRow | undefined, lang: Lang): string {
  if (!row) return '—';
  if (row[5] === 'suppressed' || row[4] === null) return pick(STATUS_WORDS.suppressed, lang);
  return row[3].startsWith('outcome_milestones') ? formatNumber(row[4], lang) : formatMoney(row[4], lang);
}

export function componentName(component: string, lang: Lang): string {
  const t = FUNDING_TEXT[lang];
  const known: Record<string, string | undefined> = t.components;
  if (known[component]) return known[component];
  const m = /^outcome_milestones_(reached|pending)_([ABC])$/.exec(component);
  return m ? t.milestones(m[1] === 'reached', m[2] ?? '') : component;
}

/** Dollars along a chart's x axis. */
export const dollarAxis = (xTitle: string) => ({ xTitle, xFormat: '$,.0f' });

/** A row's allocation: its funding row of a component (a row is a manager of a year, or a year of a manager). */
type AllocationOf<R> = (row: R, component: string) => FundingRow | undefined;

/** The allocation's parts stacked, one bar per row, in dollars: what a stacked bar chart plots. */
export function allocationStack<R>(
  rows: readonly R[],
  label: (row: R) => string,
  of: AllocationOf<R>,
  lang: Lang,
) {
  return {
    parts: rows.flatMap((r) =>
      ALLOCATION_PARTS.map((c) => {
        const v = amountOf(of(r, c)) ?? 0;
        return { label: label(r), part: componentName(c, lang), value: v, shown: formatMoney(v, lang) };
      }),
    ),
    labels: rows.map(label),
    order: ALLOCATION_PARTS.map((c) => componentName(c, lang)),
    ...dollarAxis(FUNDING_TEXT[lang].dollars),
  };
}

/** The allocation's components as columns of a table view, each amount as shown. */
export const allocationColumns = <R>(of: AllocationOf<R>, lang: Lang): Column<R>[] =>
  ALLOCATION.map((c) => ({
    label: componentName(c, lang),
    numeric: true,
    text: (r: R) => formatAmount(of(r, c), lang),
  }));

/** The allocation's components as columns of a CSV download, by code. */
export const allocationCsvColumns = <R>(of: AllocationOf<R>): CsvColumns<R> =>
  Object.fromEntries(ALLOCATION.map((c) => [c, (r: R) => amountOf(of(r, c))]));

export const noFundingNote = (why: string): HTMLElement => paragraph(why, 'sa-no-data-note');

/** What the funding shown is: the latest complete fiscal year, its months, and the allocation made from it. */
export function shownYearsNote(years: FundingYears, lang: Lang): HTMLElement {
  const start = years.complete.slice(0, 4);
  return paragraph(
    FUNDING_TEXT[lang].shownYears(
      formatFiscalYear(years.complete, lang),
      formatMonth(`${start}-04`, lang),
      formatMonth(`${Number(start) + 1}-03`, lang),
      formatFiscalYear(years.allocation, lang),
    ),
  );
}

export function illustrativeNote(lang: Lang): HTMLElement {
  const t = FUNDING_TEXT[lang];
  return el(
    'p',
    { class: 'sa-illustrative' },
    `${t.illustrative} `,
    el('a', { href: siteHref(`${sitePath(lang, 'methodology')}#funding-parameters`) }, t.methodology),
  );
}

/** One geography's components for one year, as a table (component, program columns). */
export function componentTable(
  idx: FundingIndex,
  fy: string,
  geo: string,
  components: readonly string[],
  programs: readonly string[],
  caption: string,
  lang: Lang,
): HTMLDivElement {
  const present = components.filter((c) => programs.some((p) => idx.get(fy, geo, p, c)));
  return tableView(
    present,
    [
      { label: FUNDING_TEXT[lang].component, text: (c) => componentName(c, lang), rowHeader: true },
      ...programs.map((p) => ({
        label: programName(p, lang),
        numeric: true,
        text: (c: string) => formatAmount(idx.get(fy, geo, p, c), lang),
      })),
    ],
    caption,
  );
}
