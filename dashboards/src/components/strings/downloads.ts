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
  columns: 'Every column of every file',
  columnsIntro:
    'From data-dictionary.csv, which datapackage.json describes the same way: each file’s columns in order, with their type and meaning. A blank means what the last column says.',
  column: 'Column',
  type: 'Type',
  meaning: 'Meaning',
  blank: 'A blank means',
  noDictionary: 'The public outputs this site was built from have no data-dictionary.csv: they predate it.',
  contents: {
    'measures.csv': 'Every measure by month, service manager (ON: Ontario), program and breakdown',
    'measures.parquet': 'The same as measures.csv, in Parquet',
    'funding.csv':
      'Cost sharing, allocations and outcome payments of complete fiscal years (illustrative parameters)',
    'funding_scenario.csv': 'The latest funding scenario against the baseline, for complete fiscal years',
    'data_quality.csv': 'Rows loaded, collapsed and quarantined per delivery and file',
    'checks.csv': 'The checks of the last build and their status',
    'metadata.json': 'As-of month, run, generation time, and every file’s rows and checksum',
    'datapackage.json':
      'A Frictionless data package: every file with its size, checksum and schema (types, codes, keys), in English and French',
    'data-dictionary.csv': 'Every column of every file, in English and French',
    'changes.csv': 'What changed in the figures since the last release, figure by figure',
    'catalogue.json': 'The catalogue entry for a CKAN portal such as the Ontario Data Catalogue',
    'catalogue.jsonld': 'The same catalogue entry as DCAT, for harvesters',
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
  columns: 'Chaque colonne de chaque fichier',
  columnsIntro:
    'Tiré de data-dictionary.csv, que datapackage.json décrit de la même façon : les colonnes de chaque fichier dans l’ordre, avec leur type et leur signification. Un vide signifie ce que dit la dernière colonne.',
  column: 'Colonne',
  type: 'Type',
  meaning: 'Signification',
  blank: 'Un vide signifie',
  noDictionary:
    'Les données publiques à partir desquelles ce site est produit n’ont pas de data-dictionary.csv : elles lui sont antérieures.',
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
    'datapackage.json':
      'Un paquet de données Frictionless : chaque fichier avec sa taille, sa somme de contrôle et son schéma (types, codes, clés), en anglais et en français',
    'data-dictionary.csv': 'Chaque colonne de chaque fichier, en anglais et en français',
    'changes.csv': 'Ce qui a changé dans les chiffres depuis la dernière diffusion, chiffre par chiffre',
    'catalogue.json': 'La fiche de catalogue pour un portail CKAN comme le Catalogue de données de l’Ontario',
    'catalogue.jsonld': 'La même fiche de catalogue en DCAT, pour les moissonneurs',
  },
};

export const DOWNLOADS_TEXT: Record<Lang, typeof en> = { en, fr };
