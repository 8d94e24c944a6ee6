// The province overview (src/[lang]/index.md): headline measures for the latest month with their change
// on the year, the trends, and the ranking of service managers on the key outcomes.
import { panelChart } from './line-charts.js';
import { SeriesIndex, type MeasureInfo } from './data.js';
import type { OverviewData } from './page-data.js';
import { el, paragraph, section, select, t } from './dom.js';
import { figure } from './figure.js';
import { formatFigure } from './format.js';
import { formatMonth, ONTARIO, type Lang } from './i18n.js';
import { rankingFigure, snapshotFigures } from './measure-ranking.js';
import { trendFigure } from './measure-trend.js';
import { changeSentence, measureTitle, noDataNote, PROVINCE, summarize } from './measure-views.js';
import { monthColumn } from './table.js';
import { SCHEME } from './vega.js';

const TEXT = {
  headlines: { en: 'The latest month', fr: 'Le dernier mois' },
  headlinesNote: {
    en: 'Each figure is for the latest month whose figure is final (cohort measures wait until their follow-up window has passed), both programs, compared with the same month a year earlier. Published figures are rounded and small counts suppressed, so totals need not add up.',
    fr: 'Chaque chiffre porte sur le dernier mois dont le chiffre est définitif (les mesures de cohorte attendent la fin de leur période de suivi), les deux programmes, comparé au même mois un an plus tôt. Les chiffres publiés sont arrondis et les petits nombres supprimés : les totaux peuvent ne pas concorder.',
  },
  noDataYet: { en: 'no data yet', fr: 'aucune donnée pour l’instant' },
  trends: { en: 'Trends', fr: 'Tendances' },
  ranking: {
    en: 'Service managers on the key outcomes',
    fr: 'Les gestionnaires de services et les principaux résultats',
  },
  rankingNote: {
    en: 'Choose an outcome; the bars are the service managers’ figures for its latest month, best first, with Ontario’s as a dashed line.',
    fr: 'Choisissez un résultat; les barres sont les chiffres des gestionnaires de services pour son dernier mois, du meilleur au moins bon, avec celui de l’Ontario en pointillé.',
  },
  outcome: { en: 'Outcome', fr: 'Résultat' },
  panelsMessage: {
    en: 'Ontario’s headline measures month by month',
    fr: 'Les principales mesures de l’Ontario, mois par mois',
  },
  panelsSubtitle: {
    en: 'Each measure on its own scale, Ontario, both programs, monthly',
    fr: 'Chaque mesure sur sa propre échelle, Ontario, les deux programmes, mensuel',
  },
  measure: { en: 'Measure', fr: 'Mesure' },
  month: { en: 'Month', fr: 'Mois' },
};

function infoById(data: OverviewData): Map<string, MeasureInfo> {
  return new Map(data.measures.map((m) => [m.id, m]));
}

/** One card per headline measure: its figure, month and change on the year, in words. */
export function overviewHeadlines(data: OverviewData, { lang }: { lang: Lang }): HTMLElement {
  const index = new SeriesIndex(data.province);
  const infos = infoById(data);
  const cards = data.headline.flatMap((id) => {
    const info = infos.get(id);
    if (!info) return [];
    if (!info.latest)
      return [
        el(
          'div',
          { class: 'sa-card sa-card-empty' },
          el('h3', {}, measureTitle(info, lang)),
          el('p', { class: 'sa-card-value' }, t(TEXT.noDataYet, lang)),
        ),
      ];
    const s = summarize(info, index, PROVINCE);
    return [
      el(
        'div',
        { class: `sa-card${s.verdict ? ` sa-${s.verdict}` : ''}` },
        el('h3', {}, measureTitle(info, lang)),
        el('p', { class: 'sa-card-value' }, formatFigure(info, s.now, lang)),
        el('p', { class: 'sa-card-month' }, formatMonth(info.latest, lang)),
        el('p', { class: 'sa-card-change' }, changeSentence(info, s, lang)),
      ),
    ];
  });
  return section(
    'latest',
    t(TEXT.headlines, lang),
    paragraph(t(TEXT.headlinesNote, lang)),
    el('div', { class: 'sa-cards' }, ...cards),
  );
}

/** The caseload by program, then the other headline measures as small multiples. */
export function overviewTrends(data: OverviewData, { lang }: { lang: Lang }): HTMLElement {
  const index = new SeriesIndex(data.province);
  const infos = infoById(data);
  const ontario = t(ONTARIO, lang);
  const caseload = infos.get('caseload');
  const others = data.headline
    .map((id) => infos.get(id))
    .filter((i): i is MeasureInfo => i !== undefined && i.id !== 'caseload' && i.latest !== null);
  const panels = others.map((i) => measureTitle(i, lang));
  const points = others.flatMap((info) =>
    index.points(index.get(info.id, PROVINCE)).map(({ period, figure }) => ({
      panel: measureTitle(info, lang),
      period,
      series: ontario,
      value: figure.status === 'ok' ? figure.value : null,
      shown: formatFigure(info, figure, lang),
    })),
  );
  const message = t(TEXT.panelsMessage, lang);
  const subtitle = t(TEXT.panelsSubtitle, lang);
  const description = others
    .map(
      (info) =>
        `${measureTitle(info, lang)}: ${formatFigure(info, summarize(info, index, PROVINCE).now, lang)} (${formatMonth(info.latest ?? '', lang)}), ${changeSentence(info, summarize(info, index, PROVINCE), lang)}.`,
    )
    .join(' ');
  return section(
    'trends',
    t(TEXT.trends, lang),
    caseload
      ? caseload.latest
        ? trendFigure(caseload, index, { geo: PROVINCE, geoName: ontario, by: 'program', lang })
        : noDataNote(lang)
      : null,
    others.length > 0 &&
      figure(index.periods, {
        chart: panelChart,
        plot: () => ({
          points,
          panels,
          order: [ontario],
          colors: [SCHEME.ALL],
        }),
        message,
        subtitle,
        description,
        columns: [
          monthColumn(lang, (p) => p),
          ...others.map((info) => ({
            label: measureTitle(info, lang),
            numeric: true,
            text: (p: string) => formatFigure(info, index.figure(index.get(info.id, PROVINCE), p), lang),
            status: (p: string) => index.figure(index.get(info.id, PROVINCE), p).status,
          })),
        ],
        csv: {
          filename: 'sa-outcomes-ontario-headline-measures.csv',
          columns: {
            month: (p) => p,
            ...Object.fromEntries(
              others.map((info) => {
                const f = (p: string) => index.figure(index.get(info.id, PROVINCE), p);
                return [info.id, (p: string) => (f(p).status === 'ok' ? f(p).value : null)];
              }),
            ),
          },
        },
        lang,
      }),
  );
}

/** A chooser of key outcomes and the ranking of managers on the chosen one. */
export function overviewRanking(data: OverviewData, { lang }: { lang: Lang }): HTMLElement {
  const index = new SeriesIndex(data.province);
  const infos = infoById(data);
  const outcomes = data.ranking.map((id) => infos.get(id)).filter((i): i is MeasureInfo => i !== undefined);
  const slot = el('div', { class: 'sa-ranking' });
  const show = (id: string) => {
    const info = infos.get(id);
    if (!info) return;
    slot.replaceChildren(
      info.latest
        ? rankingFigure(info, snapshotFigures(info, data.snapshot, data.managers), {
            lang,
            month: info.latest,
            program: 'ALL',
            province: summarize(info, index, PROVINCE).now,
          })
        : noDataNote(lang),
    );
  };
  const first = outcomes.find((i) => i.latest) ?? outcomes[0];
  if (first) show(first.id);
  return section(
    'ranking',
    t(TEXT.ranking, lang),
    paragraph(t(TEXT.rankingNote, lang)),
    select(
      t(TEXT.outcome, lang),
      outcomes.map((i) => ({ value: i.id, label: measureTitle(i, lang) })),
      first?.id ?? '',
      show,
    ),
    slot,
  );
}
