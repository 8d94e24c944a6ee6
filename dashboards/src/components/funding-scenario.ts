// The latest funding scenario of the funding page (src/[lang]/funding.md) against the baseline, one
// component at a time, as chosen in a menu (funding.md, "Scenarios").
import { barChart } from './bar-charts.js';
import type { ManagerInfo } from './data.js';
import type { ScenarioRow } from './funding-data.js';
import { el, select } from './dom.js';
import { figure } from './figure.js';
import type { Options } from './funding.js';
import { componentName, dollarAxis, illustrativeNote, noFundingNote } from './funding-rows.js';
import { formatFiscalYear, formatMoney, formatPercent, ONTARIO, pick, type Lang } from './i18n.js';
import { FUNDING_TEXT } from './strings/funding.js';

/** The latest scenario against the baseline, one component at a time (a menu chooses it). */
export function scenario(
  rows: readonly ScenarioRow[] | null,
  managers: readonly ManagerInfo[],
  { lang }: Options,
) {
  const t = FUNDING_TEXT[lang];
  // An empty public file: the scenario was run, but only on years not complete yet.
  if (!rows || rows.length === 0) return noFundingNote(rows ? t.scenarioNotPublic : t.noScenario);
  const components = [...new Set(rows.map((r) => r[2]))];
  const slot = el('div');
  const show = (component: string) => slot.replaceChildren(scenarioFigure(rows, component, managers, lang));
  const first = components.includes('pdf_allocation') ? 'pdf_allocation' : (components[0] ?? '');
  show(first);
  return el(
    'div',
    {},
    illustrativeNote(lang),
    select(
      t.component,
      components.map((c) => ({ value: c, label: componentName(c, lang) })),
      first,
      show,
    ),
    slot,
  );
}

function scenarioFigure(
  rows: readonly ScenarioRow[],
  component: string,
  managers: readonly ManagerInfo[],
  lang: Lang,
): HTMLElement {
  const t = FUNDING_TEXT[lang];
  const name = (code: string) =>
    code === 'ON' ? pick(ONTARIO, lang) : (managers.find((m) => m.code === code)?.name[lang] ?? code);
  const money = (x: number | null | undefined) => (x == null ? '—' : formatMoney(x, lang));
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
  const gainers = list.filter((r) => (r[5] ?? 0) > 0).length;
  const message = t.scenarioMessage(componentName(component, lang), gainers, list.length - gainers);
  const subtitle = t.scenarioSubtitle(formatFiscalYear(fy, lang));
  const description = t.scenarioDescription(money(total?.[3]), money(total?.[4]));
  return figure(list, {
    chart: barChart,
    plot: (list) => ({
      bars: list.map((r) => ({ label: name(r[1]), value: r[5], shown: money(r[5]) })),
      ...dollarAxis(t.difference),
    }),
    message,
    subtitle,
    description,
    totals: total ? [total] : [],
    columns: [
      { label: t.manager, text: (r) => name(r[1]), rowHeader: true },
      { label: t.baseline, numeric: true, text: (r) => money(r[3]) },
      { label: t.scenarioColumn, numeric: true, text: (r) => money(r[4]) },
      { label: t.difference, numeric: true, text: (r) => money(r[5]) },
      {
        label: t.pctChange,
        numeric: true,
        text: (r) => (r[6] === null ? '—' : formatPercent(r[6], lang)),
      },
    ],
    csv: {
      filename: `sa-outcomes-scenario-${component}-${fy}.csv`,
      columns: {
        fiscal_year: (r) => r[0],
        service_manager: (r) => r[1],
        component: (r) => r[2],
        baseline: (r) => r[3],
        scenario: (r) => r[4],
        difference: (r) => r[5],
        pct_change: (r) => r[6],
      },
    },
    lang,
  });
}
