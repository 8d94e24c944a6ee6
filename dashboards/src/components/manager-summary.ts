// The first page of a service manager's council report (src/[lang]/managers/[code].md): the figures that
// matter most, each in a sentence with its change on the year and Ontario's figure, and, for a manager whose
// figures are mostly suppressed, one plain sentence saying so. The words are in strings/manager.ts.
import { comparesAcrossPlaces, type Figure, type MeasureInfo, type SeriesIndex } from './data.js';
import type { ManagerData } from './page-data.js';
import { el } from './dom.js';
import { formatFigure } from './format.js';
import { formatMonth, formatPercent, pick, type Lang } from './i18n.js';
import { completenessRows, completenessShares } from './manager-trends.js';
import { changeSentence, measureTitle, PROVINCE, summarize } from './measure-views.js';
import { REPORT_MEASURES } from './site.js';
import { MANAGER_TEXT } from './strings/manager.js';

/** Below this share (%) of its monthly figures published, the report says once that most are not. */
const MOSTLY_SHOWN = 50;

/** One sentence on one measure: the manager's figure and change where published, and Ontario's. */
function measureSentence(info: MeasureInfo, data: ManagerData, index: SeriesIndex, lang: Lang): string {
  const t = MANAGER_TEXT[lang];
  const own = summarize(info, index, data.manager.code);
  const province = summarize(info, index, PROVINCE);
  const month = formatMonth(info.latest ?? '', lang);
  const figure = (f: Figure) => formatFigure(info, f, lang);
  const title = measureTitle(info, lang);
  // A count or total of Ontario's is the sum over all managers: its trend compares, its size does not.
  const ontario = comparesAcrossPlaces(info.kind)
    ? t.ontarioIs(figure(province.now))
    : t.ontarioTrend(changeSentence(info, province, lang));
  if (own.now.status === 'ok')
    return t.ownSentence(title, figure(own.now), month, changeSentence(info, own, lang), ontario);
  const status = own.now.status === 'suppressed' ? t.suppressedInSentence : figure(own.now);
  return t.notShownSentence(title, status, month, ontario);
}

/** The summary: as of when, what is suppressed, and one sentence for each of the report's measures. */
export function managerReportSummary(
  data: ManagerData,
  index: SeriesIndex,
  { lang }: { lang: Lang },
): HTMLElement {
  const t = MANAGER_TEXT[lang];
  const m = data.manager;
  const infos = REPORT_MEASURES.flatMap((id) => data.measures.filter((i) => i.id === id && i.latest));
  const shares = completenessShares(completenessRows(data, index));
  return el(
    'div',
    { class: 'sa-report-summary' },
    el('p', {}, t.summaryLead(pick(m.name, lang))),
    el(
      'p',
      {},
      t.publishedShare(formatPercent(shares.published, lang, 0), formatPercent(shares.suppressed, lang, 0)),
      shares.published < MOSTLY_SHOWN ? ` ${t.mostlyNotShown}` : '',
    ),
    infos.length === 0
      ? el('p', {}, t.noDataYet)
      : el('ul', {}, ...infos.map((info) => el('li', {}, measureSentence(info, data, index, lang)))),
  );
}
