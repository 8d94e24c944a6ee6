// The Employment Services catchments of the employment page (src/[lang]/employment.md): for the outcome
// chosen in a menu, each catchment pooled 12 months before and 12 months from its start, and the
// prototype sites against the rest of Ontario month by month.
import { dumbbellChart } from './dumbbell-chart.js';
import { lineChart } from './line-charts.js';
import type { Fraction, ManagerInfo, MeasureInfo } from './data.js';
import type { TopicData } from './page-data.js';
import { el, select } from './dom.js';
import { figure } from './figure.js';
import { formatMonth, formatNumber, formatPercent, pick, STATUS_WORDS, type Lang } from './i18n.js';
import { measureTitle, noDataNote, PROVINCE } from './measure-views.js';
import { monthsFrom, pooled, type Pooled } from './pooled.js';
import { EST_MEASURES } from './site.js';
import { TOPIC_TEXT } from './strings/topic.js';
import { monthColumn } from './table.js';

export function estCatchments(data: TopicData, { lang }: { lang: Lang }): HTMLElement {
  const measures = EST_MEASURES.map((id) => data.measures.find((m) => m.id === id)).filter(
    (m): m is MeasureInfo => m !== undefined && m.latest !== null,
  );
  if (measures.length === 0) return noDataNote(lang);
  const slot = el('div');
  const show = (id: string) => {
    const info = measures.find((m) => m.id === id);
    if (info) slot.replaceChildren(catchmentFigure(info, data, lang), prototypeFigure(info, data, lang));
  };
  show(measures[0]?.id ?? '');
  return el(
    'div',
    {},
    select(
      TOPIC_TEXT[lang].outcome,
      measures.map((m) => ({ value: m.id, label: measureTitle(m, lang) })),
      measures[0]?.id ?? '',
      show,
    ),
    slot,
  );
}

const managerFractions = (data: TopicData, measure: string, codes: ReadonlySet<string>) =>
  data.fractions.filter((f) => f.measure === measure && f.geo !== PROVINCE && codes.has(f.geo));

interface CatchmentRow {
  catchment: string;
  phase: string;
  start: string | null;
  managers: ManagerInfo[];
  before: Pooled | null;
  after: Pooled | null;
}

function catchmentFigure(info: MeasureInfo, data: TopicData, lang: Lang): HTMLElement {
  const t = TOPIC_TEXT[lang];
  const periods = data.province.periods;
  const byCatchment = new Map<string, ManagerInfo[]>();
  for (const m of data.managers) {
    if (!m.catchment) continue;
    byCatchment.set(m.catchment, [...(byCatchment.get(m.catchment) ?? []), m]);
  }
  const rows: CatchmentRow[] = [...byCatchment.entries()]
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
  const shownRate = (p: Pooled | null, start: string | null, isBefore: boolean) => {
    if (!start) return t.notStarted;
    if (!p || p.rate === null) return isBefore ? t.notObservable : pick(STATUS_WORDS.no_data, lang);
    return formatPercent(p.rate, lang);
  };
  const before = (r: CatchmentRow) => shownRate(r.before, r.start, true);
  const after = (r: CatchmentRow) => shownRate(r.after, r.start, false);
  const title = measureTitle(info, lang);
  const both = rows.filter((r) => r.before?.rate != null && r.after?.rate != null);
  const up = both.filter((r) => (r.after?.rate ?? 0) > (r.before?.rate ?? 0)).length;
  const message = t.catchmentMessage(title, up, both.length);
  const subtitle = t.catchmentSubtitle(title);
  const description = rows.map((r) => `${r.catchment} (${r.phase}): ${before(r)} → ${after(r)}`).join('; ');
  return figure(rows, {
    chart: dumbbellChart,
    plot: (rows) => ({
      rows: rows.map((r) => ({
        label: r.catchment,
        before: r.before?.rate ?? null,
        after: r.after?.rate ?? null,
        beforeShown: before(r),
        afterShown: after(r),
      })),
      beforeLabel: t.before,
      afterLabel: t.after,
      xTitle: title,
      xFormat: ',.1f',
    }),
    message,
    subtitle,
    description,
    columns: [
      { label: t.catchment, text: (r) => r.catchment, rowHeader: true },
      { label: t.phase, text: (r) => r.phase },
      { label: t.start, text: (r) => (r.start ? formatMonth(r.start, lang) : t.notStarted) },
      { label: t.managers, text: (r) => r.managers.map((m) => m.code).join(', ') },
      { label: t.before, numeric: true, text: before },
      { label: t.after, numeric: true, text: after },
      {
        label: t.difference,
        numeric: true,
        text: (r) =>
          r.before?.rate != null && r.after?.rate != null
            ? `${r.after.rate >= r.before.rate ? '+' : '−'}${t.points(formatNumber(Math.abs(r.after.rate - r.before.rate), lang, 1))}`
            : '—',
      },
    ],
    csv: {
      filename: `sa-outcomes-${info.id}-est-catchments.csv`,
      columns: {
        catchment: (r) => r.catchment,
        phase: (r) => r.phase,
        start: (r) => r.start,
        service_managers: (r) => r.managers.map((m) => m.code).join(' '),
        before_rate: (r) => r.before?.rate ?? null,
        before_months: (r) => r.before?.counted ?? 0,
        after_rate: (r) => r.after?.rate ?? null,
        after_months: (r) => r.after?.counted ?? 0,
      },
    },
    lang,
  });
}

function prototypeFigure(info: MeasureInfo, data: TopicData, lang: Lang): HTMLElement {
  const t = TOPIC_TEXT[lang];
  const periods = data.province.periods;
  const prototypes = new Set(data.managers.filter((m) => m.phase === 'prototype').map((m) => m.code));
  const rest = new Set(data.managers.filter((m) => !prototypes.has(m.code)).map((m) => m.code));
  const groups = [
    { label: t.prototypes, fractions: managerFractions(data, info.id, prototypes) },
    { label: t.rest, fractions: managerFractions(data, info.id, rest) },
  ];
  const rate = (fractions: readonly Fraction[], p: string) => pooled(fractions, periods, new Set([p])).rate;
  const shown = (v: number | null) =>
    v === null ? pick(STATUS_WORDS.no_data, lang) : formatPercent(v, lang);
  const title = measureTitle(info, lang);
  const latest = info.latest ?? periods[periods.length - 1] ?? '';
  const [p, r] = groups.map((g) => rate(g.fractions, latest));
  const message =
    p != null && r != null
      ? t.prototypeMessage(title, formatPercent(p, lang), formatPercent(r, lang), formatMonth(latest, lang))
      : title;
  const subtitle = t.prototypeSubtitle(title);
  return figure(periods, {
    chart: lineChart,
    plot: (periods) => ({
      points: groups.flatMap((g) =>
        periods.map((period) => {
          const value = rate(g.fractions, period);
          return { period, series: g.label, value, shown: shown(value) };
        }),
      ),
      order: groups.map((g) => g.label),
      yTitle: title,
      yFormat: ',.1f',
    }),
    message,
    subtitle,
    description: message,
    columns: [
      monthColumn(lang, (q) => q),
      ...groups.map((g) => ({
        label: g.label,
        numeric: true,
        text: (q: string) => shown(rate(g.fractions, q)),
      })),
    ],
    csv: {
      filename: `sa-outcomes-${info.id}-prototype-sites.csv`,
      columns: {
        month: (q) => q,
        prototype_sites: (q) => rate(groups[0]?.fractions ?? [], q),
        rest_of_ontario: (q) => rate(groups[1]?.fractions ?? [], q),
      },
    },
    lang,
  });
}
