// The compare page (src/[lang]/compare.md.ts): any measure across all service managers for any month and
// program. The choice is kept in the address (?measure=…&month=…&program=…) so a view can be shared.
import { SeriesIndex, yearBefore, changeOnYear, type CompareData, type Figure } from './data.js';
import { el, paragraph, select, t } from './dom.js';
import { barChart, type Bar } from './charts.js';
import { chartFigure } from './figure.js';
import { axisFormat, formatChange, formatFigure } from './format.js';
import { formatMonth, formatNumber, pick, programName, PROGRAMS, type Lang, type Text } from './i18n.js';
import { managerPath, siteHref } from './site.js';
import { noDataNote, PROVINCE } from './measure-views.js';
import { tableView } from './table.js';

interface Choice {
  id: string;
  group: Text | undefined;
  title: Text;
}

/** A FileAttachment, as far as this page uses it. */
interface Attachment {
  json(): Promise<unknown>;
}

const TEXT = {
  intro: {
    en: 'Choose a measure, a month and a program: every service manager’s figure, ranked, with Ontario’s as a dashed line. Unpublished figures are written out, never drawn as zero.',
    fr: 'Choisissez une mesure, un mois et un programme : le chiffre de chaque gestionnaire de services, par ordre, avec celui de l’Ontario en pointillé. Les chiffres non publiés sont écrits en toutes lettres, jamais tracés comme zéro.',
  },
  measure: { en: 'Measure', fr: 'Mesure' },
  month: { en: 'Month', fr: 'Mois' },
  program: { en: 'Program', fr: 'Programme' },
  manager: { en: 'Service manager', fr: 'Gestionnaire de services' },
  type: { en: 'Type', fr: 'Type' },
  region: { en: 'Region', fr: 'Région' },
  rank: { en: 'Rank', fr: 'Rang' },
  change: { en: 'Change on the year', fr: 'Variation sur un an' },
  loading: { en: 'Loading…', fr: 'Chargement…' },
};

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
    slot.textContent = t(TEXT.loading, lang);
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
        t(TEXT.measure, lang),
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
        t(TEXT.month, lang),
        [...periods].reverse().map((p) => ({ value: p, label: formatMonth(p, lang) })),
        state.month,
        (v) => {
          state.month = v;
          void render();
        },
      ),
      select(
        t(TEXT.program, lang),
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
  return el('div', {}, paragraph(t(TEXT.intro, lang)), controls, slot);
}

function figure(
  data: CompareData,
  index: SeriesIndex,
  month: string,
  program: string,
  lang: Lang,
): HTMLElement {
  const info = data.measure;
  const title = pick(info.title, lang);
  const since = yearBefore(month);
  const lowFirst = info.better === 'down';
  const rows = data.managers
    .map((m) => {
      const series = index.get(info.id, m.code, program);
      const now = index.figure(series, month);
      const before = index.figure(series, since);
      return { m, now, change: changeOnYear(info.kind, now, before, since) };
    })
    .sort((a, b) => {
      const va = a.now.status === 'ok' ? a.now.value : null;
      const vb = b.now.status === 'ok' ? b.now.value : null;
      if (va === null || vb === null)
        return va === null ? (vb === null ? a.m.name.localeCompare(b.m.name) : 1) : -1;
      return lowFirst ? va - vb : vb - va;
    });
  const province: Figure = index.figure(index.get(info.id, PROVINCE, program), month);
  const published = rows.filter((r) => r.now.status === 'ok');
  const first = published[0];
  const last = published[published.length - 1];
  const message =
    first && last && first !== last
      ? lang === 'fr'
        ? `${title} : de ${formatFigure(info, first.now, lang)} (${first.m.name}) à ${formatFigure(info, last.now, lang)} (${last.m.name})`
        : `${title}: from ${formatFigure(info, first.now, lang)} (${first.m.name}) to ${formatFigure(info, last.now, lang)} (${last.m.name})`
      : title;
  const subtitle = `${title}, ${programName(program, lang)}, ${lang === 'fr' ? 'par gestionnaire de services' : 'by service manager'}, ${formatMonth(month, lang)}`;
  const counts = {
    suppressed: rows.filter((r) => r.now.status === 'suppressed').length,
    pending: rows.filter((r) => r.now.status === 'pending').length,
  };
  const description =
    lang === 'fr'
      ? `${published.length} gestionnaires ont un chiffre publié, ${counts.suppressed} sont supprimés, ${counts.pending} en attente. Ontario : ${formatFigure(info, province, lang)}.`
      : `${published.length} managers have a published figure, ${counts.suppressed} are suppressed, ${counts.pending} pending. Ontario: ${formatFigure(info, province, lang)}.`;
  const bars: Bar[] = rows.map((r) => ({
    label: r.m.name,
    value: r.now.status === 'ok' ? r.now.value : null,
    shown: formatFigure(info, r.now, lang),
  }));
  return chartFigure({
    chart: (width) =>
      barChart(
        {
          message,
          subtitle,
          description,
          bars,
          xTitle: title,
          xFormat: axisFormat(info),
          lang,
          reference:
            province.status === 'ok' &&
            province.value !== null &&
            info.kind !== 'count' &&
            info.kind !== 'total'
              ? { value: province.value, label: `Ontario ${formatFigure(info, province, lang)}` }
              : null,
        },
        width,
      ),
    description,
    table: tableView(
      rows,
      [
        {
          label: t(TEXT.rank, lang),
          numeric: true,
          text: (r) => (published.includes(r) ? formatNumber(published.indexOf(r) + 1, lang) : '—'),
        },
        {
          label: t(TEXT.manager, lang),
          text: (r) => r.m.name,
          rowHeader: true,
          href: (r) => siteHref(managerPath(lang, r.m.code)),
        },
        { label: t(TEXT.type, lang), text: (r) => r.m.type },
        { label: t(TEXT.region, lang), text: (r) => r.m.region },
        {
          label: title,
          numeric: true,
          text: (r) => formatFigure(info, r.now, lang),
          status: (r) => r.now.status,
        },
        { label: t(TEXT.change, lang), numeric: true, text: (r) => formatChange(r.change, lang) },
      ],
      subtitle,
    ),
    csv: {
      rows: rows.map((r) => ({
        measure_id: info.id,
        period: month,
        service_manager: r.m.code,
        program,
        value: r.now.status === 'ok' ? r.now.value : null,
        status: r.now.status ?? 'no_data',
      })),
      filename: `sa-outcomes-${info.id}-${program}-${month}.csv`,
    },
    lang,
  });
}
