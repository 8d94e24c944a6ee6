// The words of the downloads page (src/[lang]/downloads.md.ts).
// The French is typed as the English: a French entry missing, or one too many, fails the typecheck.
import type { Metadata } from '../downloads.js';
import { formatMonth, type Lang } from '../i18n.js';

const en = {
  files: 'Files',
  intro:
    'The public outputs this site is built from, as published: suppressed and rounded (see the methodology), safe to reuse. CSV for spreadsheets, Parquet for analysis tools; metadata.json lists every file with its rows and SHA-256 checksum.',
  file: 'File',
  content: 'Content',
  rows: 'Rows',
  sha: 'SHA-256',
  stamp: (m: Metadata) =>
    `As of ${formatMonth(m.as_of_month, 'en')}; run ${m.run_id}, generated ${m.generated_at}, sa-outcomes ${m.version}.`,
  columns: 'The columns of measures.csv',
  column: 'Column',
  meaning: 'Meaning',
  contents: {
    'measures.csv': 'Every measure by month, service manager (ON: Ontario), program and breakdown',
    'measures.parquet': 'The same as measures.csv, in Parquet',
    'funding.csv':
      'Cost sharing, allocations and outcome payments of complete fiscal years (illustrative parameters)',
    'funding_scenario.csv': 'The latest funding scenario against the baseline, for complete fiscal years',
    'data_quality.csv': 'Rows loaded, collapsed and quarantined per delivery and file',
    'checks.csv': 'The checks of the last build and their status',
    'metadata.json': 'As-of month, run, generation time, and every file’s rows and checksum',
  },
  measureColumns: {
    measure_id: 'The measure (see the methodology)',
    period: 'The month, YYYY-MM',
    service_manager: 'The service manager’s code, or ON for Ontario',
    program: 'OW (Ontario Works), ODSP, or ALL (both)',
    breakdown: 'ALL, or one value of the measure’s breakdown',
    numerator: 'The count or sum (rounded; empty for averages, medians and unpublished rows)',
    denominator: 'The group or base (rounded)',
    value: 'The figure: a count, a percentage, an average, a median, dollars or a rate per 100',
    status: 'ok, suppressed (fewer than 10 people), pending (cohort still open) or no_data',
  },
};

const fr: typeof en = {
  files: 'Fichiers',
  intro:
    'Les données publiques à partir desquelles ce site est produit, telles que publiées : supprimées et arrondies (voir la méthodologie), réutilisables sans risque. CSV pour les tableurs, Parquet pour les outils d’analyse; metadata.json énumère chaque fichier avec son nombre de lignes et sa somme de contrôle SHA-256.',
  file: 'Fichier',
  content: 'Contenu',
  rows: 'Lignes',
  sha: 'SHA-256',
  stamp: (m: Metadata) =>
    `Données en date de ${formatMonth(m.as_of_month, 'fr')}; exécution ${m.run_id}, produites le ${m.generated_at}, sa-outcomes ${m.version}.`,
  columns: 'Les colonnes de measures.csv',
  column: 'Colonne',
  meaning: 'Signification',
  contents: {
    'measures.csv':
      'Chaque mesure par mois, gestionnaire de services (ON : Ontario), programme et ventilation',
    'measures.parquet': 'Le même contenu que measures.csv, en Parquet',
    'funding.csv':
      'Partage des coûts, allocations et paiements liés aux résultats des exercices complets (paramètres illustratifs)',
    'funding_scenario.csv':
      'Le dernier scénario de financement comparé à la référence, pour les exercices complets',
    'data_quality.csv': 'Lignes chargées, fusionnées et en quarantaine par livraison et par fichier',
    'checks.csv': 'Les vérifications du dernier traitement et leur statut',
    'metadata.json':
      'Mois de référence, exécution, date de production, et lignes et somme de contrôle de chaque fichier',
  },
  measureColumns: {
    measure_id: 'La mesure (voir la méthodologie)',
    period: 'Le mois, AAAA-MM',
    service_manager: 'Le code du gestionnaire de services, ou ON pour l’Ontario',
    program: 'OW (Ontario au travail), ODSP (POSPH), ou ALL (les deux)',
    breakdown: 'ALL, ou une valeur de la ventilation de la mesure',
    numerator:
      'Le nombre ou la somme (arrondi; vide pour les moyennes, les médianes et les lignes non publiées)',
    denominator: 'Le groupe ou la base (arrondi)',
    value:
      'Le chiffre : un nombre, un pourcentage, une moyenne, une médiane, des dollars ou un taux pour 100',
    status: 'ok, suppressed (moins de 10 personnes), pending (cohorte en cours) ou no_data (aucune donnée)',
  },
};

export const DOWNLOADS_TEXT: Record<Lang, typeof en> = { en, fr };
