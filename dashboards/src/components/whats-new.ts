// The "What's new" page (src/[lang]/whats-new.md): what changed in the public figures since the last release,
// in sentences (data/whats-new.json groups changes.csv by file and kind), the revised figures one by one, and
// a link to changes.csv, which has every changed figure with its old and new value.
import { el, paragraph, section } from './dom.js';
import {
  breakdownName,
  formatFiscalYear,
  formatMonth,
  formatNumber,
  ONTARIO,
  pick,
  programName,
  type Lang,
  type Text,
} from './i18n.js';
import type { ChangeGroup } from '../../lib/changes.ts';
import { tableView } from './table.js';
import { WHATS_NEW_TEXT } from './strings/whats-new.js';

export interface WhatsNew {
  metadata: { as_of_month: string };
  version: string | null;
  since: { version: string; created: string } | null;
  restated: { delivery: string; table: string }[];
  groups: ChangeGroup[] | null;
  revised:
    | {
        measure: string;
        period: string;
        manager: string;
        program: string;
        breakdown: string;
        before: string | null;
        after: string | null;
      }[]
    | null;
  revisedTotal: number | null;
  titles: Record<string, Text>;
  names: Record<string, Text>;
}

/** "A, B and C" in the reader's language. */
const listed = (items: string[], and: string): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${and} ${items.at(-1)}`;

/** Months as a reader says them: "March 2026", "January and February 2026", or "April 2023 to March 2026". */
function months(periods: string[], lang: Lang): string {
  const t = WHATS_NEW_TEXT[lang];
  if (periods.length > 3)
    return `${formatMonth(periods[0]!, lang)} ${t.to} ${formatMonth(periods.at(-1)!, lang)}`;
  return listed(
    periods.map((p) => formatMonth(p, lang)),
    t.and,
  );
}

/** The calendar years of some months: "2025", "2024 and 2025". */
const years = (periods: string[], lang: Lang): string =>
  listed([...new Set(periods.map((p) => p.slice(0, 4)))], WHATS_NEW_TEXT[lang].and);

const fiscalYears = (periods: string[], lang: Lang): string =>
  listed(
    periods.map((fy) => formatFiscalYear(fy, lang)),
    WHATS_NEW_TEXT[lang].and,
  );

const managerName = (code: string, data: WhatsNew, lang: Lang): string =>
  code === 'ON' ? pick(ONTARIO, lang) : data.names[code] ? pick(data.names[code], lang) : code;

/** Where revised figures are: up to three managers by name, or how many, and Ontario when its rows are. */
function where(g: ChangeGroup, data: WhatsNew, lang: Lang): string {
  const t = WHATS_NEW_TEXT[lang];
  const ontario = g.ontario ? [pick(ONTARIO, lang)] : [];
  if (g.managers.length > 3) return t.inMany(formatNumber(g.managers.length, lang), g.ontario);
  return t.in(listed([...g.managers.map((c) => managerName(c, data, lang)), ...ontario], t.and));
}

/** One sentence for a group of changes. */
export function changeSentence(g: ChangeGroup, data: WhatsNew, lang: Lang): string {
  const t = WHATS_NEW_TEXT[lang];
  const n = formatNumber(g.figures, lang);
  if (g.file === 'funding.csv') {
    return g.change === 'new'
      ? t.fundingAdded(fiscalYears(g.periods, lang), n)
      : t.fundingOther(n, t.fundingChange[g.change] ?? g.change, fiscalYears(g.periods, lang));
  }
  switch (g.change) {
    case 'new':
      return t.added(months(g.periods, lang), n);
    case 'final':
      return t.final(n, months(g.periods, lang));
    case 'revised':
      return t.revised(n, years(g.periods, lang), where(g, data, lang));
    case 'suppressed':
      return t.suppressed(n);
    case 'unsuppressed':
      return t.unsuppressed(n);
    default:
      return t.withdrawn(n);
  }
}

/** A published value as the reader writes numbers ("1,234.5" / "1 234,5"); a blank is a suppressed figure. */
function value(v: string | null, lang: Lang): string {
  if (v === null) return WHATS_NEW_TEXT[lang].blank;
  const decimals = v.split('.')[1]?.length ?? 0;
  return formatNumber(Number(v), lang, decimals);
}

export function whatsNewPage(
  data: WhatsNew,
  changesHref: string | null,
  { lang }: { lang: Lang },
): HTMLElement {
  const t = WHATS_NEW_TEXT[lang];
  const asOf = formatMonth(data.metadata.as_of_month, lang);
  if (data.groups === null) return section('since', t.since, paragraph(t.notPublished));
  if (data.since === null) return section('since', t.since, paragraph(t.first(asOf)));
  const base = data.since;
  const baseDate = new Intl.DateTimeFormat(lang === 'fr' ? 'fr-CA' : 'en-CA', {
    dateStyle: 'long',
    timeZone: 'America/Toronto',
  }).format(new Date(base.created));
  const link =
    changesHref !== null &&
    el('p', {}, `${t.every} `, el('a', { href: changesHref, download: 'changes.csv' }, 'changes.csv'));
  const restated =
    data.restated.length > 0
      ? paragraph(
          t.restated(
            listed(
              data.restated.map((d) => `${formatMonth(d.delivery, lang)} (${d.table})`),
              t.and,
            ),
          ),
        )
      : null;
  const revised = data.revised ?? [];
  return el(
    'div',
    {},
    section(
      'since',
      t.since,
      paragraph(t.compared(asOf, formatMonth(base.version.split('+')[0] ?? '', lang), baseDate)),
      data.groups.length === 0
        ? paragraph(t.unchanged)
        : el(
            'ul',
            { class: 'sa-changes' },
            ...data.groups.map((g) => el('li', {}, changeSentence(g, data, lang))),
          ),
      data.groups.some((g) => g.change === 'revised') && paragraph(t.revisedWhy),
      restated,
      link,
    ),
    revised.length > 0 &&
      section(
        'revised',
        t.revisedTable,
        (data.revisedTotal ?? 0) > revised.length &&
          paragraph(
            t.firstOf(formatNumber(revised.length, lang), formatNumber(data.revisedTotal ?? 0, lang)),
          ),
        tableView(
          revised,
          [
            {
              label: t.measure,
              text: (r) => (data.titles[r.measure] ? pick(data.titles[r.measure]!, lang) : r.measure),
              rowHeader: true,
            },
            { label: t.month, text: (r) => formatMonth(r.period, lang) },
            {
              label: t.manager,
              text: (r) => (data.names[r.manager] ? pick(data.names[r.manager]!, lang) : r.manager),
            },
            { label: t.program, text: (r) => programName(r.program, lang) },
            { label: t.breakdown, text: (r) => breakdownName(r.breakdown, lang) },
            { label: t.before, numeric: true, text: (r) => value(r.before, lang) },
            { label: t.after, numeric: true, text: (r) => value(r.after, lang) },
          ],
          t.revisedTable,
        ),
      ),
  );
}
