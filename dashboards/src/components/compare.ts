// The compare page (src/[lang]/compare.md.ts): any measure across all service managers for any month and
// program. The choice is kept in the address (?measure=…&month=…&program=…) so a view can be shared.
import { SeriesIndex, yearBefore } from './data.js';
import type { CompareData } from './page-data.js';
import { el, paragraph, select } from './dom.js';
import { formatMonth, pick, programName, PROGRAMS, type Lang, type Text } from './i18n.js';
import { rankingFigure } from './measure-ranking.js';
import { noDataNote, PROVINCE } from './measure-views.js';
import { COMPARE_TEXT } from './strings/compare.js';

interface Choice {
  id: string;
  group: Text | undefined;
  title: Text;
}

/** A FileAttachment, as far as this page uses it. */
interface Attachment {
  json(): Promise<unknown>;
}

export async function comparePage(
  files: Record<string, Attachment>,
  measures: readonly Choice[],
  { lang }: { lang: Lang },
): Promise<HTMLElement> {
  const params = new URLSearchParams(location.search);
  const state = {
    measure: params.get('measure') ?? measures.find((m) => m.id === 'caseload')?.id ?? measures[0]?.id ?? '',
    month: params.get('month') ?? '',
    program: params.get('program') ?? 'ALL',
  };
  if (!files[state.measure]) state.measure = measures[0]?.id ?? '';
  const cache = new Map<string, Promise<CompareData>>();
  const load = (id: string) => {
    let p = cache.get(id);
    if (!p) cache.set(id, (p = files[id]!.json() as Promise<CompareData>));
    return p;
  };

  const controls = el('div', { class: 'sa-controls' });
  const slot = el('div', { 'aria-live': 'polite' });
  const render = async () => {
    slot.textContent = COMPARE_TEXT[lang].loading;
    const data = await load(state.measure);
    const index = new SeriesIndex(data.series);
    const periods = index.periods.filter((p) =>
      data.series.series.some((s) => s.status[index.periods.indexOf(p)] !== '-'),
    );
    if (!periods.includes(state.month))
      state.month = data.measure.latest ?? periods[periods.length - 1] ?? '';
    history.replaceState(null, '', `?${new URLSearchParams(state).toString()}`);
    controls.replaceChildren(
      select(
        COMPARE_TEXT[lang].measure,
        measures.map((m) => ({
          value: m.id,
          label: pick(m.title, lang),
          group: m.group ? pick(m.group, lang) : undefined,
        })),
        state.measure,
        (v) => {
          state.measure = v;
          void render();
        },
      ),
      select(
        COMPARE_TEXT[lang].month,
        [...periods].reverse().map((p) => ({ value: p, label: formatMonth(p, lang) })),
        state.month,
        (v) => {
          state.month = v;
          void render();
        },
      ),
      select(
        COMPARE_TEXT[lang].program,
        PROGRAMS.map((p) => ({ value: p, label: programName(p, lang) })),
        state.program,
        (v) => {
          state.program = v;
          void render();
        },
      ),
    );
    slot.replaceChildren(
      data.measure.latest ? figure(data, index, state.month, state.program, lang) : noDataNote(lang),
    );
  };
  await render();
  return el('div', {}, paragraph(COMPARE_TEXT[lang].intro), controls, slot);
}

function figure(
  data: CompareData,
  index: SeriesIndex,
  month: string,
  program: string,
  lang: Lang,
): HTMLElement {
  const info = data.measure;
  const since = yearBefore(month);
  const figures = data.managers.map((manager) => {
    const series = index.get(info.id, manager.code, program);
    return { manager, now: index.figure(series, month), before: index.figure(series, since) };
  });
  const province = index.figure(index.get(info.id, PROVINCE, program), month);
  return rankingFigure(info, figures, { lang, month, program, province });
}
