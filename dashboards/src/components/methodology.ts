// The methodology page (src/[lang]/methodology.md): every measure's registry entry, the disclosure control
// applied to the public figures, the funding parameters (illustrative) and the as-of stamp.
import type { MeasureEntry, MethodologyData } from './page-data.js';
import { el, paragraph, section } from './dom.js';
import {
  formatFiscalYear,
  formatMoney,
  formatMonth,
  formatNumber,
  formatPercent,
  pick,
  type Lang,
} from './i18n.js';
import { tableView } from './table.js';
import { sitePath, siteHref } from './site.js';
import { METHODOLOGY_TEXT, type ParameterUnit } from './strings/methodology.js';

function measureEntry(m: MeasureEntry, data: MethodologyData, lang: Lang): HTMLElement {
  const t = METHODOLOGY_TEXT[lang];
  const row = (label: string, value: Node | string) => [el('dt', {}, label), el('dd', {}, value)];
  const kind = data.kinds[m.kind];
  return el(
    'article',
    { class: 'sa-measure-entry', id: `m-${m.id}`, 'aria-labelledby': `h-${m.id}` },
    el('h3', { id: `h-${m.id}` }, pick(m.title, lang), ' ', el('code', {}, m.id)),
    paragraph(pick(m.description, lang)),
    el(
      'dl',
      {},
      ...row(t.kind, kind ? pick(kind, lang) : m.kind),
      ...row(t.better, t[m.better]),
      ...row(t.breakdown, m.breakdown ? m.breakdown.replace(/_/g, ' ') : t.none),
      ...row(t.cohort, m.cohortDays === null ? t.noWindow : `${m.cohortDays} ${t.days}`),
      ...row(t.definition, pick(m.definition, lang)),
      ...row(t.caveats, pick(m.caveats, lang)),
      ...row(t.latest, m.latest ? formatMonth(m.latest, lang) : t.noDataYet),
    ),
  );
}

function fundingSection(data: MethodologyData, lang: Lang): HTMLElement {
  const t = METHODOLOGY_TEXT[lang];
  const years = Object.keys(data.funding?.by_fiscal_year ?? {}).sort();
  const names = [...new Set(years.flatMap((fy) => Object.keys(data.funding?.by_fiscal_year[fy] ?? {})))];
  const cell = (fy: string, name: string) =>
    parameterValue(data.funding?.by_fiscal_year[fy]?.[name], t.parameters[name]?.[1] ?? 'text', lang);
  return section(
    'funding-parameters',
    t.funding,
    el(
      'p',
      { class: 'sa-illustrative' },
      data.funding?.illustrative === false ? t.notIllustrative : t.illustrative,
    ),
    years.length === 0
      ? paragraph(t.noFunding, 'sa-no-data-note')
      : tableView(
          names,
          [
            { label: t.parameter, text: (n) => t.parameters[n]?.[0] ?? n, rowHeader: true },
            ...years.map((fy) => ({ label: formatFiscalYear(fy, lang), text: (n: string) => cell(fy, n) })),
          ],
          `${t.funding}${data.funding?.illustrative === false ? '' : ` — ${lang === 'fr' ? 'illustratifs' : 'illustrative'}`}`,
        ),
  );
}

export function methodologyPage(data: MethodologyData, { lang }: { lang: Lang }): HTMLElement {
  const t = METHODOLOGY_TEXT[lang];
  const m = data.metadata;
  const groups = Object.entries(data.groups).map(([id, title]) =>
    section(
      `g-${id}`,
      pick(title, lang),
      ...data.measures.filter((x) => x.group === id).map((x) => measureEntry(x, data, lang)),
    ),
  );
  return el(
    'div',
    {},
    section(
      'as-of',
      t.stamp,
      paragraph(t.stampText(formatMonth(m.as_of_month, lang), m.run_id, m.generated_at, m.version)),
    ),
    section(
      'disclosure',
      t.disclosure,
      ...t.disclosureRules.map((d) => paragraph(d)),
      el('h3', {}, t.statuses),
      el(
        'dl',
        {},
        ...Object.entries(t.statusMeanings).flatMap(([s, text]) => [
          el('dt', {}, el('code', {}, s)),
          el('dd', {}, text),
        ]),
      ),
      el('p', {}, el('a', { href: siteHref(sitePath(lang, 'downloads')) }, t.seeDownloads)),
    ),
    ...groups,
    fundingSection(data, lang),
  );
}

/** A funding parameter's value with its unit: 0.7 → "70%", 600000000 → "$600,000,000", [90, 182] → "90, 182 days". */
export function parameterValue(v: unknown, unit: ParameterUnit, lang: Lang): string {
  if (v === undefined || v === null) return '—';
  const fr = lang === 'fr';
  if (Array.isArray(v))
    return unit === 'days'
      ? `${v.map((d) => formatNumber(Number(d), lang)).join(', ')} ${fr ? 'jours' : 'days'}`
      : v.join(', ');
  if (typeof v === 'boolean') return v ? (fr ? 'oui' : 'yes') : fr ? 'non' : 'no';
  if (typeof v !== 'number') return String(v);
  switch (unit) {
    case 'share':
      return formatPercent(v * 100, lang, Number.isInteger(v * 100) ? 0 : 1);
    case 'money':
      return formatMoney(v, lang, !Number.isInteger(v));
    case 'points':
      return `${formatNumber(v, lang)} ${fr ? 'points' : v === 1 ? 'point' : 'points'}`;
    case 'times':
      return `× ${formatNumber(v, lang, Number.isInteger(v) ? 0 : 1)}`;
    default:
      return formatNumber(v, lang, Number.isInteger(v) ? 0 : 2);
  }
}
