// The Table Schema of every public file (Frictionless Table Schema, v2): each column's name, type, code list
// and meaning in English and French, the keys, and what a blank means. datapackage.json and
// data-dictionary.csv are both written from here, so the two cannot disagree, and the tests check every file
// against it (header, types, codes, keys).
import {
  CHANNELS,
  DOMAINS,
  FILE_ERRORS,
  PAYMENT_TYPES,
  REASONS,
  REFERRAL_TYPES,
  RISK_TIERS,
  TABLE_NAMES,
} from '../../extracts/contract.ts';
import { FUNDING_COMPONENTS, SCENARIO_PUBLIC_COLUMNS } from '../../funding/outputs.ts';
import { MEASURES, type Text } from '../../measures/registry.ts';
import { serviceManagers } from '../../reference.ts';
import { DATA_QUALITY_COLUMNS } from '../data-quality.ts';

export type FieldType = 'string' | 'integer' | 'number' | 'date' | 'yearmonth';

export interface FieldDef {
  name: string;
  type: FieldType;
  description: Text;
  /** The codes the column may hold (Table Schema `enum`). */
  codes?: readonly string[];
  /** A pattern the text must match (Table Schema `pattern`), for codes made by a rule. */
  pattern?: string;
  /** Never blank. */
  required?: boolean;
}

export interface TableDef {
  /** The resource's name in datapackage.json: lower case, no extension. */
  name: string;
  file: string;
  format: 'csv' | 'parquet';
  title: Text;
  description: Text;
  fields: FieldDef[];
  primaryKey?: string[];
  /** What a blank field means in this file (Table Schema v2's labelled missing values). */
  blank: Text;
}

/** The programs of the public files: each program and both together (measures.md "Program"). */
const PROGRAMS = ['ALL', 'ODSP', 'OW'] as const;
const geographies = (): string[] => [...serviceManagers().map((s) => s.code), 'ON'].sort();

/** The values a measure's breakdown column takes: ALL, and each code of the column the registry names. */
function breakdownValues(): string[] {
  const codes: Record<string, readonly string[]> = {
    channel: CHANNELS,
    domain: DOMAINS,
    payment_type: PAYMENT_TYPES,
    referral_type: REFERRAL_TYPES,
    risk_tier: RISK_TIERS,
  };
  const values = new Set<string>(['ALL']);
  for (const m of MEASURES) {
    if (m.breakdown === null) continue;
    const list = codes[m.breakdown];
    if (!list)
      throw new Error(`measure ${m.id}: breakdown ${m.breakdown} has no code list in table-schemas.ts`);
    for (const v of list) values.add(v);
  }
  return [...values].sort();
}

const serviceManagerField = (): FieldDef => ({
  name: 'service_manager',
  type: 'string',
  required: true,
  codes: geographies(),
  description: {
    en: 'The service manager (CMSM or DSSAB) code of data/reference/service_managers.csv, or ON for Ontario as a whole.',
    fr: 'Le code du gestionnaire de services (GSMR ou CADSS) de data/reference/service_managers.csv, ou ON pour l’ensemble de l’Ontario.',
  },
});

const count = (name: string, en: string, fr: string): FieldDef => ({
  name,
  type: 'integer',
  required: true,
  description: { en, fr },
});

const MEASURES_TABLE = (file: string, format: 'csv' | 'parquet'): TableDef => ({
  name: format === 'csv' ? 'measures' : 'measures-parquet',
  file,
  format,
  title: {
    en: 'Outcome measures by month, service manager and program',
    fr: 'Mesures des résultats par mois, gestionnaire de services et programme',
  },
  description: {
    en: 'Every measure of the registry (see the methodology page) for every month, service manager and program, with its breakdowns. Disclosure-controlled: figures about 1 to 9 people are suppressed and the others rounded where a subtraction could reveal them.',
    fr: 'Chaque mesure du registre (voir la page de méthodologie) pour chaque mois, gestionnaire de services et programme, avec ses ventilations. Sous contrôle de divulgation : les chiffres portant sur 1 à 9 personnes sont supprimés et les autres arrondis là où une soustraction pourrait les révéler.',
  },
  fields: [
    {
      name: 'measure_id',
      type: 'string',
      required: true,
      codes: MEASURES.map((m) => m.id).sort(),
      description: {
        en: 'The measure, by its registry id (its title and definition are on the methodology page).',
        fr: 'La mesure, par son identifiant au registre (son titre et sa définition sont à la page de méthodologie).',
      },
    },
    {
      name: 'period',
      type: 'yearmonth',
      required: true,
      description: {
        en: 'The month the figure is for (YYYY-MM); for a cohort measure, the month its group was formed.',
        fr: 'Le mois visé par le chiffre (AAAA-MM); pour une mesure de cohorte, le mois où son groupe s’est formé.',
      },
    },
    serviceManagerField(),
    {
      name: 'program',
      type: 'string',
      required: true,
      codes: PROGRAMS,
      description: {
        en: 'OW (Ontario Works), ODSP (Ontario Disability Support Program), or ALL (both).',
        fr: 'OW (Ontario au travail), ODSP (Programme ontarien de soutien aux personnes handicapées) ou ALL (les deux).',
      },
    },
    {
      name: 'breakdown',
      type: 'string',
      required: true,
      codes: breakdownValues(),
      description: {
        en: 'ALL, or one value of the measure’s breakdown (a payment type, channel, referral type, risk tier or stabilization domain).',
        fr: 'ALL, ou une valeur de la ventilation de la mesure (type de paiement, canal, type d’aiguillage, niveau de risque ou domaine de stabilisation).',
      },
    },
    {
      name: 'numerator',
      type: 'number',
      description: {
        en: 'What is counted or summed: people, cases or events, or dollars (2 decimals) for a money measure.',
        fr: 'Ce qui est compté ou additionné : personnes, dossiers ou événements, ou dollars (2 décimales) pour une mesure monétaire.',
      },
    },
    {
      name: 'denominator',
      type: 'integer',
      description: {
        en: 'The group the figure is a share, mean or median of; blank for a count.',
        fr: 'Le groupe dont le chiffre est une part, une moyenne ou une médiane; vide pour un dénombrement.',
      },
    },
    {
      name: 'value',
      type: 'number',
      description: {
        en: 'The figure: a count, a total in dollars, a percentage (0 to 100), a mean or median, or a rate per 100.',
        fr: 'Le chiffre : un dénombrement, un total en dollars, un pourcentage (0 à 100), une moyenne ou une médiane, ou un taux pour 100.',
      },
    },
    {
      name: 'status',
      type: 'string',
      required: true,
      codes: ['no_data', 'ok', 'pending', 'suppressed'],
      description: {
        en: 'ok: published; suppressed: about 1 to 9 people, or a figure that would give such a one back; pending: the cohort’s window has not passed yet; no_data: nobody in the group.',
        fr: 'ok : publié; suppressed : environ 1 à 9 personnes, ou un chiffre qui en redonnerait un; pending : la période d’observation de la cohorte n’est pas écoulée; no_data : personne dans le groupe.',
      },
    },
  ],
  primaryKey: ['measure_id', 'period', 'service_manager', 'program', 'breakdown'],
  blank: {
    en: 'No figure: the row’s status says why (suppressed: fewer than 10 people; pending: not observable yet; no_data: nobody in the group); a count has no denominator.',
    fr: 'Aucun chiffre : le statut de la ligne dit pourquoi (suppressed : moins de 10 personnes; pending : pas encore observable; no_data : personne dans le groupe); un dénombrement n’a pas de dénominateur.',
  },
});

const FISCAL_YEAR: FieldDef = {
  name: 'fiscal_year',
  type: 'string',
  required: true,
  pattern: '^[0-9]{4}-[0-9]{2}$',
  description: {
    en: 'Ontario’s fiscal year, April to March (2024-25 is April 2024 to March 2025).',
    fr: 'L’exercice de l’Ontario, d’avril à mars (2024-25 va d’avril 2024 à mars 2025).',
  },
};

const COMPONENT: FieldDef = {
  name: 'component',
  type: 'string',
  required: true,
  codes: [...FUNDING_COMPONENTS].sort(),
  description: {
    en: 'The funding figure: cost sharing (assistance_*, discretionary_*), the program delivery allocation (pdf_*), or outcome payments and their milestones (outcome_*).',
    fr: 'Le chiffre de financement : partage des coûts (assistance_*, discretionary_*), allocation pour la prestation des programmes (pdf_*), ou paiements liés aux résultats et leurs jalons (outcome_*).',
  },
};

const FUNDING_TABLE: TableDef = {
  name: 'funding',
  file: 'funding.csv',
  format: 'csv',
  title: {
    en: 'Funding by fiscal year: cost sharing, program delivery allocation, outcome payments',
    fr: 'Financement par exercice : partage des coûts, allocation pour la prestation des programmes, paiements liés aux résultats',
  },
  description: {
    en: 'The funding formulas for complete fiscal years, per service manager and Ontario. The parameters are illustrative (see the methodology page). Milestone counts and outcome payments are disclosure-controlled.',
    fr: 'Les formules de financement pour les exercices complets, par gestionnaire de services et pour l’Ontario. Les paramètres sont illustratifs (voir la page de méthodologie). Les jalons et les paiements liés aux résultats sont sous contrôle de divulgation.',
  },
  fields: [
    FISCAL_YEAR,
    serviceManagerField(),
    {
      name: 'program',
      type: 'string',
      required: true,
      codes: PROGRAMS,
      description: {
        en: 'OW, ODSP or ALL (both); the allocation and outcome payments are for OW only.',
        fr: 'OW, ODSP ou ALL (les deux); l’allocation et les paiements liés aux résultats visent OW seulement.',
      },
    },
    COMPONENT,
    {
      name: 'amount',
      type: 'number',
      description: {
        en: 'Dollars with 2 decimals, or a whole number for a milestone count (outcome_milestones_*).',
        fr: 'Dollars avec 2 décimales, ou un nombre entier pour un nombre de jalons (outcome_milestones_*).',
      },
    },
    {
      name: 'status',
      type: 'string',
      required: true,
      codes: ['complete', 'suppressed'],
      description: {
        en: 'complete: all 12 months of the fiscal year are in; suppressed: a milestone count or outcome payment about 1 to 9 milestones.',
        fr: 'complete : les 12 mois de l’exercice sont là; suppressed : un nombre de jalons ou un paiement lié aux résultats portant sur 1 à 9 jalons.',
      },
    },
  ],
  primaryKey: ['fiscal_year', 'service_manager', 'program', 'component'],
  blank: {
    en: 'Suppressed: fewer than 10 milestones (status suppressed).',
    fr: 'Supprimé : moins de 10 jalons (statut suppressed).',
  },
};

const REASON_TEXT: Record<string, Text> = {
  missing_required: { en: 'a required field empty', fr: 'un champ obligatoire vide' },
  bad_type: { en: 'a field of the wrong type', fr: 'un champ du mauvais type' },
  bad_code: { en: 'a code outside its list', fr: 'un code hors de sa liste' },
  rule_violation: { en: 'a rule between fields broken', fr: 'une règle entre champs enfreinte' },
  key_conflict: {
    en: 'a key delivered twice with other values',
    fr: 'une clé livrée deux fois avec d’autres valeurs',
  },
  unknown_case: { en: 'a case not delivered (yet)', fr: 'un dossier non livré (encore)' },
};

const DATA_QUALITY_FIELDS: Record<string, Omit<FieldDef, 'name'>> = {
  delivery: {
    type: 'yearmonth',
    required: true,
    description: {
      en: 'The delivery (reporting month, YYYY-MM).',
      fr: 'La livraison (mois de déclaration, AAAA-MM).',
    },
  },
  table: {
    type: 'string',
    codes: [...TABLE_NAMES].sort(),
    description: {
      en: 'The extract table the file holds; blank for a file that is not a table file (skipped).',
      fr: 'La table d’extraction que contient le fichier; vide pour un fichier qui n’en est pas une (ignoré).',
    },
  },
  status: {
    type: 'string',
    required: true,
    codes: ['loaded', 'rejected', 'restated', 'skipped'],
    description: {
      en: 'loaded; restated (a later version of the file replaced the first); rejected whole; skipped.',
      fr: 'loaded (chargé); restated (une version ultérieure a remplacé la première); rejected (rejeté en entier); skipped (ignoré).',
    },
  },
  rows_read: {
    type: 'integer',
    required: true,
    description: { en: 'Rows read from the file.', fr: 'Lignes lues dans le fichier.' },
  },
  loaded: { type: 'integer', required: true, description: { en: 'Rows loaded.', fr: 'Lignes chargées.' } },
  collapsed: {
    type: 'integer',
    required: true,
    description: {
      en: 'Rows identical to one already loaded (nothing new).',
      fr: 'Lignes identiques à une ligne déjà chargée (rien de nouveau).',
    },
  },
  quarantined: {
    type: 'integer',
    required: true,
    description: { en: 'Rows set aside for a problem.', fr: 'Lignes mises de côté pour un problème.' },
  },
  ...Object.fromEntries(
    REASONS.map((r) => {
      const t = REASON_TEXT[r.toLowerCase()];
      if (!t) throw new Error(`quarantine reason ${r} has no description in table-schemas.ts`);
      return [
        r.toLowerCase(),
        {
          type: 'integer' as const,
          required: true,
          description: {
            en: `Rows still in quarantine for ${t.en} (${r}).`,
            fr: `Lignes encore en quarantaine pour ${t.fr} (${r}).`,
          },
        },
      ];
    }),
  ),
  ingested_on: {
    type: 'date',
    required: true,
    description: { en: 'The day the file was loaded.', fr: 'Le jour où le fichier a été chargé.' },
  },
  error_code: {
    type: 'string',
    codes: [...FILE_ERRORS, 'UNKNOWN_FILE'].sort(),
    description: {
      en: 'Why a file was rejected or skipped; blank for a file that loaded.',
      fr: 'Pourquoi un fichier a été rejeté ou ignoré; vide pour un fichier chargé.',
    },
  },
};

const DATA_QUALITY_TABLE: TableDef = {
  name: 'data-quality',
  file: 'data_quality.csv',
  format: 'csv',
  title: { en: 'Data quality of the deliveries', fr: 'Qualité des données des livraisons' },
  description: {
    en: 'One row per delivery and file in force: rows read, loaded, collapsed and quarantined, by reason. Counts of rows only: no record, value or file name.',
    fr: 'Une ligne par livraison et fichier en vigueur : lignes lues, chargées, fusionnées et mises en quarantaine, par motif. Des nombres de lignes seulement : aucun enregistrement, valeur ou nom de fichier.',
  },
  fields: DATA_QUALITY_COLUMNS.map((name) => {
    const f = DATA_QUALITY_FIELDS[name];
    if (!f) throw new Error(`data_quality.csv column ${name} has no description in table-schemas.ts`);
    return { name, ...f };
  }),
  blank: {
    en: 'Not applicable: no table (a skipped file) or no error (a file that loaded).',
    fr: 'Sans objet : aucune table (fichier ignoré) ou aucune erreur (fichier chargé).',
  },
};

const CHECKS_TABLE: TableDef = {
  name: 'checks',
  file: 'checks.csv',
  format: 'csv',
  title: { en: 'Checks of the last build', fr: 'Contrôles de la dernière production' },
  description: {
    en: 'Each automated check the figures passed before publication, and how many rows broke its rule.',
    fr: 'Chaque contrôle automatisé que les chiffres ont passé avant publication, et combien de lignes en ont enfreint la règle.',
  },
  fields: [
    {
      name: 'check_name',
      type: 'string',
      required: true,
      description: {
        en: 'The check (its title is on the data quality page).',
        fr: 'Le contrôle (son titre est à la page sur la qualité des données).',
      },
    },
    {
      name: 'severity',
      type: 'string',
      required: true,
      codes: ['blocking', 'warning'],
      description: {
        en: 'blocking: nothing is published while it fails; warning: published, with a note.',
        fr: 'blocking : rien n’est publié tant qu’il échoue; warning : publié, avec une note.',
      },
    },
    {
      name: 'status',
      type: 'string',
      required: true,
      codes: ['error', 'fail', 'pass'],
      description: {
        en: 'pass; fail (rows break the rule); error (the check could not run).',
        fr: 'pass (réussi); fail (des lignes enfreignent la règle); error (le contrôle n’a pas pu s’exécuter).',
      },
    },
    count('failures', 'Rows that break the rule.', 'Lignes qui enfreignent la règle.'),
  ],
  primaryKey: ['check_name'],
  blank: { en: 'Never blank.', fr: 'Jamais vide.' },
};

const SCENARIO_FIELDS: Record<string, Omit<FieldDef, 'name'>> = {
  fiscal_year: FISCAL_YEAR,
  service_manager: serviceManagerField(),
  component: COMPONENT,
  baseline: {
    type: 'number',
    description: { en: 'The published figure (dollars).', fr: 'Le chiffre publié (dollars).' },
  },
  scenario: {
    type: 'number',
    description: {
      en: 'The figure with the scenario’s parameters (dollars).',
      fr: 'Le chiffre avec les paramètres du scénario (dollars).',
    },
  },
  difference: {
    type: 'number',
    description: { en: 'Scenario − baseline (dollars).', fr: 'Scénario − référence (dollars).' },
  },
  pct_change: {
    type: 'number',
    description: {
      en: 'The difference as a percentage of the baseline; blank when the baseline is 0.',
      fr: 'La différence en pourcentage de la référence; vide quand la référence est 0.',
    },
  },
};

const SCENARIO_TABLE: TableDef = {
  name: 'funding-scenario',
  file: 'funding_scenario.csv',
  format: 'csv',
  title: {
    en: 'A funding scenario against the published allocation',
    fr: 'Un scénario de financement comparé à l’allocation publiée',
  },
  description: {
    en: 'The last scenario run with other funding parameters (funding_scenario.json names them), per manager: baseline, scenario, difference and % change.',
    fr: 'Le dernier scénario calculé avec d’autres paramètres de financement (funding_scenario.json les nomme), par gestionnaire : référence, scénario, différence et variation en %.',
  },
  fields: SCENARIO_PUBLIC_COLUMNS.split(',').map((name) => {
    const f = SCENARIO_FIELDS[name];
    if (!f) throw new Error(`funding_scenario.csv column ${name} has no description in table-schemas.ts`);
    return { ...f, name };
  }),
  primaryKey: ['fiscal_year', 'service_manager', 'component'],
  blank: {
    en: 'Suppressed (outcome payments about 1 to 9 milestones), or no percentage of a zero baseline.',
    fr: 'Supprimé (paiements liés aux résultats portant sur 1 à 9 jalons), ou pas de pourcentage d’une référence nulle.',
  },
};

/** What a row of changes.csv says of a figure since the last release. */
export const CHANGE_KINDS = ['final', 'new', 'revised', 'suppressed', 'unsuppressed', 'withdrawn'] as const;

const side = (when: 'old' | 'new', what: string, en: string, fr: string): FieldDef => ({
  name: `${when}_${what}`,
  type: what === 'status' ? 'string' : what === 'denominator' ? 'integer' : 'number',
  ...(what === 'status' ? { codes: ['complete', 'no_data', 'ok', 'pending', 'suppressed'] } : {}),
  description:
    when === 'old'
      ? { en: `${en} in the previous release.`, fr: `${fr} dans la diffusion précédente.` }
      : { en: `${en} in this release.`, fr: `${fr} dans cette diffusion.` },
});

export const CHANGES_TABLE: TableDef = {
  name: 'changes',
  file: 'changes.csv',
  format: 'csv',
  title: { en: 'What changed since the last release', fr: 'Ce qui a changé depuis la dernière diffusion' },
  description: {
    en: 'Every public figure of measures.csv and funding.csv that differs from the previous release, and how: a new month, a cohort made final, a figure revised after restated data (old and new), newly suppressed or unsuppressed, or withdrawn. Only public figures are compared.',
    fr: 'Chaque chiffre public de measures.csv et funding.csv qui diffère de la diffusion précédente, et comment : un nouveau mois, une cohorte devenue définitive, un chiffre révisé après des données corrigées (ancien et nouveau), nouvellement supprimé ou rétabli, ou retiré. Seuls les chiffres publics sont comparés.',
  },
  fields: [
    {
      name: 'file',
      type: 'string',
      required: true,
      codes: ['funding.csv', 'measures.csv'],
      description: { en: 'The file the figure is in.', fr: 'Le fichier qui contient le chiffre.' },
    },
    {
      name: 'change',
      type: 'string',
      required: true,
      codes: CHANGE_KINDS,
      description: {
        en: 'new (a month or row the last release did not have); final (a cohort no longer pending); revised (another figure, after restated data); suppressed or unsuppressed (newly); withdrawn (no longer published).',
        fr: 'new (un mois ou une ligne absents de la dernière diffusion); final (une cohorte qui n’est plus en attente); revised (un autre chiffre, après des données corrigées); suppressed ou unsuppressed (nouvellement supprimé ou rétabli); withdrawn (plus publié).',
      },
    },
    {
      name: 'measure_id',
      type: 'string',
      codes: MEASURES.map((m) => m.id).sort(),
      description: { en: 'The measure (measures.csv rows).', fr: 'La mesure (lignes de measures.csv).' },
    },
    {
      ...COMPONENT,
      required: false,
      description: {
        en: 'The funding component (funding.csv rows).',
        fr: 'La composante du financement (lignes de funding.csv).',
      },
    },
    {
      name: 'period',
      type: 'string',
      required: true,
      description: {
        en: 'The month (YYYY-MM) of a measure, or the fiscal year (YYYY-YY) of a funding figure.',
        fr: 'Le mois (AAAA-MM) d’une mesure, ou l’exercice (AAAA-AA) d’un chiffre de financement.',
      },
    },
    serviceManagerField(),
    {
      name: 'program',
      type: 'string',
      required: true,
      codes: PROGRAMS,
      description: { en: 'OW, ODSP or ALL.', fr: 'OW, ODSP ou ALL.' },
    },
    {
      name: 'breakdown',
      type: 'string',
      codes: breakdownValues(),
      description: {
        en: 'The breakdown value (measures.csv rows).',
        fr: 'La valeur de ventilation (lignes de measures.csv).',
      },
    },
    side('old', 'numerator', 'The numerator', 'Le numérateur'),
    side('old', 'denominator', 'The denominator', 'Le dénominateur'),
    side(
      'old',
      'value',
      'The value (the amount, for funding)',
      'La valeur (le montant, pour le financement)',
    ),
    side('old', 'status', 'The status', 'Le statut'),
    side('new', 'numerator', 'The numerator', 'Le numérateur'),
    side('new', 'denominator', 'The denominator', 'Le dénominateur'),
    side(
      'new',
      'value',
      'The value (the amount, for funding)',
      'La valeur (le montant, pour le financement)',
    ),
    side('new', 'status', 'The status', 'Le statut'),
  ],
  // No primaryKey: a row's key is the file's own (measures.csv's or funding.csv's), and the other file's key
  // columns are blank, which a key may not be.
  blank: {
    en: 'Not applicable (a measure has no component, funding no measure or breakdown), no figure on that side, or a figure the status says is suppressed or pending.',
    fr: 'Sans objet (une mesure n’a pas de composante, le financement ni mesure ni ventilation), aucun chiffre de ce côté, ou un chiffre que le statut dit supprimé ou en attente.',
  },
};

export const DICTIONARY_TABLE: TableDef = {
  name: 'data-dictionary',
  file: 'data-dictionary.csv',
  format: 'csv',
  title: { en: 'Data dictionary', fr: 'Dictionnaire de données' },
  description: {
    en: 'Every column of every file of the release, in English and French, from the same schema as datapackage.json.',
    fr: 'Chaque colonne de chaque fichier de la diffusion, en anglais et en français, tirée du même schéma que datapackage.json.',
  },
  fields: [
    { name: 'file', type: 'string', required: true, description: { en: 'The file.', fr: 'Le fichier.' } },
    { name: 'column', type: 'string', required: true, description: { en: 'The column.', fr: 'La colonne.' } },
    count('position', 'Its position in the file, from 1.', 'Sa position dans le fichier, à partir de 1.'),
    {
      name: 'type',
      type: 'string',
      required: true,
      codes: ['date', 'integer', 'number', 'string', 'yearmonth'],
      description: { en: 'Its Table Schema type.', fr: 'Son type selon Table Schema.' },
    },
    {
      name: 'required',
      type: 'string',
      required: true,
      codes: ['no', 'yes'],
      description: { en: 'yes: never blank.', fr: 'yes : jamais vide.' },
    },
    {
      name: 'codes',
      type: 'string',
      description: {
        en: 'The codes it may hold, separated by spaces; blank when it is not a code.',
        fr: 'Les codes qu’elle peut contenir, séparés par des espaces; vide si ce n’est pas un code.',
      },
    },
    {
      name: 'description_en',
      type: 'string',
      required: true,
      description: { en: 'What it holds, in English.', fr: 'Ce qu’elle contient, en anglais.' },
    },
    {
      name: 'description_fr',
      type: 'string',
      required: true,
      description: { en: 'What it holds, in French.', fr: 'Ce qu’elle contient, en français.' },
    },
    {
      name: 'blank_en',
      type: 'string',
      required: true,
      description: {
        en: 'What a blank means in that file, in English.',
        fr: 'Ce que signifie un vide dans ce fichier, en anglais.',
      },
    },
    {
      name: 'blank_fr',
      type: 'string',
      required: true,
      description: {
        en: 'What a blank means in that file, in French.',
        fr: 'Ce que signifie un vide dans ce fichier, en français.',
      },
    },
  ],
  primaryKey: ['file', 'column'],
  blank: { en: 'Not a code column.', fr: 'Pas une colonne de codes.' },
};

/**
 * The public tables, in the order datapackage.json lists them: the data files, then what describes them. The
 * scenario file is in a publication only after `sa-outcomes funding`.
 */
export function publicTables(): TableDef[] {
  return [
    MEASURES_TABLE('measures.csv', 'csv'),
    MEASURES_TABLE('measures.parquet', 'parquet'),
    FUNDING_TABLE,
    DATA_QUALITY_TABLE,
    CHECKS_TABLE,
    SCENARIO_TABLE,
    CHANGES_TABLE,
    DICTIONARY_TABLE,
  ];
}
