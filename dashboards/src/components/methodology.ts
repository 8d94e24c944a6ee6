// The methodology page (src/[lang]/methodology.md): every measure's registry entry, the disclosure control
// applied to the public figures, the funding parameters (illustrative) and the as-of stamp.
import type { MeasureEntry, MethodologyData } from './page-data.js';
import { el, foreign, paragraph, section, t } from './dom.js';
import { formatFiscalYear, formatMonth, pick, type Lang, type Text } from './i18n.js';
import { tableView } from './table.js';
import { sitePath, siteHref } from './site.js';

const TEXT = {
  stamp: { en: 'As of', fr: 'État des données' },
  stampText: {
    en: (month: string, run: string, at: string, version: string) =>
      `The figures run to ${month}: public outputs of run ${run}, generated ${at}, sa-outcomes ${version}.`,
    fr: (month: string, run: string, at: string, version: string) =>
      `Les chiffres vont jusqu’à ${month} : données publiques de l’exécution ${run}, produites le ${at}, sa-outcomes ${version}.`,
  },
  disclosure: { en: 'How small numbers are protected', fr: 'Protection des petits nombres' },
  kind: { en: 'Kind', fr: 'Type' },
  better: { en: 'Better', fr: 'Préférable' },
  breakdown: { en: 'Broken down by', fr: 'Ventilée par' },
  cohort: { en: 'Follow-up window', fr: 'Période de suivi' },
  definition: { en: 'Exact definition', fr: 'Définition exacte' },
  definitionInEnglish: { en: '', fr: ' (en anglais, telle que calculée)' },
  caveats: { en: 'Caveats', fr: 'Mises en garde' },
  latest: { en: 'Latest final month', fr: 'Dernier mois définitif' },
  noDataYet: { en: 'No data yet: not published.', fr: 'Aucune donnée pour l’instant : non publiée.' },
  up: { en: 'higher', fr: 'plus élevé' },
  down: { en: 'lower', fr: 'plus bas' },
  neither: { en: 'neither direction', fr: 'aucune direction' },
  none: { en: 'none (all only)', fr: 'aucune (total seulement)' },
  days: { en: 'days', fr: 'jours' },
  noWindow: { en: 'none', fr: 'aucune' },
  funding: { en: 'Funding parameters', fr: 'Paramètres de financement' },
  illustrative: {
    en: 'Illustrative. The Province’s new funding model is not public: these parameters are the project’s illustrative defaults, kept in versioned files (data/reference/funding/). A year without its own file uses the nearest earlier year’s, else default.json. The mechanics are exact; the parameters are policy.',
    fr: 'Illustratifs. Le nouveau modèle de financement de la Province n’est pas public : ces paramètres sont les valeurs illustratives du projet, conservées dans des fichiers versionnés (data/reference/funding/). Un exercice sans fichier propre utilise celui de l’exercice antérieur le plus proche, sinon default.json. Les mécanismes sont exacts; les paramètres relèvent des politiques.',
  },
  noFunding: {
    en: 'Funding has not been computed yet: the public metadata lists no funding parameters.',
    fr: 'Le financement n’a pas encore été calculé : les métadonnées publiques n’énumèrent aucun paramètre de financement.',
  },
  notIllustrative: {
    en: 'The parameters behind the published funding figures, by fiscal year (data/reference/funding/).',
    fr: 'Les paramètres des chiffres de financement publiés, par exercice (data/reference/funding/).',
  },
  parameter: { en: 'Parameter', fr: 'Paramètre' },
  value: { en: 'Value', fr: 'Valeur' },
  file: { en: 'File', fr: 'Fichier' },
  statuses: { en: 'What the figures’ statuses mean', fr: 'Signification des statuts des chiffres' },
  seeDownloads: {
    en: 'The files and their columns are described on the downloads page.',
    fr: 'Les fichiers et leurs colonnes sont décrits à la page des téléchargements.',
  },
};

/** The disclosure rules of measures.md, in both languages. */
const DISCLOSURE: Text[] = [
  {
    en: 'Published figures about few people could identify them, and exact figures can be subtracted from one another (a province total minus the other managers, an "all" row minus the other breakdown values, both programs minus Ontario Works). So every public figure goes through two steps; the figures for ministry analysts are kept exact and are not on this site.',
    fr: 'Des chiffres publiés sur peu de personnes pourraient permettre de les identifier, et des chiffres exacts peuvent être soustraits les uns des autres (un total provincial moins les autres gestionnaires, une ligne « tous » moins les autres valeurs, les deux programmes moins Ontario au travail). Chaque chiffre public passe donc par deux étapes; les chiffres destinés aux analystes du ministère restent exacts et ne figurent pas sur ce site.',
  },
  {
    en: '1. Suppression. A count is suppressed when it is 1 to 9; a rate per 100 when its count or its base is 1 to 9; a percentage when the group, the number meeting the condition or the number not meeting it is 1 to 9; an average, median or dollar total when it is about 1 to 9 units. A suppressed figure reads “suppressed” — never 0.',
    fr: '1. Suppression. Un nombre est supprimé lorsqu’il est de 1 à 9; un taux pour 100 lorsque son nombre ou sa base est de 1 à 9; un pourcentage lorsque le groupe, le nombre qui remplit la condition ou celui qui ne la remplit pas est de 1 à 9; une moyenne, une médiane ou un total en dollars lorsqu’il porte sur 1 à 9 unités. Un chiffre supprimé se lit « supprimé » — jamais 0.',
  },
  {
    en: '2. Rounding. Every other count of people is rounded to the nearest 5 (12 → 10, 13 → 15) and dollar totals to the nearest $100, half away from zero; percentages and rates per 100 are recomputed from the rounded counts; the sum behind an average is not published; averages and medians keep their value. Ontario’s figures are rounded like the others, so totals need not add up.',
    fr: '2. Arrondi. Tout autre nombre de personnes est arrondi au multiple de 5 le plus proche (12 → 10, 13 → 15) et les totaux en dollars à la centaine de dollars la plus proche, la moitié s’éloignant de zéro; les pourcentages et les taux pour 100 sont recalculés à partir des nombres arrondis; la somme derrière une moyenne n’est pas publiée; les moyennes et les médianes gardent leur valeur. Les chiffres de l’Ontario sont arrondis comme les autres : les totaux peuvent ne pas concorder.',
  },
  {
    en: 'Funding amounts describe institutions, not people, and are published exactly — except the counts of outcome milestones by stream, treated as counts above, and outcome payments, suppressed when the manager reached 1 to 9 milestones in the year and otherwise rounded to the nearest ten milestones’ worth.',
    fr: 'Les montants de financement décrivent des institutions, non des personnes, et sont publiés exactement — sauf les nombres de jalons de résultats par volet, traités comme les nombres ci-dessus, et les paiements liés aux résultats, supprimés lorsque le gestionnaire a atteint de 1 à 9 jalons dans l’exercice et sinon arrondis à la valeur de dix jalons la plus proche.',
  },
  {
    en: 'Funding is published for complete fiscal years only (April to March), with the allocations computed from them. A year still under way is recomputed every month, so two releases subtracted would give one month’s exact figures away — its caseload and its dollars, for months whose measures are suppressed too.',
    fr: 'Le financement n’est publié que pour les exercices complets (d’avril à mars), avec les allocations calculées à partir de ceux-ci. Un exercice en cours est recalculé chaque mois : la différence entre deux publications révélerait les chiffres exacts d’un mois — son nombre de dossiers et ses montants, y compris pour des mois dont les mesures sont supprimées.',
  },
];

const STATUSES: [string, Text][] = [
  ['ok', { en: 'published (rounded)', fr: 'publié (arrondi)' }],
  ['suppressed', { en: 'fewer than 10 people: not published', fr: 'moins de 10 personnes : non publié' }],
  [
    'pending',
    {
      en: 'a cohort whose follow-up window has not passed yet',
      fr: 'une cohorte dont la période de suivi n’est pas terminée',
    },
  ],
  ['no_data', { en: 'nothing to count that month', fr: 'rien à compter ce mois-là' }],
];

function measureEntry(m: MeasureEntry, data: MethodologyData, lang: Lang): HTMLElement {
  const row = (label: string, value: Node | string) => [el('dt', {}, label), el('dd', {}, value)];
  const kind = data.kinds[m.kind];
  return el(
    'article',
    { class: 'sa-measure-entry', id: `m-${m.id}`, 'aria-labelledby': `h-${m.id}` },
    el('h3', { id: `h-${m.id}` }, pick(m.title, lang), ' ', el('code', {}, m.id)),
    paragraph(pick(m.description, lang)),
    el(
      'dl',
      {},
      ...row(t(TEXT.kind, lang), kind ? pick(kind, lang) : m.kind),
      ...row(t(TEXT.better, lang), t(TEXT[m.better], lang)),
      ...row(t(TEXT.breakdown, lang), m.breakdown ? m.breakdown.replace(/_/g, ' ') : t(TEXT.none, lang)),
      ...row(
        t(TEXT.cohort, lang),
        m.cohortDays === null ? t(TEXT.noWindow, lang) : `${m.cohortDays} ${t(TEXT.days, lang)}`,
      ),
      ...row(
        `${t(TEXT.definition, lang)}${t(TEXT.definitionInEnglish, lang)}`,
        lang === 'fr' ? foreign(m.definition, 'en') : m.definition,
      ),
      ...row(t(TEXT.caveats, lang), pick(m.caveats, lang)),
      ...row(t(TEXT.latest, lang), m.latest ? formatMonth(m.latest, lang) : t(TEXT.noDataYet, lang)),
    ),
  );
}

function fundingSection(data: MethodologyData, lang: Lang): HTMLElement {
  const years = Object.keys(data.funding?.by_fiscal_year ?? {}).sort();
  const names = [...new Set(years.flatMap((fy) => Object.keys(data.funding?.by_fiscal_year[fy] ?? {})))];
  const cell = (fy: string, name: string) => {
    const v = data.funding?.by_fiscal_year[fy]?.[name];
    return Array.isArray(v) ? v.join(', ') : v === undefined ? '—' : String(v);
  };
  return section(
    'funding-parameters',
    t(TEXT.funding, lang),
    el(
      'p',
      { class: 'sa-illustrative' },
      t(data.funding?.illustrative === false ? TEXT.notIllustrative : TEXT.illustrative, lang),
    ),
    years.length === 0
      ? paragraph(t(TEXT.noFunding, lang), 'sa-no-data-note')
      : tableView(
          names,
          [
            { label: t(TEXT.parameter, lang), text: (n) => n, rowHeader: true },
            ...years.map((fy) => ({ label: formatFiscalYear(fy, lang), text: (n: string) => cell(fy, n) })),
          ],
          `${t(TEXT.funding, lang)}${data.funding?.illustrative === false ? '' : ` — ${lang === 'fr' ? 'illustratifs' : 'illustrative'}`}`,
        ),
  );
}

export function methodologyPage(data: MethodologyData, { lang }: { lang: Lang }): HTMLElement {
  const m = data.metadata;
  const groups = Object.entries(data.groups).map(([id, title]) =>
    section(
      `g-${id}`,
      pick(title, lang),
      ...data.measures.filter((x) => x.group === id).map((x) => measureEntry(x, data, lang)),
    ),
  );
  return el(
    'div',
    {},
    section(
      'as-of',
      t(TEXT.stamp, lang),
      paragraph(
        pick(TEXT.stampText, lang)(formatMonth(m.as_of_month, lang), m.run_id, m.generated_at, m.version),
      ),
    ),
    section(
      'disclosure',
      t(TEXT.disclosure, lang),
      ...DISCLOSURE.map((d) => paragraph(pick(d, lang))),
      el('h3', {}, t(TEXT.statuses, lang)),
      el(
        'dl',
        {},
        ...STATUSES.flatMap(([s, text]) => [el('dt', {}, el('code', {}, s)), el('dd', {}, pick(text, lang))]),
      ),
      el('p', {}, el('a', { href: siteHref(sitePath(lang, 'downloads')) }, t(TEXT.seeDownloads, lang))),
    ),
    ...groups,
    fundingSection(data, lang),
  );
}
