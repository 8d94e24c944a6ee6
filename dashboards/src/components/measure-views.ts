// What the views of one measure that several pages share start from: its title, its summary at the
// reference month and how its change reads, and the note that stands in for a measure with no data yet.
// The views themselves are figures: its trend (measure-trend.ts) and the ranking of the service managers
// (measure-ranking.ts).
import {
  changeOnYear,
  verdict,
  yearBefore,
  type Change,
  type Figure,
  type MeasureInfo,
  type SeriesIndex,
  PROVINCE,
} from './data.js';
import { describeChange, formatChange, verdictWord } from './format.js';
import { pick, type Lang } from './i18n.js';
import { MEASURE_TEXT } from './strings/measure.js';

export { PROVINCE };

export interface Summary {
  now: Figure;
  before: Figure;
  change: Change | null;
  verdict: 'better' | 'worse' | null;
}

/** A geography's figure at the measure's reference month, a year before, and the change between. */
export function summarize(info: MeasureInfo, index: SeriesIndex, geo: string, program = 'ALL'): Summary {
  const series = index.get(info.id, geo, program);
  const now = index.figure(series, info.latest);
  const since = info.latest ? yearBefore(info.latest) : null;
  const before = index.figure(series, since);
  const change = since ? changeOnYear(info.kind, now, before, since) : null;
  return { now, before, change, verdict: verdict(info.better, change) };
}

/** "up 3.2% since March 2024 (better)". */
export function changeSentence(info: MeasureInfo, s: Summary, lang: Lang): string {
  const words = describeChange(s.change, lang);
  return s.verdict ? `${words} (${verdictWord(s.verdict, lang)})` : words;
}

/** The change cell of a table: "+3.2% (better)". */
export function changeCell(s: Summary, lang: Lang): string {
  const text = formatChange(s.change, lang);
  return s.verdict ? `${text} (${verdictWord(s.verdict, lang)})` : text;
}

/** The note shown in place of a measure's charts while it has no published row. */
export function noDataNote(lang: Lang): HTMLElement {
  const p = document.createElement('p');
  p.className = 'sa-no-data-note';
  p.textContent = MEASURE_TEXT[lang].noData;
  return p;
}

export const measureTitle = (info: MeasureInfo, lang: Lang): string => pick(info.title, lang);
