// The data quality page (src/[lang]/data-quality.md): freshness, what each monthly delivery held and what
// became of its rows (loaded, collapsed as duplicates, quarantined), incomplete months, and the checks of
// the last build. From the public data_quality.csv and checks.csv (aggregates only).
import { stackedBarChart } from './bar-charts.js';
import type { DataQualityData, FileQuality } from './page-data.js';
import { el, paragraph, section, select, t } from './dom.js';
import { figure } from './figure.js';
import { formatMonth, formatNumber, type Lang, type Text } from './i18n.js';
import { tableView } from './table.js';

const TEXT = {
  freshness: { en: 'Freshness', fr: 'Fraîcheur' },
  notPublished: {
    en: 'The public outputs this site was built from have no data-quality files (data_quality.csv, checks.csv); they are written by every publication since they were introduced.',
    fr: 'Les données publiques à partir desquelles ce site a été produit ne contiennent pas de fichiers sur la qualité des données (data_quality.csv, checks.csv); chaque publication les écrit depuis leur introduction.',
  },
  deliveries: { en: 'Deliveries', fr: 'Livraisons' },
  deliveriesNote: {
    en: 'Every row of every file is loaded (a new or changed record), collapsed (an exact duplicate, or identical to the version already loaded) or quarantined with its reasons. A delivery is incomplete when a file was rejected whole or a contract table is missing; its month is flagged.',
    fr: 'Chaque ligne de chaque fichier est chargée (un enregistrement nouveau ou modifié), fusionnée (un doublon exact, ou identique à la version déjà chargée) ou mise en quarantaine avec ses motifs. Une livraison est incomplète quand un fichier a été rejeté en entier ou qu’une table du contrat manque; son mois est signalé.',
  },
  files: { en: 'Files of a delivery', fr: 'Fichiers d’une livraison' },
  month: { en: 'Month', fr: 'Mois' },
  delivery: { en: 'Delivery', fr: 'Livraison' },
  table: { en: 'Table', fr: 'Table' },
  status: { en: 'Status', fr: 'Statut' },
  fileCount: { en: 'Files', fr: 'Fichiers' },
  read: { en: 'Rows read', fr: 'Lignes lues' },
  loaded: { en: 'Loaded', fr: 'Chargées' },
  collapsed: { en: 'Collapsed', fr: 'Fusionnées' },
  quarantined: { en: 'Quarantined', fr: 'En quarantaine' },
  reasons: { en: 'Still quarantined, by reason', fr: 'Toujours en quarantaine, par motif' },
  error: { en: 'File error', fr: 'Erreur de fichier' },
  complete: { en: 'Complete', fr: 'Complète' },
  incomplete: { en: 'Incomplete', fr: 'Incomplète' },
  yes: { en: 'yes', fr: 'oui' },
  incompleteMonths: { en: 'Incomplete months', fr: 'Mois incomplets' },
  noneIncomplete: { en: 'Every delivery is complete.', fr: 'Toutes les livraisons sont complètes.' },
  checks: { en: 'Checks of the last build', fr: 'Vérifications du dernier traitement' },
  checksNote: {
    en: 'Each check is a query that returns the rows breaking a rule; none returned passes. A blocking check that fails stops publication, so a published site has none failing; warnings are published with the figures.',
    fr: 'Chaque vérification est une requête qui renvoie les lignes enfreignant une règle; aucune ligne renvoyée signifie réussite. Une vérification bloquante qui échoue empêche la publication : un site publié n’en a aucune en échec; les avertissements sont publiés avec les chiffres.',
  },
  check: { en: 'Check', fr: 'Vérification' },
  severity: { en: 'Severity', fr: 'Gravité' },
  failures: { en: 'Failing rows', fr: 'Lignes en échec' },
  rows: { en: 'Rows', fr: 'Lignes' },
  skipped: { en: '(file not in the contract)', fr: '(fichier hors contrat)' },
};

const WORDS: Record<string, Text> = {
  loaded: { en: 'loaded', fr: 'chargé' },
  restated: { en: 'restated', fr: 'remplacé' },
  rejected: { en: 'rejected', fr: 'rejeté' },
  skipped: { en: 'skipped', fr: 'ignoré' },
  pass: { en: 'pass', fr: 'réussie' },
  fail: { en: 'FAILED', fr: 'ÉCHEC' },
  error: { en: 'ERROR', fr: 'ERREUR' },
  blocking: { en: 'blocking', fr: 'bloquante' },
  warning: { en: 'warning', fr: 'avertissement' },
  MISSING_REQUIRED: { en: 'missing required value', fr: 'valeur obligatoire manquante' },
  BAD_TYPE: { en: 'bad type', fr: 'type invalide' },
  BAD_CODE: { en: 'unknown code', fr: 'code inconnu' },
  RULE_VIOLATION: { en: 'rule violation', fr: 'règle enfreinte' },
  KEY_CONFLICT: { en: 'key conflict', fr: 'conflit de clé' },
  UNKNOWN_CASE: { en: 'unknown case (retried)', fr: 'dossier inconnu (réessayé)' },
};

const word = (s: string, lang: Lang): string => (WORDS[s] ? t(WORDS[s], lang) : s);

interface Month {
  delivery: string;
  files: FileQuality[];
  incomplete: string[];
}

function months(data: DataQualityData): Month[] {
  const byMonth = new Map<string, FileQuality[]>();
  for (const f of data.files ?? []) byMonth.set(f.delivery, [...(byMonth.get(f.delivery) ?? []), f]);
  return [...byMonth.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([delivery, files]) => {
      const present = new Set(files.filter((f) => f.status !== 'rejected' && f.table).map((f) => f.table));
      const rejected = files
        .filter((f) => f.status === 'rejected')
        .map((f) => `${f.table} (${f.errorCode ?? ''})`);
      const missing = data.tables.filter(
        (tb) => !present.has(tb) && !files.some((f) => f.table === tb && f.status === 'rejected'),
      );
      return { delivery, files, incomplete: [...rejected, ...missing.map((m) => `${m} —`)] };
    });
}

const sum = (files: readonly FileQuality[], k: 'rowsRead' | 'loaded' | 'collapsed' | 'quarantined') =>
  files.reduce((a, f) => a + f[k], 0);

function freshness(data: DataQualityData, lang: Lang): HTMLElement {
  const m = data.metadata;
  const generated = new Date(m.generated_at);
  const [y, mo] = m.as_of_month.split('-').map(Number);
  const behind = Number.isNaN(generated.getTime())
    ? null
    : generated.getUTCFullYear() * 12 + generated.getUTCMonth() - ((y ?? 0) * 12 + (mo ?? 1) - 1);
  const text =
    lang === 'fr'
      ? `Les données vont jusqu’à ${formatMonth(m.as_of_month, lang)}. Elles ont été publiées le ${m.generated_at.slice(0, 10)} (exécution ${m.run_id}, version ${m.version})${behind === null ? '' : `, ${behind} mois après la fin du mois de référence`}.`
      : `The data run to ${formatMonth(m.as_of_month, lang)}. They were published on ${m.generated_at.slice(0, 10)} (run ${m.run_id}, version ${m.version})${behind === null ? '' : `, ${behind} month${behind === 1 ? '' : 's'} after the as-of month`}.`;
  return section('freshness', t(TEXT.freshness, lang), paragraph(text));
}

function deliveriesSection(list: Month[], lang: Lang): HTMLElement {
  const parts = ['loaded', 'collapsed', 'quarantined'] as const;
  const name = (p: (typeof parts)[number]) => t(TEXT[p], lang);
  const label = (m: Month) => `${formatMonth(m.delivery, lang, 'short')}${m.incomplete.length ? ' ⚠' : ''}`;
  const totalRead = list.reduce((a, m) => a + sum(m.files, 'rowsRead'), 0);
  const totalQ = list.reduce((a, m) => a + sum(m.files, 'quarantined'), 0);
  const incomplete = list.filter((m) => m.incomplete.length).length;
  const message =
    lang === 'fr'
      ? `${formatNumber(totalRead, lang)} lignes lues en ${list.length} livraisons; ${formatNumber(totalQ, lang)} en quarantaine; ${incomplete} mois incomplets`
      : `${formatNumber(totalRead, lang)} rows read in ${list.length} deliveries; ${formatNumber(totalQ, lang)} quarantined; ${incomplete} incomplete month${incomplete === 1 ? '' : 's'}`;
  const subtitle =
    lang === 'fr'
      ? 'Lignes chargées, fusionnées et en quarantaine, par livraison mensuelle (⚠ : livraison incomplète)'
      : 'Rows loaded, collapsed and quarantined, by monthly delivery (⚠: incomplete delivery)';
  return section(
    'deliveries',
    t(TEXT.deliveries, lang),
    paragraph(t(TEXT.deliveriesNote, lang)),
    figure(list, {
      chart: stackedBarChart,
      plot: (list) => ({
        parts: list.flatMap((m) =>
          parts.map((p) => ({
            label: label(m),
            part: name(p),
            value: sum(m.files, p),
            shown: formatNumber(sum(m.files, p), lang),
          })),
        ),
        labels: list.map(label),
        order: parts.map(name),
        xTitle: t(TEXT.rows, lang),
        xFormat: ',d',
      }),
      message,
      subtitle,
      description: message,
      columns: [
        { label: t(TEXT.delivery, lang), text: (m) => formatMonth(m.delivery, lang), rowHeader: true },
        { label: t(TEXT.fileCount, lang), numeric: true, text: (m) => formatNumber(m.files.length, lang) },
        {
          label: t(TEXT.read, lang),
          numeric: true,
          text: (m) => formatNumber(sum(m.files, 'rowsRead'), lang),
        },
        ...parts.map((p) => ({
          label: name(p),
          numeric: true,
          text: (m: Month) => formatNumber(sum(m.files, p), lang),
        })),
        {
          label: t(TEXT.complete, lang),
          text: (m) =>
            m.incomplete.length
              ? `${t(TEXT.incomplete, lang)}: ${m.incomplete.join(', ')}`
              : t(TEXT.yes, lang),
        },
      ],
      csv: {
        filename: 'sa-outcomes-deliveries.csv',
        columns: {
          delivery: (m) => m.delivery,
          files: (m) => m.files.length,
          rows_read: (m) => sum(m.files, 'rowsRead'),
          loaded: (m) => sum(m.files, 'loaded'),
          collapsed: (m) => sum(m.files, 'collapsed'),
          quarantined: (m) => sum(m.files, 'quarantined'),
          incomplete: (m) => m.incomplete.join(' '),
        },
      },
      lang,
    }),
  );
}

function filesSection(list: Month[], lang: Lang): HTMLElement {
  const slot = el('div');
  const show = (delivery: string) => {
    const m = list.find((x) => x.delivery === delivery);
    if (!m) return;
    slot.replaceChildren(
      tableView(
        m.files,
        [
          { label: t(TEXT.table, lang), text: (f) => f.table || t(TEXT.skipped, lang), rowHeader: true },
          { label: t(TEXT.status, lang), text: (f) => word(f.status, lang) },
          { label: t(TEXT.read, lang), numeric: true, text: (f) => formatNumber(f.rowsRead, lang) },
          { label: t(TEXT.loaded, lang), numeric: true, text: (f) => formatNumber(f.loaded, lang) },
          { label: t(TEXT.collapsed, lang), numeric: true, text: (f) => formatNumber(f.collapsed, lang) },
          { label: t(TEXT.quarantined, lang), numeric: true, text: (f) => formatNumber(f.quarantined, lang) },
          {
            label: t(TEXT.reasons, lang),
            text: (f) =>
              Object.entries(f.reasons)
                .filter(([, n]) => n > 0)
                .map(([r, n]) => `${word(r, lang)} ${formatNumber(n, lang)}`)
                .join('; ') || '—',
          },
          { label: t(TEXT.error, lang), text: (f) => f.errorCode ?? '—' },
        ],
        `${t(TEXT.files, lang)}: ${formatMonth(m.delivery, lang)}`,
      ),
    );
  };
  const latest = list[list.length - 1]?.delivery ?? '';
  show(latest);
  return section(
    'files',
    t(TEXT.files, lang),
    select(
      t(TEXT.delivery, lang),
      [...list].reverse().map((m) => ({
        value: m.delivery,
        label: `${formatMonth(m.delivery, lang)}${m.incomplete.length ? ` (${t(TEXT.incomplete, lang).toLowerCase()})` : ''}`,
      })),
      latest,
      show,
    ),
    slot,
  );
}

function incompleteSection(list: Month[], lang: Lang): HTMLElement {
  const incomplete = list.filter((m) => m.incomplete.length);
  return section(
    'incomplete',
    t(TEXT.incompleteMonths, lang),
    incomplete.length === 0
      ? paragraph(t(TEXT.noneIncomplete, lang))
      : el(
          'ul',
          {},
          ...incomplete.map((m) =>
            el('li', {}, `${formatMonth(m.delivery, lang)}: ${m.incomplete.join(', ')}`),
          ),
        ),
  );
}

function checksSection(data: DataQualityData, lang: Lang): HTMLElement {
  const checks = data.checks ?? [];
  return section(
    'checks',
    t(TEXT.checks, lang),
    paragraph(t(TEXT.checksNote, lang)),
    tableView(
      checks,
      [
        { label: t(TEXT.check, lang), text: (c) => c.name, rowHeader: true },
        { label: t(TEXT.severity, lang), text: (c) => word(c.severity, lang) },
        { label: t(TEXT.status, lang), text: (c) => word(c.status, lang) },
        { label: t(TEXT.failures, lang), numeric: true, text: (c) => formatNumber(c.failures, lang) },
      ],
      t(TEXT.checks, lang),
    ),
  );
}

export function dataQualityPage(data: DataQualityData, { lang }: { lang: Lang }): HTMLElement {
  if (!data.files)
    return el('div', {}, freshness(data, lang), paragraph(t(TEXT.notPublished, lang), 'sa-no-data-note'));
  const list = months(data);
  return el(
    'div',
    {},
    freshness(data, lang),
    deliveriesSection(list, lang),
    incompleteSection(list, lang),
    filesSection(list, lang),
    checksSection(data, lang),
  );
}
