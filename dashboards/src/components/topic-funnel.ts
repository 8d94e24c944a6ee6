// The ways to Employment Ontario of the stabilization page (src/[lang]/stabilization.md): Ontario's cases
// and referrals at each step over the 12 latest final months, each group on its own.
import { barChart } from './bar-charts.js';
import type { MeasureInfo } from './data.js';
import type { TopicData } from './page-data.js';
import { el } from './dom.js';
import { figure } from './figure.js';
import { formatNumber, formatPercent, pick, STATUS_WORDS, type Lang } from './i18n.js';
import { noDataNote, PROVINCE } from './measure-views.js';
import { pooled } from './pooled.js';
import { FUNNEL_MEASURES } from './site.js';
import { TOPIC_TEXT } from './strings/topic.js';

type StageKey = keyof (typeof TOPIC_TEXT)['en']['stages'];
/** A step of one group: how many, and how many the step before it had (null for the group's first step). */
type Stage = { key: StageKey; value: number | null; of: number | null };

/**
 * The two ways to Employment Ontario, each drawn from one group only, so every step is part of the one
 * before it: the cases that became employment-ready and those of them referred within 90 days; the referrals
 * made and those of them connected within 30 days. (Drawn as one funnel, the referrals, a different and larger
 * group, made a third step larger than the first.)
 */
export function referralFunnel(data: TopicData, { lang }: { lang: Lang }): HTMLElement {
  const ready = data.measures.find((m) => m.id === FUNNEL_MEASURES.readyReferred);
  const connected = data.measures.find((m) => m.id === FUNNEL_MEASURES.connected);
  if (!ready && !connected) return noDataNote(lang);
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
  const pair = (info: MeasureInfo | undefined, breakdown: string, first: StageKey, second: StageKey) => {
    const p = pooled(fraction(info, breakdown), periods, last12(info));
    const known = Boolean(info?.latest);
    return [
      { key: first, value: known ? p.den : null, of: null },
      { key: second, value: known ? p.num : null, of: known ? p.den : null },
    ] satisfies Stage[];
  };
  return el(
    'div',
    { class: 'sa-steps' },
    stepsFigure('cases', pair(ready, 'ALL', 'ready', 'referred'), lang),
    stepsFigure('referrals', pair(connected, FUNNEL_MEASURES.eo, 'referrals', 'connected'), lang),
  );
}

/** One group's two steps: a bar each, the second with its share of the first. */
function stepsFigure(group: 'cases' | 'referrals', stages: Stage[], lang: Lang): HTMLElement {
  const t = TOPIC_TEXT[lang];
  const shown = (v: number | null) => (v === null ? pick(STATUS_WORDS.no_data, lang) : formatNumber(v, lang));
  const share = (s: Stage) => (s.value !== null && s.of ? formatPercent((100 * s.value) / s.of, lang) : '—');
  const message = t.stepsMessage[group](share(stages[1]!));
  const description = stages
    .map((s) => `${t.stages[s.key]}: ${shown(s.value)}${s.of ? ` (${share(s)})` : ''}`)
    .join('; ');
  return figure(stages, {
    chart: barChart,
    plot: (stages) => ({
      bars: stages.map((s) => ({
        label: t.stages[s.key],
        value: s.value,
        shown: s.of ? `${shown(s.value)} (${share(s)})` : shown(s.value),
      })),
      xTitle: t.count,
      xFormat: ',d',
    }),
    message,
    subtitle: t.stepsSubtitle[group],
    description,
    columns: [
      { label: t.stage, text: (s) => t.stages[s.key], rowHeader: true },
      { label: t.count, numeric: true, text: (s) => shown(s.value) },
      { label: t.share, numeric: true, text: share },
    ],
    csv: {
      filename: `sa-outcomes-employment-ontario-${group}.csv`,
      // The stage named in English in both languages, as the other downloads name their codes.
      columns: { stage: (s) => TOPIC_TEXT.en.stages[s.key], count: (s) => s.value, of: (s) => s.of },
    },
    lang,
  });
}
