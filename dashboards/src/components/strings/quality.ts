// The words of the data quality page (src/[lang]/data-quality.md).
// The French is typed as the English: a French entry missing, or one too many, fails the typecheck.
import type { Lang } from '../i18n.js';

const en = {
  freshness: 'Freshness',
  freshnessText: (month: string, date: string, run: string, version: string, behind: number | null) =>
    `The data run to ${month}. They were published on ${date} (run ${run}, version ${version})${behind === null ? '' : `, ${behind} month${behind === 1 ? '' : 's'} after the as-of month`}.`,
  notPublished:
    'The public outputs this site was built from have no data-quality files (data_quality.csv, checks.csv); they are written by every publication since they were introduced.',
  deliveries: 'Deliveries',
  deliveriesMessage: (read: string, deliveries: number, quarantined: string, incomplete: number) =>
    `${read} rows read in ${deliveries} deliveries; ${quarantined} quarantined; ${incomplete} incomplete month${incomplete === 1 ? '' : 's'}`,
  deliveriesSubtitle: 'Rows loaded, collapsed and quarantined, by monthly delivery (⚠: incomplete delivery)',
  deliveriesNote:
    'Every row of every file is loaded (a new or changed record), collapsed (an exact duplicate, or identical to the version already loaded) or quarantined with its reasons. A delivery is incomplete when a file was rejected whole or a contract table is missing; its month is flagged.',
  files: 'Files of a delivery',
  delivery: 'Delivery',
  table: 'Table',
  status: 'Status',
  fileCount: 'Files',
  read: 'Rows read',
  loaded: 'Loaded',
  collapsed: 'Collapsed',
  quarantined: 'Quarantined',
  reasons: 'Still quarantined, by reason',
  error: 'File error',
  complete: 'Complete',
  incomplete: 'Incomplete',
  yes: 'yes',
  incompleteMonths: 'Incomplete months',
  noneIncomplete: 'Every delivery is complete.',
  checks: 'Checks of the last build',
  checksNote:
    'Each check is a query that returns the rows breaking a rule; none returned passes. A blocking check that fails stops publication, so a published site has none failing; warnings are published with the figures.',
  check: 'Check',
  severity: 'Severity',
  failures: 'Failing rows',
  rows: 'Rows',
  skipped: '(file not in the contract)',
  words: {
    loaded: 'loaded',
    restated: 'restated',
    rejected: 'rejected',
    skipped: 'skipped',
    pass: 'pass',
    fail: 'FAILED',
    error: 'ERROR',
    blocking: 'blocking',
    warning: 'warning',
    MISSING_REQUIRED: 'missing required value',
    BAD_TYPE: 'bad type',
    BAD_CODE: 'unknown code',
    RULE_VIOLATION: 'rule violation',
    KEY_CONFLICT: 'key conflict',
    UNKNOWN_CASE: 'unknown case (retried)',
  },
};

const fr: typeof en = {
  freshness: 'Fraîcheur',
  freshnessText: (month: string, date: string, run: string, version: string, behind: number | null) =>
    `Les données vont jusqu’à ${month}. Elles ont été publiées le ${date} (exécution ${run}, version ${version})${behind === null ? '' : `, ${behind} mois après la fin du mois de référence`}.`,
  notPublished:
    'Les données publiques à partir desquelles ce site a été produit ne contiennent pas de fichiers sur la qualité des données (data_quality.csv, checks.csv); chaque publication les écrit depuis leur introduction.',
  deliveries: 'Livraisons',
  deliveriesMessage: (read: string, deliveries: number, quarantined: string, incomplete: number) =>
    `${read} lignes lues en ${deliveries} livraisons; ${quarantined} en quarantaine; ${incomplete} mois incomplets`,
  deliveriesSubtitle:
    'Lignes chargées, fusionnées et en quarantaine, par livraison mensuelle (⚠ : livraison incomplète)',
  deliveriesNote:
    'Chaque ligne de chaque fichier est chargée (un enregistrement nouveau ou modifié), fusionnée (un doublon exact, ou identique à la version déjà chargée) ou mise en quarantaine avec ses motifs. Une livraison est incomplète quand un fichier a été rejeté en entier ou qu’une table du contrat manque; son mois est signalé.',
  files: 'Fichiers d’une livraison',
  delivery: 'Livraison',
  table: 'Table',
  status: 'Statut',
  fileCount: 'Fichiers',
  read: 'Lignes lues',
  loaded: 'Chargées',
  collapsed: 'Fusionnées',
  quarantined: 'En quarantaine',
  reasons: 'Toujours en quarantaine, par motif',
  error: 'Erreur de fichier',
  complete: 'Complète',
  incomplete: 'Incomplète',
  yes: 'oui',
  incompleteMonths: 'Mois incomplets',
  noneIncomplete: 'Toutes les livraisons sont complètes.',
  checks: 'Vérifications du dernier traitement',
  checksNote:
    'Chaque vérification est une requête qui renvoie les lignes enfreignant une règle; aucune ligne renvoyée signifie réussite. Une vérification bloquante qui échoue empêche la publication : un site publié n’en a aucune en échec; les avertissements sont publiés avec les chiffres.',
  check: 'Vérification',
  severity: 'Gravité',
  failures: 'Lignes en échec',
  rows: 'Lignes',
  skipped: '(fichier hors contrat)',
  words: {
    loaded: 'chargé',
    restated: 'remplacé',
    rejected: 'rejeté',
    skipped: 'ignoré',
    pass: 'réussie',
    fail: 'ÉCHEC',
    error: 'ERREUR',
    blocking: 'bloquante',
    warning: 'avertissement',
    MISSING_REQUIRED: 'valeur obligatoire manquante',
    BAD_TYPE: 'type invalide',
    BAD_CODE: 'code inconnu',
    RULE_VIOLATION: 'règle enfreinte',
    KEY_CONFLICT: 'conflit de clé',
    UNKNOWN_CASE: 'dossier inconnu (réessayé)',
  },
};

export const QUALITY_TEXT: Record<Lang, typeof en> = { en, fr };
