// The funding page (src/[lang]/funding.md) and the funding part of each manager's page: cost sharing of
// assistance and outcome payments of the latest complete fiscal year, the program delivery funding
// allocation computed from it with its components and mitigation, and the latest scenario (funding.md).
// The public funding holds complete years only: a year still under way would change every month, and two
// releases subtracted would give a month's figures away. Funding is published unrounded (it describes
// institutions), except the milestone counts and outcome payments, which can be suppressed.
import { barChart, stackedBarChart, type Bar } from './charts.js';
import {
  fundingYears,
  type FundingData,
  type FundingRow,
  type FundingYears,
  type ManagerInfo,
  type ScenarioRow,
} from './data.js';
import { el, paragraph, section, select, t } from './dom.js';
import { chartFigure } from './figure.js';
import {
  formatFiscalYear,
  formatMoney,
  formatMonth,
  formatNumber,
  formatPercent,
  pick,
  STATUS_WORDS,
  type Lang,
  type Text,
} from './i18n.js';
import { siteHref, sitePath } from './site.js';
import { managerColumn, tableView } from './table.js';

export const COMPONENTS: Record<string, Text> = {
  assistance_total: { en: 'Assistance paid', fr: 'Aide versée' },
  assistance_provincial: { en: 'Provincial share of assistance', fr: 'Part provinciale de l’aide' },
  assistance_municipal: { en: 'Municipal share of assistance', fr: 'Part municipale de l’aide' },
  discretionary_total: { en: 'Discretionary benefits paid', fr: 'Prestations discrétionnaires versées' },
  discretionary_cap: { en: 'Discretionary cap', fr: 'Plafond discrétionnaire' },
  discretionary_provincial: {
    en: 'Provincial share of discretionary',
    fr: 'Part provinciale du discrétionnaire',
  },
  discretionary_municipal: {
    en: 'Municipal share of discretionary',
    fr: 'Part municipale du discrétionnaire',
  },
  pdf_base: { en: 'Base (equal shares)', fr: 'Base (parts égales)' },
  pdf_caseload: { en: 'Caseload', fr: 'Nombre de dossiers' },
  pdf_outcomes: { en: 'Outcomes', fr: 'Résultats' },
  pdf_mitigation: { en: 'Mitigation', fr: 'Atténuation' },
  pdf_allocation: { en: 'Allocation', fr: 'Allocation' },
  pdf_municipal_match: { en: 'Municipal match', fr: 'Contrepartie municipale' },
  outcome_payments: { en: 'Outcome payments', fr: 'Paiements liés aux résultats' },
};

const TEXT = {
  notComputed: {
    en: 'Funding has not been computed yet: the public outputs have no funding.csv. This section will fill in once it is published.',
    fr: 'Le financement n’a pas encore été calculé : les données publiques ne contiennent pas de funding.csv. Cette section se remplira dès sa publication.',
  },
  noCompleteYear: {
    en: 'No fiscal year is complete yet: funding is published once all 12 months of a fiscal year (April to March) are in.',
    fr: 'Aucun exercice n’est encore complet : le financement est publié une fois que les 12 mois d’un exercice (d’avril à mars) sont tous connus.',
  },
  shownYears: {
    en: (year: string, from: string, to: string, allocation: string) =>
      `The ${year} (${from} to ${to}) is the latest complete fiscal year: here are its cost sharing and outcome payments, and the allocation for the ${allocation}, computed from it. Funding is published for complete fiscal years only, since a year still under way would change every month.`,
    fr: (year: string, from: string, to: string, allocation: string) =>
      `L’${year} (d’${from} à ${to}) est le dernier exercice complet : voici son partage des coûts et ses paiements liés aux résultats, ainsi que l’allocation de l’${allocation}, calculée à partir de celui-ci. Le financement n’est publié que pour les exercices complets, puisqu’un exercice en cours changerait chaque mois.`,
  },
  illustrative: {
    en: 'The Province’s funding model is not public: every amount here comes from parameters that are illustrative (see the methodology). The mechanics are exact; the parameters are policy.',
    fr: 'Le modèle de financement de la Province n’est pas public : chaque montant provient de paramètres illustratifs (voir la méthodologie). Les mécanismes sont exacts; les paramètres relèvent des politiques.',
  },
  methodology: { en: 'Methodology: funding parameters', fr: 'Méthodologie : paramètres de financement' },
  year: { en: 'Fiscal year', fr: 'Exercice' },
  costSharing: { en: 'Cost sharing of assistance', fr: 'Partage des coûts de l’aide' },
  allocation: {
    en: 'Program delivery funding allocation (Ontario Works)',
    fr: 'Allocation du financement de la prestation des programmes (Ontario au travail)',
  },
  outcomes: { en: 'Outcome payments', fr: 'Paiements liés aux résultats' },
  scenario: { en: 'Latest scenario', fr: 'Dernier scénario' },
  noScenario: { en: 'No scenario has been run.', fr: 'Aucun scénario n’a été calculé.' },
  scenarioNotPublic: {
    en: 'The latest scenario is about fiscal years that are not complete yet, so none of it is published.',
    fr: 'Le dernier scénario porte sur des exercices qui ne sont pas encore complets : rien n’en est publié.',
  },
  manager: { en: 'Service manager', fr: 'Gestionnaire de services' },
  component: { en: 'Component', fr: 'Composante' },
  amount: { en: 'Amount', fr: 'Montant' },
  dollars: { en: 'Dollars', fr: 'Dollars' },
  baseline: { en: 'Baseline', fr: 'Référence' },
  scenarioCol: { en: 'Scenario', fr: 'Scénario' },
  difference: { en: 'Difference', fr: 'Écart' },
  pctChange: { en: '% change', fr: 'Variation en %' },
  reached: { en: 'Milestones reached', fr: 'Jalons atteints' },
  pending: { en: 'Milestones pending', fr: 'Jalons en attente' },
  stream: { en: 'stream', fr: 'volet' },
  program: { en: 'Program', fr: 'Programme' },
};

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

/** An amount as shown: money, a count for milestones, or the word that stands in for it. */
export function formatAmount(row: FundingRow | undefined, lang: Lang): string {
  if (!row) return '—';
  if (row[5] === 'suppressed' || row[4] === null) return pick(STATUS_WORDS.suppressed, lang);
  return row[3].startsWith('outcome_milestones') ? formatNumber(row[4], lang) : formatMoney(row[4], lang);
}

export const notComputedNote = (lang: Lang): HTMLElement =>
  paragraph(t(TEXT.notComputed, lang), 'sa-no-data-note');

const noCompleteYearNote = (lang: Lang): HTMLElement =>
  paragraph(t(TEXT.noCompleteYear, lang), 'sa-no-data-note');

/** What the funding shown is: the latest complete fiscal year, its months, and the allocation made from it. */
function shownYearsNote(years: FundingYears, lang: Lang): HTMLElement {
  const start = years.complete.slice(0, 4);
  return paragraph(
    pick(TEXT.shownYears, lang)(
      formatFiscalYear(years.complete, lang),
      formatMonth(`${start}-04`, lang),
      formatMonth(`${Number(start) + 1}-03`, lang),
      formatFiscalYear(years.allocation, lang),
    ),
  );
}

export function illustrativeNote(lang: Lang): HTMLElement {
  return el(
    'p',
    { class: 'sa-illustrative' },
    `${t(TEXT.illustrative, lang)} `,
    el(
      'a',
      { href: siteHref(`${sitePath(lang, 'methodology')}#funding-parameters`) },
      t(TEXT.methodology, lang),
    ),
  );
}

const value = (r: FundingRow | undefined): number | null => (r && r[5] !== 'suppressed' ? r[4] : null);

const COST_SHARING = [
  'assistance_total',
  'assistance_provincial',
  'assistance_municipal',
  'discretionary_total',
  'discretionary_cap',
  'discretionary_provincial',
  'discretionary_municipal',
];
const ALLOCATION_PARTS = ['pdf_base', 'pdf_caseload', 'pdf_outcomes', 'pdf_mitigation'];
const ALLOCATION = [...ALLOCATION_PARTS, 'pdf_allocation', 'pdf_municipal_match'];
const MILESTONES = ['A', 'B', 'C'].flatMap((s) => [
  `outcome_milestones_reached_${s}`,
  `outcome_milestones_pending_${s}`,
]);

function componentName(component: string, lang: Lang): string {
  const known = COMPONENTS[component];
  if (known) return pick(known, lang);
  const m = /^outcome_milestones_(reached|pending)_([ABC])$/.exec(component);
  if (m)
    return `${t(m[1] === 'reached' ? TEXT.reached : TEXT.pending, lang)}, ${t(TEXT.stream, lang)} ${m[2]}`;
  return component;
}

/** One geography's components for one year, as a table (component, program columns). */
function componentTable(
  idx: FundingIndex,
  fy: string,
  geo: string,
  components: readonly string[],
  programs: readonly string[],
  caption: string,
  lang: Lang,
) {
  const present = components.filter((c) => programs.some((p) => idx.get(fy, geo, p, c)));
  return tableView(
    present,
    [
      { label: t(TEXT.component, lang), text: (c) => componentName(c, lang), rowHeader: true },
      ...programs.map((p) => ({
        label:
          p === 'ALL'
            ? lang === 'fr'
              ? 'Les deux programmes'
              : 'Both programs'
            : p === 'OW'
              ? lang === 'fr'
                ? 'Ontario au travail'
                : 'Ontario Works'
              : lang === 'fr'
                ? 'POSPH'
                : 'ODSP',
        numeric: true,
        text: (c: string) => formatAmount(idx.get(fy, geo, p, c), lang),
      })),
    ],
    caption,
  );
}

/** The allocation of one year to every manager: its parts stacked, with mitigation. */
function allocationFigure(
  idx: FundingIndex,
  fy: string,
  managers: readonly ManagerInfo[],
  lang: Lang,
  highlight?: string,
) {
  const rows = managers
    .map((m) => ({ m, total: value(idx.get(fy, m.code, 'OW', 'pdf_allocation')) }))
    .sort((a, b) => (b.total ?? -1) - (a.total ?? -1));
  const label = (m: ManagerInfo) => (m.code === highlight ? `▶ ${m.name}` : m.name);
  const parts = rows.flatMap(({ m }) =>
    ALLOCATION_PARTS.map((c) => {
      const v = value(idx.get(fy, m.code, 'OW', c)) ?? 0;
      return { label: label(m), part: componentName(c, lang), value: v, shown: formatMoney(v, lang) };
    }),
  );
  const province = value(idx.get(fy, 'ON', 'OW', 'pdf_allocation'));
  const top = rows[0];
  const message =
    top && province
      ? lang === 'fr'
        ? `${top.m.name} reçoit ${formatPercent((100 * (top.total ?? 0)) / province, lang)} de l’enveloppe de ${formatMoney(province, lang)}`
        : `${top.m.name} receives ${formatPercent((100 * (top.total ?? 0)) / province, lang)} of the ${formatMoney(province, lang)} envelope`
      : t(TEXT.allocation, lang);
  const subtitle =
    lang === 'fr'
      ? `Allocation par gestionnaire de services et par composante, ${formatFiscalYear(fy, lang)}, en dollars`
      : `Allocation by service manager and component, ${formatFiscalYear(fy, lang)}, dollars`;
  const mitigated = rows.filter(
    ({ m }) => (value(idx.get(fy, m.code, 'OW', 'pdf_mitigation')) ?? 0) !== 0,
  ).length;
  const description =
    lang === 'fr'
      ? `L’enveloppe de ${province === null ? '—' : formatMoney(province, lang)} est répartie entre les 47 gestionnaires : une base égale, une part selon le nombre de dossiers et une part selon les résultats; ${mitigated} gestionnaires ont un ajustement d’atténuation.`
      : `The ${province === null ? '—' : formatMoney(province, lang)} envelope is shared among the 47 managers: an equal base, a share by caseload and a share by outcomes; ${mitigated} managers have a mitigation adjustment.`;
  return chartFigure({
    chart: (width) =>
      stackedBarChart(
        {
          message,
          subtitle,
          description,
          parts,
          labels: rows.map(({ m }) => label(m)),
          order: ALLOCATION_PARTS.map((c) => componentName(c, lang)),
          xTitle: t(TEXT.dollars, lang),
          xFormat: '$,.0f',
          lang,
        },
        width,
      ),
    description,
    table: tableView(
      rows,
      [
        managerColumn(lang, ({ m }) => m),
        ...ALLOCATION.map((c) => ({
          label: componentName(c, lang),
          numeric: true,
          text: ({ m }: { m: ManagerInfo }) => formatAmount(idx.get(fy, m.code, 'OW', c), lang),
        })),
      ],
      subtitle,
    ),
    csv: {
      rows: rows.map(({ m }) =>
        Object.fromEntries([
          ['service_manager', m.code],
          ['fiscal_year', fy],
          ...ALLOCATION.map((c) => [c, value(idx.get(fy, m.code, 'OW', c))]),
        ]),
      ),
      filename: `sa-outcomes-allocation-${fy}.csv`,
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
  lang: Lang,
  message: string,
) {
  const rows = managers
    .map((m) => ({ m, row: idx.get(fy, m.code, program, component) }))
    .sort((a, b) => (value(b.row) ?? -1) - (value(a.row) ?? -1));
  const bars: Bar[] = rows.map(({ m, row }) => ({
    label: m.name,
    value: value(row),
    shown: formatAmount(row, lang),
  }));
  const subtitle = `${componentName(component, lang)}, ${lang === 'fr' ? 'par gestionnaire de services' : 'by service manager'}, ${formatFiscalYear(fy, lang)}`;
  const suppressed = rows.filter(({ row }) => row?.[5] === 'suppressed').length;
  const description =
    lang === 'fr'
      ? `Ontario : ${formatAmount(idx.get(fy, 'ON', program, component), lang)}.${suppressed ? ` ${suppressed} montants sont supprimés parce qu’ils révéleraient de petits nombres.` : ''}`
      : `Ontario: ${formatAmount(idx.get(fy, 'ON', program, component), lang)}.${suppressed ? ` ${suppressed} amounts are suppressed because they would reveal small numbers.` : ''}`;
  return chartFigure({
    chart: (width) =>
      barChart(
        { message, subtitle, description, bars, xTitle: t(TEXT.dollars, lang), xFormat: '$,.0f', lang },
        width,
      ),
    description,
    table: tableView(
      rows,
      [
        managerColumn(lang, ({ m }) => m),
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
              text: ({ m }: { m: ManagerInfo }) => formatAmount(idx.get(fy, m.code, program, c), lang),
            }))
          : []),
      ],
      subtitle,
    ),
    csv: {
      rows: rows.map(({ m, row }) => ({
        service_manager: m.code,
        fiscal_year: fy,
        component,
        amount: value(row),
        status: row?.[5] ?? 'no_data',
      })),
      filename: `sa-outcomes-${component}-${fy}.csv`,
    },
    lang,
  });
}

function scenarioSection(
  rows: readonly ScenarioRow[] | null,
  managers: readonly ManagerInfo[],
  lang: Lang,
): HTMLElement {
  if (!rows || rows.length === 0)
    return section(
      'scenario',
      t(TEXT.scenario, lang),
      // An empty public file: the scenario was run, but only on years not complete yet.
      paragraph(t(rows ? TEXT.scenarioNotPublic : TEXT.noScenario, lang), 'sa-no-data-note'),
    );
  const components = [...new Set(rows.map((r) => r[2]))];
  const name = (code: string) =>
    code === 'ON' ? 'Ontario' : (managers.find((m) => m.code === code)?.name ?? code);
  const slot = el('div');
  const show = (component: string) => {
    // A scenario run for every year has several: show the component's latest, as the page does.
    const fy =
      rows
        .filter((r) => r[2] === component)
        .map((r) => r[0])
        .sort()
        .reverse()[0] ?? '';
    const list = rows
      .filter((r) => r[0] === fy && r[2] === component && r[1] !== 'ON')
      .sort((a, b) => (b[5] ?? 0) - (a[5] ?? 0));
    const total = rows.find((r) => r[0] === fy && r[2] === component && r[1] === 'ON');
    const bars: Bar[] = list.map((r) => ({
      label: name(r[1]),
      value: r[5],
      shown: r[5] === null ? '—' : formatMoney(r[5], lang),
    }));
    const gainers = list.filter((r) => (r[5] ?? 0) > 0).length;
    const message =
      lang === 'fr'
        ? `${componentName(component, lang)} : ${gainers} gestionnaires reçoivent plus dans le scénario, ${list.length - gainers} autant ou moins`
        : `${componentName(component, lang)}: ${gainers} managers get more under the scenario, ${list.length - gainers} the same or less`;
    const subtitle =
      lang === 'fr'
        ? `Écart entre le scénario et la référence, par gestionnaire de services, ${formatFiscalYear(fy, lang)}, en dollars`
        : `Scenario minus baseline, by service manager, ${formatFiscalYear(fy, lang)}, dollars`;
    const description =
      lang === 'fr'
        ? `Ontario : référence ${total?.[3] == null ? '—' : formatMoney(total[3], lang)}, scénario ${total?.[4] == null ? '—' : formatMoney(total[4], lang)}.`
        : `Ontario: baseline ${total?.[3] == null ? '—' : formatMoney(total[3], lang)}, scenario ${total?.[4] == null ? '—' : formatMoney(total[4], lang)}.`;
    slot.replaceChildren(
      chartFigure({
        chart: (width) =>
          barChart(
            {
              message,
              subtitle,
              description,
              bars,
              xTitle: t(TEXT.difference, lang),
              xFormat: '$,.0f',
              lang,
            },
            width,
          ),
        description,
        table: tableView(
          total ? [total, ...list] : list,
          [
            { label: t(TEXT.manager, lang), text: (r) => name(r[1]), rowHeader: true },
            {
              label: t(TEXT.baseline, lang),
              numeric: true,
              text: (r) => (r[3] === null ? '—' : formatMoney(r[3], lang)),
            },
            {
              label: t(TEXT.scenarioCol, lang),
              numeric: true,
              text: (r) => (r[4] === null ? '—' : formatMoney(r[4], lang)),
            },
            {
              label: t(TEXT.difference, lang),
              numeric: true,
              text: (r) => (r[5] === null ? '—' : formatMoney(r[5], lang)),
            },
            {
              label: t(TEXT.pctChange, lang),
              numeric: true,
              text: (r) => (r[6] === null ? '—' : formatPercent(r[6], lang)),
            },
          ],
          subtitle,
        ),
        csv: {
          rows: list.map((r) => ({
            fiscal_year: r[0],
            service_manager: r[1],
            component: r[2],
            baseline: r[3],
            scenario: r[4],
            difference: r[5],
            pct_change: r[6],
          })),
          filename: `sa-outcomes-scenario-${component}-${fy}.csv`,
        },
        lang,
      }),
    );
  };
  const first = components.includes('pdf_allocation') ? 'pdf_allocation' : (components[0] ?? '');
  show(first);
  return section(
    'scenario',
    t(TEXT.scenario, lang),
    illustrativeNote(lang),
    select(
      t(TEXT.component, lang),
      components.map((c) => ({ value: c, label: componentName(c, lang) })),
      first,
      show,
    ),
    slot,
  );
}

export function fundingPage(data: FundingData, { lang }: { lang: Lang }): HTMLElement {
  const years = data.rows && fundingYears(data.rows);
  if (!data.rows || !years)
    return el(
      'div',
      {},
      illustrativeNote(lang),
      data.rows ? noCompleteYearNote(lang) : notComputedNote(lang),
      scenarioSection(data.scenario, data.managers, lang),
    );
  const idx = new FundingIndex(data.rows);
  const fy = years.complete;
  return el(
    'div',
    {},
    illustrativeNote(lang),
    shownYearsNote(years, lang),
    section(
      'cost-sharing',
      `${t(TEXT.costSharing, lang)}, ${formatFiscalYear(fy, lang)}`,
      componentTable(
        idx,
        fy,
        'ON',
        COST_SHARING,
        ['OW', 'ODSP', 'ALL'],
        `${t(TEXT.costSharing, lang)}, Ontario, ${formatFiscalYear(fy, lang)}`,
        lang,
      ),
      componentBars(
        idx,
        fy,
        'ALL',
        'discretionary_total',
        data.managers,
        lang,
        lang === 'fr'
          ? 'Prestations discrétionnaires par gestionnaire de services'
          : 'Discretionary benefits by service manager',
      ),
    ),
    section(
      'allocation',
      `${t(TEXT.allocation, lang)}, ${formatFiscalYear(years.allocation, lang)}`,
      allocationFigure(idx, years.allocation, data.managers, lang),
    ),
    section(
      'outcome-payments',
      `${t(TEXT.outcomes, lang)}, ${formatFiscalYear(fy, lang)}`,
      componentBars(
        idx,
        fy,
        'OW',
        'outcome_payments',
        data.managers,
        lang,
        lang === 'fr'
          ? 'Paiements liés aux résultats par gestionnaire de services'
          : 'Outcome payments by service manager',
      ),
    ),
    scenarioSection(data.scenario, data.managers, lang),
  );
}

/**
 * The funding part of a manager's page: its cost sharing and outcome payments of the latest complete fiscal
 * year, the allocation computed from it, and its allocations over the years (all from complete years).
 */
export function managerFunding(
  rows: readonly FundingRow[] | null,
  manager: ManagerInfo,
  lang: Lang,
): HTMLElement[] {
  if (!rows) return [illustrativeNote(lang), notComputedNote(lang)];
  const years = fundingYears(rows);
  if (!years) return [illustrativeNote(lang), noCompleteYearNote(lang)];
  const idx = new FundingIndex(rows);
  const allocationYears = idx.yearsWith('pdf_allocation');
  const parts = ALLOCATION_PARTS.map((c) => componentName(c, lang));
  const label = (fy: string) => formatFiscalYear(fy, lang);
  const message =
    lang === 'fr'
      ? `Allocation de ${manager.name} par exercice et par composante`
      : `${manager.name}’s allocation by fiscal year and component`;
  const subtitle =
    lang === 'fr'
      ? 'Programme de prestation (Ontario au travail), en dollars'
      : 'Program delivery funding (Ontario Works), dollars';
  const description = allocationYears
    .map((fy) => `${label(fy)}: ${formatAmount(idx.get(fy, manager.code, 'OW', 'pdf_allocation'), lang)}`)
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
      `${manager.name}, ${label(years.complete)}`,
      lang,
    ),
    componentTable(
      idx,
      years.allocation,
      manager.code,
      ALLOCATION,
      ['OW'],
      `${manager.name}, ${t(TEXT.allocation, lang)}, ${label(years.allocation)}`,
      lang,
    ),
  ];
  if (allocationYears.length > 0)
    out.push(
      chartFigure({
        chart: (width) =>
          stackedBarChart(
            {
              message,
              subtitle,
              description,
              parts: allocationYears.flatMap((fy) =>
                ALLOCATION_PARTS.map((c) => {
                  const v = value(idx.get(fy, manager.code, 'OW', c)) ?? 0;
                  return {
                    label: label(fy),
                    part: componentName(c, lang),
                    value: v,
                    shown: formatMoney(v, lang),
                  };
                }),
              ),
              labels: allocationYears.map(label),
              order: parts,
              xTitle: t(TEXT.dollars, lang),
              xFormat: '$,.0f',
              lang,
            },
            width,
          ),
        description,
        table: tableView(
          allocationYears,
          [
            { label: t(TEXT.year, lang), text: label, rowHeader: true },
            ...ALLOCATION.map((c) => ({
              label: componentName(c, lang),
              numeric: true,
              text: (fy: string) => formatAmount(idx.get(fy, manager.code, 'OW', c), lang),
            })),
          ],
          subtitle,
        ),
        csv: {
          rows: allocationYears.map((fy) =>
            Object.fromEntries([
              ['fiscal_year', fy],
              ...ALLOCATION.map((c) => [c, value(idx.get(fy, manager.code, 'OW', c))]),
            ]),
          ),
          filename: `sa-outcomes-${manager.code}-allocation.csv`,
        },
        lang,
      }),
    );
  return out;
}
