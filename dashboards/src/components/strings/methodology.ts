// The words of the methodology page (src/[lang]/methodology.md).
// The French is typed as the English: a French entry missing, or one too many, fails the typecheck.
import type { Lang } from '../i18n.js';

/** Paragraphs as a tuple, so the French must have exactly as many as the English. */
const paragraphs = <T extends string[]>(...texts: T) => texts as { [K in keyof T]: string };

/** How a funding parameter's value reads (methodology.ts formats it). */
export type ParameterUnit = 'text' | 'yesno' | 'share' | 'money' | 'points' | 'days' | 'times' | 'score';

const en = {
  stamp: 'As of',
  stampText: (month: string, run: string, at: string, version: string) =>
    `The figures run to ${month}: public outputs of run ${run}, generated ${at}, sa-outcomes ${version}.`,
  disclosure: 'How small numbers are protected',
  kind: 'Kind',
  better: 'Better',
  breakdown: 'Broken down by',
  cohort: 'Follow-up window',
  definition: 'Exact definition',
  caveats: 'Caveats',
  latest: 'Latest final month',
  noDataYet: 'No data yet: not published.',
  up: 'higher',
  down: 'lower',
  neither: 'neither direction',
  none: 'none (all only)',
  days: 'days',
  noWindow: 'none',
  funding: 'Funding parameters',
  illustrative:
    'Illustrative. The Province’s new funding model is not public: these parameters are the project’s illustrative defaults, kept in versioned files (data/reference/funding/). A year without its own file uses the nearest earlier year’s, else default.json. Extracts may carry their own files instead (“extracts: funding/…”): the demo’s do, with the envelope scaled to the demo’s share of Ontario’s caseload. The mechanics are exact; the parameters are policy.',
  noFunding: 'Funding has not been computed yet: the public metadata lists no funding parameters.',
  notIllustrative:
    'The parameters behind the published funding figures, by fiscal year (data/reference/funding/).',
  parameter: 'Parameter',
  /** The funding parameters (metadata.json) by name: their label and their unit. */
  parameters: {
    parameters_file: ['Parameters file', 'text'],
    illustrative: ['Illustrative', 'yesno'],
    assistance_provincial_share: ['Financial assistance: the Province’s share', 'share'],
    discretionary_provincial_share: ['Discretionary benefits: the Province’s share', 'share'],
    discretionary_cap_per_case_month: ['Discretionary benefits: cap per case and month', 'money'],
    pdf_envelope: ['Program delivery funding: the envelope', 'money'],
    pdf_weight_base: ['Program delivery funding: weight of the base', 'share'],
    pdf_weight_caseload: ['Program delivery funding: weight of the caseload', 'share'],
    pdf_weight_outcomes: ['Program delivery funding: weight of the outcomes', 'share'],
    pdf_points_exit_to_employment: ['Outcome points: an exit to employment', 'points'],
    pdf_points_eo_referral_connected: [
      'Outcome points: a referral to Employment Ontario connected',
      'points',
    ],
    pdf_points_stabilization_improved: [
      'Outcome points: a stabilization review showing improvement',
      'points',
    ],
    pdf_provincial_rate: ['Program delivery funding: the Province’s share of the cost', 'share'],
    pdf_max_decrease: ['Program delivery funding: largest decrease on the year', 'share'],
    op_milestones_days: ['Outcome payments: milestones after the exit', 'days'],
    op_amount_per_milestone: ['Outcome payments: amount per milestone', 'money'],
    op_stream_weight_a: ['Outcome payments: weight of stream A', 'times'],
    op_stream_weight_b: ['Outcome payments: weight of stream B', 'times'],
    op_stream_weight_c: ['Outcome payments: weight of stream C', 'times'],
    op_stream_cutoff_a: ['Outcome payments: stream A from an initial assessment total of', 'score'],
    op_stream_cutoff_b: ['Outcome payments: stream B from an initial assessment total of', 'score'],
  } as Record<string, [string, ParameterUnit]>,
  statuses: 'What the figures’ statuses mean',
  seeDownloads: 'The files and their columns are described on the downloads page.',
  /** The disclosure rules of measures.md. */
  disclosureRules: paragraphs(
    'Published figures about few people could identify them, and exact figures can be subtracted from one another (a province total minus the other managers, an "all" row minus the other breakdown values, both programs minus Ontario Works). So every public figure goes through two steps; the figures for ministry analysts are kept exact and are not on this site.',
    '1. Suppression. A count is suppressed when it is 1 to 9; a rate per 100 when its count or its base is 1 to 9; a percentage when the group, the number meeting the condition or the number not meeting it is 1 to 9; an average, median or dollar total when it is about 1 to 9 units. A suppressed figure reads “suppressed” — never 0.',
    '2. Rounding. Every other count of people is rounded to the nearest 5 (12 → 10, 13 → 15) and dollar totals to the nearest $100, half away from zero; percentages and rates per 100 are recomputed from the rounded counts; the sum behind an average is not published; averages and medians keep their value. Ontario’s figures are rounded like the others, so totals need not add up.',
    'Funding amounts describe institutions, not people, and are published exactly — except the counts of outcome milestones by stream, treated as counts above, and outcome payments, suppressed when the manager reached 1 to 9 milestones in the year and otherwise rounded to the nearest ten milestones’ worth.',
    'Funding is published for complete fiscal years only (April to March), with the allocations computed from them. A year still under way is recomputed every month, so two releases subtracted would give one month’s exact figures away — its caseload and its dollars, for months whose measures are suppressed too.',
  ),
  statusMeanings: {
    ok: 'published (rounded)',
    suppressed: 'fewer than 10 people: not published',
    pending: 'a cohort whose follow-up window has not passed yet',
    no_data: 'nothing to count that month',
  },
};

const fr: typeof en = {
  stamp: 'État des données',
  stampText: (month: string, run: string, at: string, version: string) =>
    `Les chiffres vont jusqu’à ${month} : données publiques de l’exécution ${run}, produites le ${at}, sa-outcomes ${version}.`,
  disclosure: 'Protection des petits nombres',
  kind: 'Type',
  better: 'Préférable',
  breakdown: 'Ventilée par',
  cohort: 'Période de suivi',
  definition: 'Définition exacte',
  caveats: 'Mises en garde',
  latest: 'Dernier mois définitif',
  noDataYet: 'Aucune donnée pour l’instant : non publiée.',
  up: 'plus élevé',
  down: 'plus bas',
  neither: 'aucune direction',
  none: 'aucune (total seulement)',
  days: 'jours',
  noWindow: 'aucune',
  funding: 'Paramètres de financement',
  illustrative:
    'Illustratifs. Le nouveau modèle de financement de la Province n’est pas public : ces paramètres sont les valeurs illustratives du projet, conservées dans des fichiers versionnés (data/reference/funding/). Un exercice sans fichier propre utilise celui de l’exercice antérieur le plus proche, sinon default.json. Les extraits peuvent apporter leurs propres fichiers (« extracts: funding/… ») : c’est le cas de ceux de la démonstration, dont l’enveloppe est ramenée à la part de la démonstration dans le nombre de dossiers de l’Ontario. Les mécanismes sont exacts; les paramètres relèvent des politiques.',
  noFunding:
    'Le financement n’a pas encore été calculé : les métadonnées publiques n’énumèrent aucun paramètre de financement.',
  notIllustrative:
    'Les paramètres des chiffres de financement publiés, par exercice (data/reference/funding/).',
  parameter: 'Paramètre',
  parameters: {
    parameters_file: ['Fichier de paramètres', 'text'],
    illustrative: ['Illustratifs', 'yesno'],
    assistance_provincial_share: ['Aide financière : part de la Province', 'share'],
    discretionary_provincial_share: ['Prestations discrétionnaires : part de la Province', 'share'],
    discretionary_cap_per_case_month: [
      'Prestations discrétionnaires : plafond par dossier et par mois',
      'money',
    ],
    pdf_envelope: ['Financement de la prestation des programmes : enveloppe', 'money'],
    pdf_weight_base: ['Financement de la prestation des programmes : poids de la base', 'share'],
    pdf_weight_caseload: [
      'Financement de la prestation des programmes : poids du nombre de dossiers',
      'share',
    ],
    pdf_weight_outcomes: ['Financement de la prestation des programmes : poids des résultats', 'share'],
    pdf_points_exit_to_employment: ['Points de résultat : une sortie vers l’emploi', 'points'],
    pdf_points_eo_referral_connected: [
      'Points de résultat : un aiguillage vers Emploi Ontario concrétisé',
      'points',
    ],
    pdf_points_stabilization_improved: [
      'Points de résultat : une réévaluation montrant une amélioration',
      'points',
    ],
    pdf_provincial_rate: ['Financement de la prestation des programmes : part provinciale du coût', 'share'],
    pdf_max_decrease: ['Financement de la prestation des programmes : baisse maximale sur un an', 'share'],
    op_milestones_days: ['Paiements axés sur les résultats : jalons après la sortie', 'days'],
    op_amount_per_milestone: ['Paiements axés sur les résultats : montant par jalon', 'money'],
    op_stream_weight_a: ['Paiements axés sur les résultats : poids du volet A', 'times'],
    op_stream_weight_b: ['Paiements axés sur les résultats : poids du volet B', 'times'],
    op_stream_weight_c: ['Paiements axés sur les résultats : poids du volet C', 'times'],
    op_stream_cutoff_a: [
      'Paiements axés sur les résultats : volet A à partir d’un total à l’évaluation initiale de',
      'score',
    ],
    op_stream_cutoff_b: [
      'Paiements axés sur les résultats : volet B à partir d’un total à l’évaluation initiale de',
      'score',
    ],
  },
  statuses: 'Signification des statuts des chiffres',
  seeDownloads: 'Les fichiers et leurs colonnes sont décrits à la page des téléchargements.',
  disclosureRules: paragraphs(
    'Des chiffres publiés sur peu de personnes pourraient permettre de les identifier, et des chiffres exacts peuvent être soustraits les uns des autres (un total provincial moins les autres gestionnaires, une ligne « tous » moins les autres valeurs, les deux programmes moins Ontario au travail). Chaque chiffre public passe donc par deux étapes; les chiffres destinés aux analystes du ministère restent exacts et ne figurent pas sur ce site.',
    '1. Suppression. Un nombre est supprimé lorsqu’il est de 1 à 9; un taux pour 100 lorsque son nombre ou sa base est de 1 à 9; un pourcentage lorsque le groupe, le nombre qui remplit la condition ou celui qui ne la remplit pas est de 1 à 9; une moyenne, une médiane ou un total en dollars lorsqu’il porte sur 1 à 9 unités. Un chiffre supprimé se lit « supprimé » — jamais 0.',
    '2. Arrondi. Tout autre nombre de personnes est arrondi au multiple de 5 le plus proche (12 → 10, 13 → 15) et les totaux en dollars à la centaine de dollars la plus proche, la moitié s’éloignant de zéro; les pourcentages et les taux pour 100 sont recalculés à partir des nombres arrondis; la somme derrière une moyenne n’est pas publiée; les moyennes et les médianes gardent leur valeur. Les chiffres de l’Ontario sont arrondis comme les autres : les totaux peuvent ne pas concorder.',
    'Les montants de financement décrivent des institutions, non des personnes, et sont publiés exactement — sauf les nombres de jalons de résultats par volet, traités comme les nombres ci-dessus, et les paiements liés aux résultats, supprimés lorsque le gestionnaire a atteint de 1 à 9 jalons dans l’exercice et sinon arrondis à la valeur de dix jalons la plus proche.',
    'Le financement n’est publié que pour les exercices complets (d’avril à mars), avec les allocations calculées à partir de ceux-ci. Un exercice en cours est recalculé chaque mois : la différence entre deux publications révélerait les chiffres exacts d’un mois — son nombre de dossiers et ses montants, y compris pour des mois dont les mesures sont supprimées.',
  ),
  statusMeanings: {
    ok: 'publié (arrondi)',
    suppressed: 'moins de 10 personnes : non publié',
    pending: 'une cohorte dont la période de suivi n’est pas terminée',
    no_data: 'rien à compter ce mois-là',
  },
};

export const METHODOLOGY_TEXT: Record<Lang, typeof en> = { en, fr };
