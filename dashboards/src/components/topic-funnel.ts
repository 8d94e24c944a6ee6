// The referral funnel to Employment Ontario of the stabilization page (src/[lang]/stabilization.md):
// Ontario's cases and referrals at each step over the 12 latest final months.
import { barChart } from './bar-charts.js';
import type { MeasureInfo } from './data.js';
import type { TopicData } from './page-data.js';
import { figure } from './figure.js';
import { formatNumber, formatPercent, pick, STATUS_WORDS, type Lang } from './i18n.js';
import { noDataNote, PROVINCE } from './measure-views.js';
import { pooled } from './pooled.js';
import { FUNNEL_MEASURES } from './site.js';
import { TOPIC_TEXT } from './strings/topic.js';

type Stage = { key: keyof (typeof TOPIC_TEXT)['en']['stages']; value: number | null; of: number | null };

export function referralFunnel(data: TopicData, { lang }: { lang: Lang }): HTMLElement {
  const t = TOPIC_TEXT[lang];
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
  const a = pooled(fraction(ready, 'ALL'), periods, last12(ready));
  const b = pooled(fraction(connected, FUNNEL_MEASURES.eo), periods, last12(connected));
  const stages: Stage[] = [
    { key: 'ready', value: ready?.latest ? a.den : null, of: null },
    { key: 'referred', value: ready?.latest ? a.num : null, of: ready?.latest ? a.den : null },
    { key: 'referrals', value: connected?.latest ? b.den : null, of: null },
    { key: 'connected', value: connected?.latest ? b.num : null, of: connected?.latest ? b.den : null },
  ];
  const shown = (v: number | null) => (v === null ? pick(STATUS_WORDS.no_data, lang) : formatNumber(v, lang));
  const share = (s: Stage) => (s.value !== null && s.of ? formatPercent((100 * s.value) / s.of, lang) : '—');
  const [, referred, , connectedStage] = stages.map(share);
  const message = t.funnelMessage(referred ?? '—', connectedStage ?? '—');
  const subtitle = t.funnelSubtitle;
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
    subtitle,
    description,
    columns: [
      { label: t.stage, text: (s) => t.stages[s.key], rowHeader: true },
      { label: t.count, numeric: true, text: (s) => shown(s.value) },
      { label: t.share, numeric: true, text: share },
    ],
    csv: {
      filename: 'sa-outcomes-referral-funnel-employment-ontario.csv',
      // The stage named in English in both languages, as the other downloads name their codes.
      columns: { stage: (s) => TOPIC_TEXT.en.stages[s.key], count: (s) => s.value, of: (s) => s.of },
    },
    lang,
  });
}
