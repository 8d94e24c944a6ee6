// The downloads page (src/[lang]/downloads.md): the public files as published, with their rows and
// sha256 from metadata.json, and what the columns of measures.csv mean.
import { el, paragraph, section, t } from './dom.js';
import { formatMonth, formatNumber, pick, type Lang, type Text } from './i18n.js';
import { tableView } from './table.js';

interface Metadata {
  as_of_month: string;
  run_id: string;
  generated_at: string;
  version: string;
  files?: Record<string, { rows: number; sha256: string }>;
}

const TEXT = {
  files: { en: 'Files', fr: 'Fichiers' },
  intro: {
    en: 'The public outputs this site is built from, as published: suppressed and rounded (see the methodology), safe to reuse. CSV for spreadsheets, Parquet for analysis tools; metadata.json lists every file with its rows and SHA-256 checksum.',
    fr: 'Les données publiques à partir desquelles ce site est produit, telles que publiées : supprimées et arrondies (voir la méthodologie), réutilisables sans risque. CSV pour les tableurs, Parquet pour les outils d’analyse; metadata.json énumère chaque fichier avec son nombre de lignes et sa somme de contrôle SHA-256.',
  },
  file: { en: 'File', fr: 'Fichier' },
  content: { en: 'Content', fr: 'Contenu' },
  rows: { en: 'Rows', fr: 'Lignes' },
  sha: { en: 'SHA-256', fr: 'SHA-256' },
  stamp: {
    en: (m: Metadata) =>
      `As of ${formatMonth(m.as_of_month, 'en')}; run ${m.run_id}, generated ${m.generated_at}, sa-outcomes ${m.version}.`,
    fr: (m: Metadata) =>
      `Données en date de ${formatMonth(m.as_of_month, 'fr')}; exécution ${m.run_id}, produites le ${m.generated_at}, sa-outcomes ${m.version}.`,
  },
  columns: { en: 'The columns of measures.csv', fr: 'Les colonnes de measures.csv' },
  column: { en: 'Column', fr: 'Colonne' },
  meaning: { en: 'Meaning', fr: 'Signification' },
};

const CONTENTS: Record<string, Text> = {
  'measures.csv': {
    en: 'Every measure by month, service manager (ON: Ontario), program and breakdown',
    fr: 'Chaque mesure par mois, gestionnaire de services (ON : Ontario), programme et ventilation',
  },
  'measures.parquet': {
    en: 'The same as measures.csv, in Parquet',
    fr: 'Le même contenu que measures.csv, en Parquet',
  },
  'funding.csv': {
    en: 'Cost sharing, allocations and outcome payments of complete fiscal years (illustrative parameters)',
    fr: 'Partage des coûts, allocations et paiements liés aux résultats des exercices complets (paramètres illustratifs)',
  },
  'funding_scenario.csv': {
    en: 'The latest funding scenario against the baseline, for complete fiscal years',
    fr: 'Le dernier scénario de financement comparé à la référence, pour les exercices complets',
  },
  'data_quality.csv': {
    en: 'Rows loaded, collapsed and quarantined per delivery and file',
    fr: 'Lignes chargées, fusionnées et en quarantaine par livraison et par fichier',
  },
  'checks.csv': {
    en: 'The checks of the last build and their status',
    fr: 'Les vérifications du dernier traitement et leur statut',
  },
  'metadata.json': {
    en: 'As-of month, run, generation time, and every file’s rows and checksum',
    fr: 'Mois de référence, exécution, date de production, et lignes et somme de contrôle de chaque fichier',
  },
};

const MEASURE_COLUMNS: [string, Text][] = [
  ['measure_id', { en: 'The measure (see the methodology)', fr: 'La mesure (voir la méthodologie)' }],
  ['period', { en: 'The month, YYYY-MM', fr: 'Le mois, AAAA-MM' }],
  [
    'service_manager',
    {
      en: 'The service manager’s code, or ON for Ontario',
      fr: 'Le code du gestionnaire de services, ou ON pour l’Ontario',
    },
  ],
  [
    'program',
    {
      en: 'OW (Ontario Works), ODSP, or ALL (both)',
      fr: 'OW (Ontario au travail), ODSP (POSPH), ou ALL (les deux)',
    },
  ],
  [
    'breakdown',
    {
      en: 'ALL, or one value of the measure’s breakdown',
      fr: 'ALL, ou une valeur de la ventilation de la mesure',
    },
  ],
  [
    'numerator',
    {
      en: 'The count or sum (rounded; empty for averages, medians and unpublished rows)',
      fr: 'Le nombre ou la somme (arrondi; vide pour les moyennes, les médianes et les lignes non publiées)',
    },
  ],
  ['denominator', { en: 'The group or base (rounded)', fr: 'Le groupe ou la base (arrondi)' }],
  [
    'value',
    {
      en: 'The figure: a count, a percentage, an average, a median, dollars or a rate per 100',
      fr: 'Le chiffre : un nombre, un pourcentage, une moyenne, une médiane, des dollars ou un taux pour 100',
    },
  ],
  [
    'status',
    {
      en: 'ok, suppressed (fewer than 10 people), pending (cohort still open) or no_data',
      fr: 'ok, suppressed (moins de 10 personnes), pending (cohorte en cours) ou no_data (aucune donnée)',
    },
  ],
];

/** `files`: each public file's address in the site. */
export function downloadsPage(
  metadata: Metadata,
  files: Record<string, string>,
  { lang }: { lang: Lang },
): HTMLElement {
  const names = Object.keys(files);
  return el(
    'div',
    {},
    section(
      'files',
      t(TEXT.files, lang),
      paragraph(t(TEXT.intro, lang)),
      paragraph(pick(TEXT.stamp, lang)(metadata)),
      tableView(
        names,
        [
          {
            label: t(TEXT.file, lang),
            text: (n) => n,
            rowHeader: true,
            href: (n) => files[n] ?? null,
            download: (n) => n,
          },
          { label: t(TEXT.content, lang), text: (n) => (CONTENTS[n] ? pick(CONTENTS[n], lang) : '') },
          {
            label: t(TEXT.rows, lang),
            numeric: true,
            text: (n) => (metadata.files?.[n] ? formatNumber(metadata.files[n].rows, lang) : '—'),
          },
          { label: t(TEXT.sha, lang), text: (n) => metadata.files?.[n]?.sha256 ?? '—' },
        ],
        t(TEXT.files, lang),
      ),
    ),
    section(
      'columns',
      t(TEXT.columns, lang),
      tableView(
        MEASURE_COLUMNS,
        [
          { label: t(TEXT.column, lang), text: ([c]) => c, rowHeader: true },
          { label: t(TEXT.meaning, lang), text: ([, m]) => pick(m, lang) },
        ],
        t(TEXT.columns, lang),
      ),
    ),
  );
}
