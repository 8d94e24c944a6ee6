// How figures read on the pages. A figure that is not published reads "suppressed", "pending", "no one in
// the group" or "no data" — never 0 — and a change on the year says its direction in words, not only with colour.
import type { Change, Figure, MeasureInfo } from './data.js';
import {
  formatMoney,
  formatMonth,
  formatNumber,
  formatPercent,
  pick,
  STATUS_WORDS,
  type Lang,
} from './i18n.js';
import { KIND_RULES } from './kinds.js';

type Measure = Pick<MeasureInfo, 'kind' | 'money'> & Partial<Pick<MeasureInfo, 'digits' | 'nobody'>>;

/**
 * Decimals shown: the measure's (MeasureInfo.digits), else its kind's (pipelines/measures/kinds.ts: counts
 * whole, rates 1, means 2, medians 1).
 */
function digits(measure: Measure): number {
  return measure.digits ?? KIND_RULES[measure.kind].displayDigits;
}

export function formatValue(measure: Measure, value: number, lang: Lang): string {
  const shown = KIND_RULES[measure.kind].display;
  if (measure.money || shown === 'money') return formatMoney(value, lang, digits(measure) > 0);
  if (shown === 'percent') return formatPercent(value, lang);
  return formatNumber(value, lang, digits(measure));
}

/**
 * A figure as shown in tables and labels. A count or total is published for every month, 0 included
 * (measures.md), so a month without one has no data. A rate, mean or median has no figure for a month
 * whose group is empty (status no_data, or the row omitted): that is said in the measure's words ("no
 * cases closed this month"), not as "no data".
 */
export function formatFigure(measure: Measure, figure: Figure, lang: Lang): string {
  if (figure.status === 'suppressed' || figure.status === 'pending')
    return pick(STATUS_WORDS[figure.status], lang);
  if (figure.status === 'ok' && figure.value !== null) return formatValue(measure, figure.value, lang);
  if (KIND_RULES[measure.kind].zeroRows) return pick(STATUS_WORDS.no_data, lang);
  return pick(measure.nobody ?? STATUS_WORDS.empty_group, lang);
}

/** "+1.2 points" / "−3.4%"; "unchanged" when it rounds to nothing. */
export function formatChange(change: Change | null, lang: Lang): string {
  if (!change) return '—';
  const rounded = Math.round(change.amount * 10) / 10;
  if (rounded === 0) return lang === 'fr' ? 'inchangé' : 'unchanged';
  const sign = rounded > 0 ? '+' : '−';
  const size = Math.abs(rounded);
  if (change.unit === 'percent') return `${sign}${formatPercent(size, lang)}`;
  const unit = lang === 'fr' ? (size < 2 ? 'point' : 'points') : size === 1 ? 'point' : 'points';
  return `${sign}${formatNumber(size, lang, 1)} ${unit}`;
}

/** The change in a sentence: "up 1.2 points since March 2024". */
export function describeChange(change: Change | null, lang: Lang): string {
  if (!change) return lang === 'fr' ? 'pas de comparaison sur un an' : 'no comparison with a year earlier';
  const since = formatMonth(change.since, lang);
  if (Math.round(change.amount * 10) === 0)
    return lang === 'fr' ? `inchangé depuis ${since}` : `unchanged since ${since}`;
  const size = formatChange({ ...change, amount: Math.abs(change.amount) }, lang).slice(1);
  if (lang === 'fr') return `${change.amount > 0 ? 'en hausse' : 'en baisse'} de ${size} depuis ${since}`;
  return `${change.amount > 0 ? 'up' : 'down'} ${size} since ${since}`;
}

const VERDICT_WORDS = {
  better: { en: 'better', fr: 'amélioration' },
  worse: { en: 'worse', fr: 'détérioration' },
};

export const verdictWord = (v: 'better' | 'worse', lang: Lang): string => pick(VERDICT_WORDS[v], lang);

/** A d3 format for axes: whole numbers with separators, or the kind's decimals. */
export function axisFormat(measure: Measure): string {
  if (measure.money || KIND_RULES[measure.kind].display === 'money') return '$,.0f';
  if (digits(measure) === 0) return ',d';
  return ',.1~f';
}

/**
 * A small multiple's title with the unit of its axis, since its numbers carry none: "(%)", "($)". Counts,
 * days and scores have no unit mark.
 */
export function withUnit(measure: Measure, title: string): string {
  if (measure.money || KIND_RULES[measure.kind].display === 'money') return `${title} ($)`;
  if (KIND_RULES[measure.kind].display === 'percent') return `${title} (%)`;
  return title;
}
