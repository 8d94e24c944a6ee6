// The parts every topic page shares (src/[lang]/[topic].md: intake, digital, integrity; employment.md and
// stabilization.md add their own section): the contents, and every measure of the topic's registry
// groups — Ontario's trend by program, by breakdown value where the measure has one, and the service
// managers at the latest month.
import { SeriesIndex, type MeasureInfo } from './data.js';
import type { TopicData } from './page-data.js';
import { el, paragraph, section } from './dom.js';
import { byBreakdown, ONTARIO, pick, type Lang } from './i18n.js';
import { rankingFigure, snapshotFigures } from './measure-ranking.js';
import { trendFigure } from './measure-trend.js';
import { measureTitle, noDataNote, PROVINCE, summarize } from './measure-views.js';
import { TOPIC_TEXT } from './strings/topic.js';

type Options = { lang: Lang };

/** A section of the page's own Markdown, listed in the contents after the measures. */
export interface PageSection {
  id: string;
  title: string;
}

/** The contents: every measure, then the page's own sections. */
export function topicContents(
  data: TopicData,
  sections: readonly PageSection[],
  { lang }: Options,
): HTMLElement | null {
  if (data.measures.length + sections.length === 0) return null;
  const onThisPage = TOPIC_TEXT[lang].onThisPage;
  return el(
    'nav',
    { class: 'sa-toc', 'aria-label': onThisPage },
    el('p', {}, onThisPage),
    el(
      'ul',
      {},
      ...data.measures.map((m) => el('li', {}, el('a', { href: `#m-${m.id}` }, measureTitle(m, lang)))),
      ...sections.map((s) => el('li', {}, el('a', { href: `#${s.id}` }, s.title))),
    ),
  );
}

/** The registry's groups of the topic, each a section of its measures. */
export function topicGroups(data: TopicData, { lang }: Options): HTMLElement {
  const index = new SeriesIndex(data.province);
  return el(
    'div',
    {},
    ...data.groups.map((g) => {
      const measures = data.measures.filter((m) => m.group === g.id);
      return section(
        `g-${g.id}`,
        pick(g.title, lang),
        measures.length === 0 ? noDataNote(lang) : null,
        ...measures.map((m) => measureArticle(m, data, index, lang)),
      );
    }),
  );
}

/** One measure: its description and its figures, or the note that it has no data yet. */
function measureArticle(info: MeasureInfo, data: TopicData, index: SeriesIndex, lang: Lang): HTMLElement {
  const ontario = pick(ONTARIO, lang);
  const children: (Node | null)[] = [];
  if (!info.latest) children.push(noDataNote(lang));
  else {
    children.push(trendFigure(info, index, { geo: PROVINCE, geoName: ontario, by: 'program', lang }));
    // The rest folds away until a reader opens it: a topic has up to 25 measures, and its charts
    // all drawn made a page of 20,000 pixels and 15,000 elements. A closed fold's charts are not drawn.
    const breakdown = info.breakdown && index.breakdowns(info.id, PROVINCE).length > 0;
    children.push(
      el(
        'details',
        { class: 'sa-more' },
        el('summary', {}, TOPIC_TEXT[lang].more(breakdown ? byBreakdown(info.breakdown ?? '', lang) : null)),
        breakdown
          ? trendFigure(info, index, { geo: PROVINCE, geoName: ontario, by: 'breakdown', lang })
          : null,
        rankingFigure(info, snapshotFigures(info, data.snapshot, data.managers), {
          lang,
          month: info.latest,
          program: 'ALL',
          province: summarize(info, index, PROVINCE).now,
        }),
      ),
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
