// A topic page (src/[lang]/[topic].md: employment, stabilization, intake, digital, integrity): every
// measure of the topic's registry groups — Ontario's trend by program, by breakdown value where the
// measure has one, and the service managers at the latest month — plus what is particular to the topic:
// Employment Services catchments before and after their start (employment), the referral funnel to
// Employment Ontario (stabilization).
import { barChart, dumbbellChart, lineChart, type Bar } from './charts.js';
import { SeriesIndex, type Fraction, type ManagerInfo, type MeasureInfo, type TopicData } from './data.js';
import { el, paragraph, section, select, t } from './dom.js';
import { chartFigure } from './figure.js';
import { formatMonth, formatNumber, formatPercent, ONTARIO, pick, STATUS_WORDS, type Lang } from './i18n.js';
import {
  measureTitle,
  noDataNote,
  PROVINCE,
  rankingFigure,
  summarize,
  trendFigure,
} from './measure-views.js';
import { EST_MEASURES, FUNNEL_MEASURES } from './site.js';
import { tableView } from './table.js';

const TEXT = {
  onThisPage: { en: 'On this page', fr: 'Sur cette page' },
  est: { en: 'Employment Services catchments', fr: 'Zones des Services d’emploi' },
  estIntro: {
    en: 'Employment Services transformation started catchment by catchment (data/reference/est_catchments.csv): prototypes in 2021, then three phases. For each catchment, the outcome pooled over its service managers in the 12 months before its start and the 12 months from it, as far as the published months reach; and the prototype sites against the rest of the province, month by month. Pooled figures are computed from the rounded public counts, without the suppressed ones, so they are approximate.',
    fr: 'La transformation des Services d’emploi a commencé zone par zone (data/reference/est_catchments.csv) : des prototypes en 2021, puis trois phases. Pour chaque zone, le résultat regroupé de ses gestionnaires de services pendant les 12 mois précédant son lancement et les 12 mois suivants, dans la mesure des mois publiés; et les sites prototypes comparés au reste de la province, mois par mois. Les chiffres regroupés sont calculés à partir des nombres publics arrondis, sans les chiffres supprimés : ils sont approximatifs.',
  },
  outcome: { en: 'Outcome', fr: 'Résultat' },
  before: { en: '12 months before the start', fr: '12 mois avant le lancement' },
  after: { en: '12 months from the start', fr: '12 mois après le lancement' },
  notStarted: { en: 'not started', fr: 'pas commencé' },
  notObservable: { en: 'before the published months', fr: 'avant les mois publiés' },
  catchment: { en: 'Catchment', fr: 'Zone' },
  phase: { en: 'Phase', fr: 'Phase' },
  start: { en: 'Start', fr: 'Lancement' },
  managers: { en: 'Service managers', fr: 'Gestionnaires de services' },
  difference: { en: 'Difference', fr: 'Écart' },
  prototypes: { en: 'Prototype sites', fr: 'Sites prototypes' },
  rest: { en: 'Rest of Ontario', fr: 'Reste de l’Ontario' },
  month: { en: 'Month', fr: 'Mois' },
  funnel: {
    en: 'Referral funnel to Employment Ontario',
    fr: 'Entonnoir des aiguillages vers Emploi Ontario',
  },
  funnelIntro: {
    en: 'Over the 12 latest final months in Ontario: cases that became employment-ready, those referred to Employment Ontario within 90 days, all referrals to Employment Ontario made, and those connected within 30 days. The first two steps follow one group of cases, the last two one group of referrals.',
    fr: 'Au cours des 12 derniers mois définitifs en Ontario : les dossiers devenus prêts à l’emploi, ceux aiguillés vers Emploi Ontario dans les 90 jours, l’ensemble des aiguillages vers Emploi Ontario, et ceux ayant abouti à un contact dans les 30 jours. Les deux premières étapes suivent un même groupe de dossiers, les deux dernières un même groupe d’aiguillages.',
  },
  stage: { en: 'Stage', fr: 'Étape' },
  count: { en: 'Number', fr: 'Nombre' },
  share: { en: 'Share of the step before', fr: 'Part de l’étape précédente' },
};

/** Sum of the published numerators and denominators of a fraction over some months. */
function pooled(fractions: readonly Fraction[], periods: readonly string[], months: ReadonlySet<string>) {
  let num = 0;
  let den = 0;
  let counted = 0;
  for (const f of fractions) {
    periods.forEach((p, i) => {
      const n = f.numerator[i];
      const d = f.denominator[i];
      if (!months.has(p) || n === null || n === undefined || d === null || d === undefined) return;
      num += n;
      den += d;
      counted++;
    });
  }
  return { num, den, counted, rate: den > 0 ? (100 * num) / den : null };
}

function monthsFrom(periods: readonly string[], start: string, count: number, before: boolean): Set<string> {
  const i = periods.findIndex((p) => p >= start);
  if (before) {
    const end = i < 0 ? periods.length : i;
    return new Set(periods.slice(Math.max(0, end - count), end));
  }
  return i < 0 ? new Set() : new Set(periods.slice(i, i + count));
}

function estSection(data: TopicData, lang: Lang): HTMLElement | null {
  const measures = EST_MEASURES.map((id) => data.measures.find((m) => m.id === id)).filter(
    (m): m is MeasureInfo => m !== undefined && m.latest !== null,
  );
  if (measures.length === 0) return null;
  const periods = data.province.periods;
  const slot = el('div');
  const show = (id: string) => {
    const info = measures.find((m) => m.id === id);
    if (info)
      slot.replaceChildren(
        catchmentFigure(info, data, periods, lang),
        prototypeFigure(info, data, periods, lang),
      );
  };
  show(measures[0]?.id ?? '');
  return section(
    'est',
    t(TEXT.est, lang),
    paragraph(t(TEXT.estIntro, lang)),
    select(
      t(TEXT.outcome, lang),
      measures.map((m) => ({ value: m.id, label: measureTitle(m, lang) })),
      measures[0]?.id ?? '',
      show,
    ),
    slot,
  );
}

const managerFractions = (data: TopicData, measure: string, codes: ReadonlySet<string>) =>
  data.fractions.filter((f) => f.measure === measure && f.geo !== PROVINCE && codes.has(f.geo));

function catchmentFigure(
  info: MeasureInfo,
  data: TopicData,
  periods: readonly string[],
  lang: Lang,
): HTMLElement {
  const byCatchment = new Map<string, ManagerInfo[]>();
  for (const m of data.managers) {
    if (!m.catchment) continue;
    byCatchment.set(m.catchment, [...(byCatchment.get(m.catchment) ?? []), m]);
  }
  const rows = [...byCatchment.entries()]
    .map(([catchment, managers]) => {
      const first = managers[0];
      const start = first?.estStart?.slice(0, 7) ?? null;
      const fractions = managerFractions(data, info.id, new Set(managers.map((m) => m.code)));
      const before = start ? pooled(fractions, periods, monthsFrom(periods, start, 12, true)) : null;
      const after = start ? pooled(fractions, periods, monthsFrom(periods, start, 12, false)) : null;
      return { catchment, phase: first?.phase ?? '', start, managers, before, after };
    })
    .sort(
      (a, b) =>
        (a.start ?? '9999').localeCompare(b.start ?? '9999') || a.catchment.localeCompare(b.catchment),
    );
  const shownRate = (
    p: { rate: number | null; counted: number } | null,
    start: string | null,
    isBefore: boolean,
  ) => {
    if (!start) return t(TEXT.notStarted, lang);
    if (!p || p.rate === null)
      return isBefore ? t(TEXT.notObservable, lang) : pick(STATUS_WORDS.no_data, lang);
    return formatPercent(p.rate, lang);
  };
  const title = measureTitle(info, lang);
  const both = rows.filter((r) => r.before?.rate != null && r.after?.rate != null);
  const up = both.filter((r) => (r.after?.rate ?? 0) > (r.before?.rate ?? 0)).length;
  const message =
    lang === 'fr'
      ? `${title} : ${up} des ${both.length} zones observables avant et après sont en hausse après le lancement`
      : `${title}: ${up} of the ${both.length} catchments observable before and after are higher after their start`;
  const subtitle =
    lang === 'fr'
      ? `${title}, les deux programmes, regroupé par zone des Services d’emploi, 12 mois avant et 12 mois après le lancement`
      : `${title}, both programs, pooled by Employment Services catchment, 12 months before and 12 months from the start`;
  const description = rows
    .map(
      (r) =>
        `${r.catchment} (${r.phase}): ${shownRate(r.before, r.start, true)} → ${shownRate(r.after, r.start, false)}`,
    )
    .join('; ');
  return chartFigure({
    chart: (width) =>
      dumbbellChart(
        {
          message,
          subtitle,
          description,
          rows: rows.map((r) => ({
            label: r.catchment,
            before: r.before?.rate ?? null,
            after: r.after?.rate ?? null,
            beforeShown: shownRate(r.before, r.start, true),
            afterShown: shownRate(r.after, r.start, false),
          })),
          beforeLabel: t(TEXT.before, lang),
          afterLabel: t(TEXT.after, lang),
          xTitle: title,
          xFormat: ',.1f',
          lang,
        },
        width,
      ),
    description,
    table: tableView(
      rows,
      [
        { label: t(TEXT.catchment, lang), text: (r) => r.catchment, rowHeader: true },
        { label: t(TEXT.phase, lang), text: (r) => r.phase },
        {
          label: t(TEXT.start, lang),
          text: (r) => (r.start ? formatMonth(r.start, lang) : t(TEXT.notStarted, lang)),
        },
        { label: t(TEXT.managers, lang), text: (r) => r.managers.map((m) => m.code).join(', ') },
        { label: t(TEXT.before, lang), numeric: true, text: (r) => shownRate(r.before, r.start, true) },
        { label: t(TEXT.after, lang), numeric: true, text: (r) => shownRate(r.after, r.start, false) },
        {
          label: t(TEXT.difference, lang),
          numeric: true,
          text: (r) =>
            r.before?.rate != null && r.after?.rate != null
              ? `${r.after.rate >= r.before.rate ? '+' : '−'}${formatNumber(Math.abs(r.after.rate - r.before.rate), lang, 1)} ${lang === 'fr' ? 'points' : 'points'}`
              : '—',
        },
      ],
      subtitle,
    ),
    csv: {
      rows: rows.map((r) => ({
        catchment: r.catchment,
        phase: r.phase,
        start: r.start,
        service_managers: r.managers.map((m) => m.code).join(' '),
        before_rate: r.before?.rate ?? null,
        before_months: r.before?.counted ?? 0,
        after_rate: r.after?.rate ?? null,
        after_months: r.after?.counted ?? 0,
      })),
      filename: `sa-outcomes-${info.id}-est-catchments.csv`,
    },
    lang,
  });
}

function prototypeFigure(
  info: MeasureInfo,
  data: TopicData,
  periods: readonly string[],
  lang: Lang,
): HTMLElement {
  const prototypes = new Set(data.managers.filter((m) => m.phase === 'prototype').map((m) => m.code));
  const rest = new Set(data.managers.filter((m) => !prototypes.has(m.code)).map((m) => m.code));
  const groups = [
    {
      key: 'prototype',
      label: t(TEXT.prototypes, lang),
      fractions: managerFractions(data, info.id, prototypes),
    },
    { key: 'rest', label: t(TEXT.rest, lang), fractions: managerFractions(data, info.id, rest) },
  ];
  const rate = (fractions: readonly Fraction[], p: string) => pooled(fractions, periods, new Set([p])).rate;
  const points = groups.flatMap((g) =>
    periods.map((period) => {
      const value = rate(g.fractions, period);
      return {
        period,
        series: g.label,
        value,
        shown: value === null ? pick(STATUS_WORDS.no_data, lang) : formatPercent(value, lang),
      };
    }),
  );
  const title = measureTitle(info, lang);
  const latest = info.latest ?? periods[periods.length - 1] ?? '';
  const [p, r] = groups.map((g) => rate(g.fractions, latest));
  const message =
    p != null && r != null
      ? lang === 'fr'
        ? `${title} : ${formatPercent(p, lang)} dans les sites prototypes contre ${formatPercent(r, lang)} ailleurs en ${formatMonth(latest, lang)}`
        : `${title}: ${formatPercent(p, lang)} at the prototype sites against ${formatPercent(r, lang)} elsewhere in ${formatMonth(latest, lang)}`
      : title;
  const subtitle =
    lang === 'fr'
      ? `${title}, les deux programmes, regroupé : sites prototypes et reste de l’Ontario, mensuel`
      : `${title}, both programs, pooled: prototype sites and the rest of Ontario, monthly`;
  const description = message;
  return chartFigure({
    chart: (width) =>
      lineChart(
        {
          message,
          subtitle,
          description,
          points,
          order: groups.map((g) => g.label),
          yTitle: title,
          yFormat: ',.1f',
          lang,
        },
        width,
      ),
    description,
    table: tableView(
      periods,
      [
        { label: t(TEXT.month, lang), text: (q) => formatMonth(q, lang), rowHeader: true },
        ...groups.map((g) => ({
          label: g.label,
          numeric: true,
          text: (q: string) => {
            const v = rate(g.fractions, q);
            return v === null ? pick(STATUS_WORDS.no_data, lang) : formatPercent(v, lang);
          },
        })),
      ],
      subtitle,
    ),
    csv: {
      rows: periods.map((q) => ({
        month: q,
        prototype_sites: rate(groups[0]?.fractions ?? [], q),
        rest_of_ontario: rate(groups[1]?.fractions ?? [], q),
      })),
      filename: `sa-outcomes-${info.id}-prototype-sites.csv`,
    },
    lang,
  });
}

function funnelSection(data: TopicData, lang: Lang): HTMLElement | null {
  const ready = data.measures.find((m) => m.id === FUNNEL_MEASURES.readyReferred);
  const connected = data.measures.find((m) => m.id === FUNNEL_MEASURES.connected);
  if (!ready && !connected) return null;
  const periods = data.province.periods;
  const last12 = (info: MeasureInfo | undefined) => {
    if (!info?.latest) return new Set<string>();
    const end = periods.indexOf(info.latest);
    return new Set(periods.slice(Math.max(0, end - 11), end + 1));
  };
  const fraction = (info: MeasureInfo | undefined, breakdown: string) =>
    data.fractions.filter(
      (f) => f.measure === info?.id && f.geo === PROVINCE && f.program === 'ALL' && f.breakdown === breakdown,
    );
  const a = pooled(fraction(ready, 'ALL'), periods, last12(ready));
  const b = pooled(fraction(connected, FUNNEL_MEASURES.eo), periods, last12(connected));
  const stages = [
    {
      label: { en: 'Became employment-ready', fr: 'Devenus prêts à l’emploi' },
      value: ready?.latest ? a.den : null,
      of: null,
    },
    {
      label: {
        en: 'Referred to Employment Ontario within 90 days',
        fr: 'Aiguillés vers Emploi Ontario dans les 90 jours',
      },
      value: ready?.latest ? a.num : null,
      of: ready?.latest ? a.den : null,
    },
    {
      label: { en: 'Referrals to Employment Ontario made', fr: 'Aiguillages vers Emploi Ontario' },
      value: connected?.latest ? b.den : null,
      of: null,
    },
    {
      label: { en: 'Connected within 30 days', fr: 'Contact établi dans les 30 jours' },
      value: connected?.latest ? b.num : null,
      of: connected?.latest ? b.den : null,
    },
  ];
  const shown = (v: number | null) => (v === null ? pick(STATUS_WORDS.no_data, lang) : formatNumber(v, lang));
  const share = (s: (typeof stages)[number]) =>
    s.value !== null && s.of ? formatPercent((100 * s.value) / s.of, lang) : '—';
  const bars: Bar[] = stages.map((s) => ({
    label: pick(s.label, lang),
    value: s.value,
    shown: s.of ? `${shown(s.value)} (${share(s)})` : shown(s.value),
  }));
  const [, referred, , connectedStage] = stages.map(share);
  const message =
    lang === 'fr'
      ? `${referred} des dossiers prêts à l’emploi sont aiguillés vers Emploi Ontario; ${connectedStage} des aiguillages aboutissent`
      : `${referred} of employment-ready cases are referred to Employment Ontario; ${connectedStage} of referrals connect`;
  const subtitle =
    lang === 'fr'
      ? 'Nombre de dossiers et d’aiguillages à chaque étape, Ontario, les deux programmes, 12 derniers mois définitifs'
      : 'Cases and referrals at each step, Ontario, both programs, 12 latest final months';
  const description = stages
    .map((s) => `${pick(s.label, lang)}: ${shown(s.value)}${s.of ? ` (${share(s)})` : ''}`)
    .join('; ');
  return section(
    'funnel',
    t(TEXT.funnel, lang),
    paragraph(t(TEXT.funnelIntro, lang)),
    chartFigure({
      chart: (width) =>
        barChart(
          { message, subtitle, description, bars, xTitle: t(TEXT.count, lang), xFormat: ',d', lang },
          width,
        ),
      description,
      table: tableView(
        stages,
        [
          { label: t(TEXT.stage, lang), text: (s) => pick(s.label, lang), rowHeader: true },
          { label: t(TEXT.count, lang), numeric: true, text: (s) => shown(s.value) },
          { label: t(TEXT.share, lang), numeric: true, text: share },
        ],
        subtitle,
      ),
      csv: {
        rows: stages.map((s) => ({ stage: s.label.en, count: s.value, of: s.of })),
        filename: 'sa-outcomes-referral-funnel-employment-ontario.csv',
      },
      lang,
    }),
  );
}

/** One measure: its description and its figures, or the note that it has no data yet. */
function measureArticle(info: MeasureInfo, data: TopicData, index: SeriesIndex, lang: Lang): HTMLElement {
  const ontario = t(ONTARIO, lang);
  const children: (Node | null)[] = [];
  if (!info.latest) children.push(noDataNote(lang));
  else {
    children.push(trendFigure(info, index, { geo: PROVINCE, geoName: ontario, by: 'program', lang }));
    if (info.breakdown && index.breakdowns(info.id, PROVINCE).length > 0)
      children.push(trendFigure(info, index, { geo: PROVINCE, geoName: ontario, by: 'breakdown', lang }));
    children.push(
      rankingFigure(info, data.snapshot, data.managers, {
        lang,
        province: summarize(info, index, PROVINCE).now,
      }),
    );
  }
  return el(
    'article',
    { class: 'sa-measure', id: `m-${info.id}`, 'aria-labelledby': `h-${info.id}` },
    el('h3', { id: `h-${info.id}` }, measureTitle(info, lang)),
    paragraph(pick(info.description, lang)),
    ...children,
  );
}

export function topicPage(data: TopicData, { lang }: { lang: Lang }): HTMLElement {
  const index = new SeriesIndex(data.province);
  const extras = [
    data.topic === 'employment' ? estSection(data, lang) : null,
    data.topic === 'stabilization' ? funnelSection(data, lang) : null,
  ].filter((e): e is HTMLElement => e !== null);
  const toc =
    data.measures.length + extras.length === 0
      ? null
      : el(
          'nav',
          { class: 'sa-toc', 'aria-label': t(TEXT.onThisPage, lang) },
          el('p', {}, t(TEXT.onThisPage, lang)),
          el(
            'ul',
            {},
            ...data.measures.map((m) => el('li', {}, el('a', { href: `#m-${m.id}` }, measureTitle(m, lang)))),
            ...extras.map((e) =>
              el(
                'li',
                {},
                el(
                  'a',
                  { href: `#${e.getAttribute('aria-labelledby') ?? ''}` },
                  e.querySelector('h2')?.textContent ?? '',
                ),
              ),
            ),
          ),
        );
  const groups = data.groups.map((g) => {
    const measures = data.measures.filter((m) => m.group === g.id);
    return section(
      `g-${g.id}`,
      pick(g.title, lang),
      measures.length === 0 ? noDataNote(lang) : null,
      ...measures.map((m) => measureArticle(m, data, index, lang)),
    );
  });
  return el('div', {}, toc, ...groups, ...extras);
}
