// The measure registry: one entry per measure of measures.md. It feeds the warehouse (seed table
// measure_registry, which the models join for each measure's kind and cohort window, and the stack of the
// marts it names: pipelines/measures/measure-rows.ts), the methodology pages, the CSV documentation and the
// tests. Each measure's methodology text lives here and nowhere else. What a kind means, and its name on the
// pages, is pipelines/measures/kinds.ts.
import { KIND_RULES, type Kind } from './kinds.ts';

export type { Kind };

export interface Text {
  en: string;
  fr: string;
}

export interface MeasureDef {
  id: string;
  /**
   * The model whose rows are this measure's: finest-grain rows (manager × program) that the rollup model
   * (models/marts/measures/measure_rollup.sql) adds up, or, for a median, rows already rolled up.
   */
  mart: string;
  group: Group;
  kind: Kind;
  title: Text;
  /** Plain-language description for councils. */
  description: Text;
  /** The exact definition (measures.md), and in French; column names and codes stay as the extracts spell them. */
  definition: Text;
  /** Which direction is better, when one is. */
  better: 'up' | 'down' | 'neither';
  /** The breakdown column's meaning, or null when the measure has only `ALL`. */
  breakdown: string | null;
  /** The numerator is money (2 decimals in the CSV). */
  moneyNumerator: boolean;
  /** Cohort window in days, for cohort measures: the condition's window and how long the month is pending. */
  cohortDays: number | null;
  /** A rate whose numerator need not be in its group (so it can exceed 100 %). */
  numeratorOutsideGroup?: true;
  /**
   * Decimals on the pages, where the kind's (kinds.ts, displayDigits) would claim more precision than the
   * measure has: a mean number of days reads in whole days, a mean of dollars in whole dollars.
   */
  digits?: 0 | 1;
  caveats: Text;
  /**
   * A month whose group is empty, in words ("no cases closed this month"): what a rate, mean or median
   * shows where it has no figure. Counts and totals have one every month (0 included), so none.
   */
  nobody?: Text;
}

/** The groups of measures.md, in its order; each is a dashboard section. */
export type Group =
  'caseload' | 'employment' | 'intake' | 'stabilization' | 'referrals' | 'digital' | 'integrity';

export const GROUPS: Record<Group, Text> = {
  caseload: { en: 'Caseload and spending', fr: 'Nombre de dossiers et dépenses' },
  employment: { en: 'Employment outcomes', fr: 'Résultats en matière d’emploi' },
  intake: { en: 'Intake (centralized, digital)', fr: 'Demandes et admissibilité (centralisées, numériques)' },
  stabilization: { en: 'Life stabilization', fr: 'Stabilisation de la vie' },
  referrals: { en: 'Referrals', fr: 'Aiguillages' },
  digital: { en: 'Digital delivery', fr: 'Prestation numérique' },
  integrity: { en: 'Program integrity', fr: 'Intégrité du programme' },
};

/** The kinds' names in both languages, as kinds.ts gives them. */
export const KINDS = Object.fromEntries(
  Object.entries(KIND_RULES).map(([kind, rules]) => [kind, rules.label]),
) as Record<Kind, Text>;

const RECEIPT_CAVEAT: Text = {
  en: 'A case counts as in receipt for a month when its basic needs and shelter payments for that month, net of every reversal delivered so far, are above zero; a late reversal can take a past month out of receipt.',
  fr: 'Un dossier est compté comme bénéficiaire pour un mois lorsque ses paiements pour besoins essentiels et logement de ce mois, nets de toutes les annulations reçues à ce jour, sont supérieurs à zéro; une annulation tardive peut retirer un mois passé.',
};

export const MEASURES: readonly MeasureDef[] = [
  {
    id: 'caseload',
    mart: 'mart_caseload',
    group: 'caseload',
    kind: 'count',
    title: { en: 'Caseload', fr: 'Nombre de dossiers' },
    description: {
      en: 'Number of cases (benefit units) that received basic financial assistance in the month.',
      fr: 'Nombre de dossiers (unités de prestations) ayant reçu une aide financière de base au cours du mois.',
    },
    definition: {
      en: 'cases in receipt in m (net BASIC_NEEDS + SHELTER for benefit month m > 0)',
      fr: 'dossiers bénéficiaires au mois m (net BASIC_NEEDS + SHELTER pour le mois de prestation m > 0)',
    },
    better: 'neither',
    breakdown: null,
    moneyNumerator: false,
    cohortDays: null,
    caveats: RECEIPT_CAVEAT,
  },
  {
    id: 'beneficiaries',
    mart: 'mart_caseload',
    group: 'caseload',
    kind: 'count',
    title: { en: 'Beneficiaries', fr: 'Bénéficiaires' },
    description: {
      en: 'Number of people (all members of the benefit units) in the cases in receipt in the month.',
      fr: 'Nombre de personnes (tous les membres des unités de prestations) dans les dossiers bénéficiaires du mois.',
    },
    definition: {
      en: 'sum of members over the cases in receipt in m',
      fr: 'somme de members sur les dossiers bénéficiaires au mois m',
    },
    better: 'neither',
    breakdown: null,
    moneyNumerator: false,
    cohortDays: null,
    caveats: {
      en: 'Household size is taken from the latest version of each case, for every month.',
      fr: 'La taille du ménage provient de la version la plus récente de chaque dossier, pour tous les mois.',
    },
  },
  {
    id: 'cases_opened',
    mart: 'mart_case_flows',
    group: 'caseload',
    kind: 'count',
    title: { en: 'Cases opened', fr: 'Dossiers ouverts' },
    description: {
      en: 'Number of cases granted assistance in the month.',
      fr: 'Nombre de dossiers auxquels l’aide a été accordée au cours du mois.',
    },
    definition: {
      en: 'cases with opened_on in m',
      fr: 'dossiers dont opened_on est au mois m',
    },
    better: 'neither',
    breakdown: null,
    moneyNumerator: false,
    cohortDays: null,
    caveats: {
      en: 'Counted for the manager and program of the case’s latest version.',
      fr: 'Compté pour le gestionnaire et le programme de la version la plus récente du dossier.',
    },
  },
  {
    id: 'cases_closed',
    mart: 'mart_case_flows',
    group: 'caseload',
    kind: 'count',
    title: { en: 'Cases closed', fr: 'Dossiers fermés' },
    description: {
      en: 'Number of cases whose assistance ended in the month, for any reason.',
      fr: 'Nombre de dossiers dont l’aide a pris fin au cours du mois, pour quelque raison que ce soit.',
    },
    definition: {
      en: 'cases with closed_on in m',
      fr: 'dossiers dont closed_on est au mois m',
    },
    better: 'neither',
    breakdown: null,
    moneyNumerator: false,
    cohortDays: null,
    caveats: {
      en: 'A closure corrected in a later delivery is counted in its corrected month.',
      fr: 'Une fermeture corrigée dans une livraison ultérieure est comptée dans son mois corrigé.',
    },
  },
  {
    id: 'assistance_paid',
    mart: 'mart_assistance_paid',
    group: 'caseload',
    kind: 'total',
    title: { en: 'Assistance paid', fr: 'Aide versée' },
    description: {
      en: 'Dollars of assistance paid for the month, net of reversals, by payment type.',
      fr: 'Dollars d’aide versés pour le mois, nets des annulations, par type de paiement.',
    },
    definition: {
      en: 'net amount over all payment types with benefit month m; denominator = cases whose net (over all types for the ALL row, of that type for a type row) is non-zero. Breakdown: payment_type',
      fr: 'montant net sur tous les types de paiement dont le mois de prestation est m; dénominateur = dossiers dont le net (sur tous les types pour la ligne ALL, sur ce type pour une ligne par type) n’est pas nul. Ventilation : payment_type',
    },
    better: 'neither',
    breakdown: 'payment_type',
    moneyNumerator: true,
    cohortDays: null,
    caveats: {
      en: 'Payments are counted in the month they are for (benefit month), not the month they were issued; reversals delivered later reduce the month they reverse.',
      fr: 'Les paiements sont comptés dans le mois visé (mois de prestation), et non dans le mois d’émission; les annulations reçues plus tard réduisent le mois qu’elles annulent.',
    },
  },
  // Employment outcomes
  {
    id: 'pct_caseload_with_earnings',
    mart: 'mart_employment_earnings',
    group: 'employment',
    kind: 'rate',
    nobody: { en: 'no cases in receipt this month', fr: 'aucun dossier bénéficiaire ce mois-ci' },
    title: { en: 'Caseload with employment earnings', fr: 'Dossiers avec revenus d’emploi' },
    description: {
      en: 'Share of the cases in receipt whose latest income report for the month shows employment earnings.',
      fr: 'Part des dossiers bénéficiaires dont la plus récente déclaration de revenus du mois indique des revenus d’emploi.',
    },
    definition: {
      en: 'group: caseload(m); condition: the case’s latest income report (greatest reported_on) for benefit month m has employment_earnings > 0',
      fr: 'groupe : caseload(m); condition : la dernière déclaration de revenus du dossier (reported_on le plus récent) pour le mois de prestation m a employment_earnings > 0',
    },
    better: 'up',
    breakdown: null,
    moneyNumerator: false,
    cohortDays: null,
    caveats: {
      en: 'A case that reported nothing for the month counts as having no earnings.',
      fr: 'Un dossier qui n’a rien déclaré pour le mois est compté comme n’ayant aucun revenu.',
    },
  },
  {
    id: 'avg_monthly_earnings',
    mart: 'mart_employment_earnings',
    group: 'employment',
    kind: 'mean',
    nobody: {
      en: 'no case with employment earnings this month',
      fr: 'aucun dossier avec revenus d’emploi ce mois-ci',
    },
    digits: 0,
    title: { en: 'Average monthly earnings', fr: 'Revenu mensuel moyen' },
    description: {
      en: 'Average monthly employment earnings of the cases in receipt that reported earnings.',
      fr: 'Revenu d’emploi mensuel moyen des dossiers bénéficiaires ayant déclaré des revenus.',
    },
    definition: {
      en: 'over the cases in receipt in m whose latest income report for m has employment_earnings > 0: their employment_earnings (sum / cases)',
      fr: 'sur les dossiers bénéficiaires au mois m dont la dernière déclaration de revenus pour m a employment_earnings > 0 : leurs employment_earnings (somme / dossiers)',
    },
    better: 'up',
    breakdown: null,
    moneyNumerator: true,
    cohortDays: null,
    caveats: {
      en: 'Gross earnings of the whole benefit unit, in dollars; the numerator (a sum) is not published in the public tier.',
      fr: 'Revenus bruts de toute l’unité de prestations, en dollars; le numérateur (une somme) n’est pas publié dans le volet public.',
    },
  },
  {
    id: 'pct_exits_to_employment',
    mart: 'mart_employment_exits',
    group: 'employment',
    kind: 'rate',
    nobody: { en: 'no cases closed this month', fr: 'aucun dossier fermé ce mois-ci' },
    title: { en: 'Exits to employment', fr: 'Sorties vers l’emploi' },
    description: {
      en: 'Share of the cases closed in the month that closed because the person found work.',
      fr: 'Part des dossiers fermés au cours du mois parce que la personne a trouvé un emploi.',
    },
    definition: {
      en: 'group: cases closed in m; condition: close_reason = EMPLOYMENT',
      fr: 'groupe : dossiers fermés au mois m; condition : close_reason = EMPLOYMENT',
    },
    better: 'up',
    breakdown: null,
    moneyNumerator: false,
    cohortDays: null,
    caveats: {
      en: 'The close reason is taken from the latest version of each case; a corrected reason counts in the closure month.',
      fr: 'Le motif de fermeture provient de la version la plus récente du dossier; un motif corrigé compte dans le mois de fermeture.',
    },
  },
  {
    id: 'pct_caseload_exiting_to_employment',
    mart: 'mart_employment_exits',
    group: 'employment',
    kind: 'rate',
    nobody: { en: 'no cases in receipt this month', fr: 'aucun dossier bénéficiaire ce mois-ci' },
    title: { en: 'Caseload exiting to employment', fr: 'Dossiers sortant vers l’emploi' },
    description: {
      en: 'Cases closed for employment in the month, as a percentage of the month’s caseload.',
      fr: 'Dossiers fermés pour cause d’emploi au cours du mois, en pourcentage des dossiers du mois.',
    },
    definition: {
      en: 'num: cases closed in m with close_reason = EMPLOYMENT; den: caseload(m) (closures need not be in the caseload, so small groups can exceed 100)',
      fr: 'num. : dossiers fermés au mois m avec close_reason = EMPLOYMENT; dén. : caseload(m) (les fermetures ne font pas forcément partie du nombre de dossiers : un petit groupe peut dépasser 100)',
    },
    better: 'up',
    breakdown: null,
    numeratorOutsideGroup: true,
    moneyNumerator: false,
    cohortDays: null,
    caveats: {
      en: 'A closed case may not have been in receipt that month, so a small group can exceed 100%.',
      fr: 'Un dossier fermé peut ne pas avoir été bénéficiaire ce mois-là; un petit groupe peut donc dépasser 100 %.',
    },
  },
  {
    id: 'avg_days_to_employment_exit',
    mart: 'mart_employment_exits',
    group: 'employment',
    kind: 'mean',
    nobody: { en: 'no exits to employment this month', fr: 'aucune sortie vers l’emploi ce mois-ci' },
    digits: 0,
    title: {
      en: 'Days on assistance before an exit to employment',
      fr: 'Jours d’aide avant une sortie vers l’emploi',
    },
    description: {
      en: 'Average number of days between the opening and the closing of the cases that closed for employment in the month.',
      fr: 'Nombre moyen de jours entre l’ouverture et la fermeture des dossiers fermés pour cause d’emploi au cours du mois.',
    },
    definition: {
      en: 'over cases closed in m with close_reason = EMPLOYMENT: days between opened_on and closed_on',
      fr: 'sur les dossiers fermés au mois m avec close_reason = EMPLOYMENT : jours entre opened_on et closed_on',
    },
    better: 'down',
    breakdown: null,
    moneyNumerator: false,
    cohortDays: null,
    caveats: {
      en: 'Counts the current case only; earlier spells of the same person are not added.',
      fr: 'Ne compte que le dossier en cours; les périodes antérieures de la même personne ne sont pas ajoutées.',
    },
  },
  {
    id: 'reentry_within_12_months',
    mart: 'mart_reentry',
    group: 'employment',
    kind: 'rate',
    nobody: { en: 'no cases closed this month', fr: 'aucun dossier fermé ce mois-ci' },
    title: { en: 'Return to assistance within 12 months', fr: 'Retour à l’aide dans les 12 mois' },
    description: {
      en: 'Share of the cases closed in the month whose person came back to the same program within a year.',
      fr: 'Part des dossiers fermés au cours du mois dont la personne est revenue au même programme dans l’année.',
    },
    definition: {
      en: 'cohort (W = 365): cases closed in m whose close_reason is not DECEASED, TRANSFER_TO_ODSP or MOVED; condition: the same person_id has another case of the same program with opened_on 1 to 365 days after this closed_on (in any geography)',
      fr: 'cohorte (W = 365) : dossiers fermés au mois m dont close_reason n’est ni DECEASED, ni TRANSFER_TO_ODSP, ni MOVED; condition : la même personne (person_id) a un autre dossier du même programme avec opened_on de 1 à 365 jours après ce closed_on (quelle que soit la zone)',
    },
    better: 'down',
    breakdown: null,
    moneyNumerator: false,
    cohortDays: 365,
    caveats: {
      en: 'Pending until 365 days after the end of the month have passed. A return anywhere in Ontario counts.',
      fr: 'En attente jusqu’à ce que 365 jours se soient écoulés après la fin du mois. Un retour n’importe où en Ontario compte.',
    },
  },
  // Intake
  {
    id: 'applications_submitted',
    mart: 'mart_applications',
    group: 'intake',
    kind: 'count',
    title: { en: 'Applications submitted', fr: 'Demandes présentées' },
    description: {
      en: 'Number of applications for assistance submitted in the month, by channel.',
      fr: 'Nombre de demandes d’aide présentées au cours du mois, par mode de présentation.',
    },
    definition: {
      en: 'applications with submitted_on in m. Breakdown: channel',
      fr: 'demandes dont submitted_on est au mois m. Ventilation : channel',
    },
    better: 'neither',
    breakdown: 'channel',
    moneyNumerator: false,
    cohortDays: null,
    caveats: {
      en: 'Applications carry their own manager and program.',
      fr: 'Les demandes portent leur propre gestionnaire et leur propre programme.',
    },
  },
  {
    id: 'pct_applications_online',
    mart: 'mart_applications',
    group: 'intake',
    kind: 'rate',
    nobody: { en: 'no applications this month', fr: 'aucune demande ce mois-ci' },
    title: { en: 'Applications made online', fr: 'Demandes présentées en ligne' },
    description: {
      en: 'Share of the month’s applications submitted online.',
      fr: 'Part des demandes du mois présentées en ligne.',
    },
    definition: {
      en: 'group: applications submitted in m; condition: channel = ONLINE',
      fr: 'groupe : demandes présentées au mois m; condition : channel = ONLINE',
    },
    better: 'up',
    breakdown: null,
    moneyNumerator: false,
    cohortDays: null,
    caveats: {
      en: 'Applications made with a partner agency’s help are not counted as online.',
      fr: 'Les demandes présentées avec l’aide d’un organisme partenaire ne sont pas comptées en ligne.',
    },
  },
  {
    id: 'median_days_to_decision',
    mart: 'mart_decision_times',
    group: 'intake',
    kind: 'median',
    nobody: { en: 'no decisions this month', fr: 'aucune décision ce mois-ci' },
    title: { en: 'Days to a decision (median)', fr: 'Jours avant une décision (médiane)' },
    description: {
      en: 'Median number of days from submission to decision for the applications decided in the month.',
      fr: 'Nombre médian de jours entre la présentation et la décision pour les demandes tranchées au cours du mois.',
    },
    definition: {
      en: 'applications with decided_on in m, whatever the decision (withdrawn included): days between submitted_on and decided_on (median; mean of the two middle values when even)',
      fr: 'demandes dont decided_on est au mois m, quelle que soit la décision (retraits compris) : jours entre submitted_on et decided_on (médiane; moyenne des deux valeurs du milieu quand leur nombre est pair)',
    },
    better: 'down',
    breakdown: null,
    moneyNumerator: false,
    cohortDays: null,
    caveats: {
      en: 'Withdrawn applications are included.',
      fr: 'Les demandes retirées sont incluses.',
    },
  },
  {
    id: 'pct_granted',
    mart: 'mart_applications',
    group: 'intake',
    kind: 'rate',
    nobody: {
      en: 'no applications granted or denied this month',
      fr: 'aucune demande accordée ou refusée ce mois-ci',
    },
    title: { en: 'Applications granted', fr: 'Demandes accordées' },
    description: {
      en: 'Share of the applications decided in the month (granted or denied) that were granted.',
      fr: 'Part des demandes tranchées au cours du mois (accordées ou refusées) qui ont été accordées.',
    },
    definition: {
      en: 'group: applications decided in m with decision GRANTED or DENIED; condition: GRANTED',
      fr: 'groupe : demandes tranchées au mois m par la décision GRANTED ou DENIED; condition : GRANTED',
    },
    better: 'neither',
    breakdown: null,
    moneyNumerator: false,
    cohortDays: null,
    caveats: {
      en: 'Withdrawn applications are left out.',
      fr: 'Les demandes retirées sont exclues.',
    },
  },
  // Life stabilization
  {
    id: 'pct_new_cases_assessed_30d',
    mart: 'mart_new_case_assessments',
    group: 'stabilization',
    kind: 'rate',
    nobody: { en: 'no new cases this month', fr: 'aucun nouveau dossier ce mois-ci' },
    title: { en: 'New cases assessed within 30 days', fr: 'Nouveaux dossiers évalués dans les 30 jours' },
    description: {
      en: 'Share of the cases opened in the month that had an initial life stabilization assessment within 30 days.',
      fr: 'Part des dossiers ouverts au cours du mois ayant eu une évaluation initiale de stabilisation dans les 30 jours.',
    },
    definition: {
      en: 'cohort (W = 30): cases opened in m; condition: any INITIAL assessment of the case (not only the earliest) 0 to 30 days after opened_on',
      fr: 'cohorte (W = 30) : dossiers ouverts au mois m; condition : une évaluation INITIAL du dossier (pas seulement la première) de 0 à 30 jours après opened_on',
    },
    better: 'up',
    breakdown: null,
    moneyNumerator: false,
    cohortDays: 30,
    caveats: {
      en: 'Pending until 30 days after the end of the month have passed.',
      fr: 'En attente jusqu’à ce que 30 jours se soient écoulés après la fin du mois.',
    },
  },
  {
    id: 'pct_caseload_with_action_plan',
    mart: 'mart_caseload_assessment_status',
    group: 'stabilization',
    kind: 'rate',
    nobody: { en: 'no cases in receipt this month', fr: 'aucun dossier bénéficiaire ce mois-ci' },
    title: { en: 'Caseload with an action plan', fr: 'Dossiers avec un plan d’action' },
    description: {
      en: 'Share of the cases in receipt whose latest assessment by the month’s end has an action plan in place.',
      fr: 'Part des dossiers bénéficiaires dont la plus récente évaluation à la fin du mois prévoit un plan d’action.',
    },
    definition: {
      en: 'group: caseload(m); condition: the case’s latest assessment with assessed_on ≤ end(m) has action_plan = Y',
      fr: 'groupe : caseload(m); condition : la dernière évaluation du dossier avec assessed_on ≤ end(m) a action_plan = Y',
    },
    better: 'up',
    breakdown: null,
    moneyNumerator: false,
    cohortDays: null,
    caveats: {
      en: 'Cases never assessed count as without a plan.',
      fr: 'Les dossiers jamais évalués sont comptés sans plan.',
    },
  },
  {
    id: 'pct_employment_ready',
    mart: 'mart_caseload_assessment_status',
    group: 'stabilization',
    kind: 'rate',
    nobody: {
      en: 'no assessed cases in receipt this month',
      fr: 'aucun dossier bénéficiaire évalué ce mois-ci',
    },
    title: { en: 'Assessed caseload ready for employment', fr: 'Dossiers évalués prêts pour l’emploi' },
    description: {
      en: 'Share of the assessed cases in receipt whose latest assessment judges the person ready for employment services.',
      fr: 'Part des dossiers bénéficiaires évalués dont la plus récente évaluation juge la personne prête pour les services d’emploi.',
    },
    definition: {
      en: 'group: caseload(m) cases with any assessment on or before end(m); condition: the latest such has employment_ready = Y',
      fr: 'groupe : dossiers de caseload(m) ayant une évaluation au plus tard à end(m); condition : la plus récente de celles-ci a employment_ready = Y',
    },
    better: 'up',
    breakdown: null,
    moneyNumerator: false,
    cohortDays: null,
    caveats: {
      en: 'Cases never assessed are left out of the group.',
      fr: 'Les dossiers jamais évalués sont exclus du groupe.',
    },
  },
  {
    id: 'pct_improved',
    mart: 'mart_stabilization_progress',
    group: 'stabilization',
    kind: 'rate',
    nobody: { en: 'no progress reviews this month', fr: 'aucune réévaluation ce mois-ci' },
    title: { en: 'Reviews showing improvement', fr: 'Réévaluations montrant une amélioration' },
    description: {
      en: 'Share of the cases reviewed in the month, at least 90 days after their initial assessment, whose total score improved.',
      fr: 'Part des dossiers réévalués au cours du mois, au moins 90 jours après l’évaluation initiale, dont le score total s’est amélioré.',
    },
    definition: {
      en: 'group: cases with a REVIEW assessment in m at least 90 days after their initial (the earliest INITIAL, even if another follows); compare the latest such review in m with the initial; condition: its total (sum of the six domain scores) is higher',
      fr: 'groupe : dossiers ayant au mois m une évaluation REVIEW au moins 90 jours après leur évaluation initiale (la première INITIAL, même si une autre suit); la dernière de ces réévaluations du mois m est comparée à l’initiale; condition : son total (somme des six scores par domaine) est plus élevé',
    },
    better: 'up',
    breakdown: null,
    moneyNumerator: false,
    cohortDays: null,
    caveats: {
      en: 'Reviews less than 90 days after the initial assessment are not counted.',
      fr: 'Les réévaluations faites moins de 90 jours après l’évaluation initiale ne sont pas comptées.',
    },
  },
  {
    id: 'avg_score_change',
    mart: 'mart_stabilization_progress',
    group: 'stabilization',
    kind: 'mean',
    nobody: { en: 'no progress reviews this month', fr: 'aucune réévaluation ce mois-ci' },
    title: { en: 'Average change in stabilization score', fr: 'Variation moyenne du score de stabilisation' },
    description: {
      en: 'Average change in the assessment score between the initial assessment and the month’s review, overall and by domain.',
      fr: 'Variation moyenne du score d’évaluation entre l’évaluation initiale et la réévaluation du mois, au total et par domaine.',
    },
    definition: {
      en: 'same group and review as pct_improved: review total − initial total (the ALL row); each domain’s score change in its breakdown row. Breakdown: domain',
      fr: 'même groupe et même réévaluation que pct_improved : total de la réévaluation − total initial (ligne ALL); la variation du score de chaque domaine dans sa ligne de ventilation. Ventilation : domain',
    },
    better: 'up',
    breakdown: 'domain',
    moneyNumerator: false,
    cohortDays: null,
    caveats: {
      en: 'Totals range from 6 to 30 and each domain from 1 (in crisis) to 5 (thriving).',
      fr: 'Les totaux vont de 6 à 30 et chaque domaine de 1 (en crise) à 5 (épanouissement).',
    },
  },
  {
    id: 'ready_referred_to_eo_90d',
    mart: 'mart_ready_referred_to_eo',
    group: 'stabilization',
    kind: 'rate',
    nobody: {
      en: 'no case became ready for employment this month',
      fr: 'aucun dossier devenu prêt à l’emploi ce mois-ci',
    },
    title: {
      en: 'Ready clients referred to Employment Ontario within 90 days',
      fr: 'Clients prêts aiguillés vers Emploi Ontario dans les 90 jours',
    },
    description: {
      en: 'Share of the cases first judged ready for employment in the month that were referred to Employment Ontario within 90 days.',
      fr: 'Part des dossiers jugés prêts pour l’emploi pour la première fois au cours du mois qui ont été aiguillés vers Emploi Ontario dans les 90 jours.',
    },
    definition: {
      en: 'cohort (W = 90): cases whose first employment_ready = Y assessment is in m; condition: an EMPLOYMENT_ONTARIO referral of the same case referred_on 0 to 90 days after that assessment',
      fr: 'cohorte (W = 90) : dossiers dont la première évaluation avec employment_ready = Y est au mois m; condition : un aiguillage EMPLOYMENT_ONTARIO du même dossier avec referred_on de 0 à 90 jours après cette évaluation',
    },
    better: 'up',
    breakdown: null,
    moneyNumerator: false,
    cohortDays: 90,
    caveats: {
      en: 'Pending until 90 days after the end of the month have passed.',
      fr: 'En attente jusqu’à ce que 90 jours se soient écoulés après la fin du mois.',
    },
  },
  // Referrals
  {
    id: 'referrals_made',
    mart: 'mart_referrals',
    group: 'referrals',
    kind: 'count',
    title: { en: 'Referrals made', fr: 'Aiguillages effectués' },
    description: {
      en: 'Number of referrals to community and employment services made in the month, by type.',
      fr: 'Nombre d’aiguillages vers des services communautaires et d’emploi effectués au cours du mois, par type.',
    },
    definition: {
      en: 'referrals with referred_on in m. Breakdown: referral_type',
      fr: 'aiguillages dont referred_on est au mois m. Ventilation : referral_type',
    },
    better: 'neither',
    breakdown: 'referral_type',
    moneyNumerator: false,
    cohortDays: null,
    caveats: {
      en: 'Counted for the manager and program of the referred case’s latest version.',
      fr: 'Compté pour le gestionnaire et le programme de la version la plus récente du dossier aiguillé.',
    },
  },
  {
    id: 'pct_referrals_warm',
    mart: 'mart_referrals',
    group: 'referrals',
    kind: 'rate',
    nobody: { en: 'no referrals this month', fr: 'aucun aiguillage ce mois-ci' },
    title: { en: 'Warm referrals', fr: 'Aiguillages personnalisés' },
    description: {
      en: 'Share of the month’s referrals in which the caseworker connected the person directly with the partner.',
      fr: 'Part des aiguillages du mois dans lesquels l’intervenant a mis la personne directement en contact avec le partenaire.',
    },
    definition: {
      en: 'group: referrals made in m; condition: warm = Y. Breakdown: referral_type',
      fr: 'groupe : aiguillages faits au mois m; condition : warm = Y. Ventilation : referral_type',
    },
    better: 'up',
    breakdown: 'referral_type',
    moneyNumerator: false,
    cohortDays: null,
    caveats: {
      en: 'As recorded by the caseworker.',
      fr: 'Tel que consigné par l’intervenant.',
    },
  },
  {
    id: 'pct_referrals_connected_30d',
    mart: 'mart_referrals',
    group: 'referrals',
    kind: 'rate',
    nobody: { en: 'no referrals this month', fr: 'aucun aiguillage ce mois-ci' },
    title: { en: 'Referrals connected within 30 days', fr: 'Aiguillages concrétisés dans les 30 jours' },
    description: {
      en: 'Share of the month’s referrals where the person was connected with the service within 30 days.',
      fr: 'Part des aiguillages du mois où la personne a été mise en lien avec le service dans les 30 jours.',
    },
    definition: {
      en: 'cohort (W = 30): referrals made in m; condition: status = CONNECTED and status_on 0 to 30 days after referred_on. Breakdown: referral_type',
      fr: 'cohorte (W = 30) : aiguillages faits au mois m; condition : status = CONNECTED et status_on de 0 à 30 jours après referred_on. Ventilation : referral_type',
    },
    better: 'up',
    breakdown: 'referral_type',
    moneyNumerator: false,
    cohortDays: 30,
    caveats: {
      en: 'Pending until 30 days after the end of the month have passed. Only the referral’s latest status is known.',
      fr: 'En attente jusqu’à ce que 30 jours se soient écoulés après la fin du mois. Seul le statut le plus récent de l’aiguillage est connu.',
    },
  },
  {
    id: 'referrals_per_100_cases',
    mart: 'mart_referrals',
    group: 'referrals',
    kind: 'per100',
    nobody: { en: 'no cases in receipt this month', fr: 'aucun dossier bénéficiaire ce mois-ci' },
    title: { en: 'Referrals per 100 cases', fr: 'Aiguillages pour 100 dossiers' },
    description: {
      en: 'Referrals made in the month for every 100 cases in receipt.',
      fr: 'Aiguillages effectués au cours du mois pour 100 dossiers bénéficiaires.',
    },
    definition: {
      en: 'num: referrals made in m; den: caseload(m)',
      fr: 'num. : aiguillages faits au mois m; dén. : caseload(m)',
    },
    better: 'up',
    breakdown: null,
    moneyNumerator: false,
    cohortDays: null,
    caveats: {
      en: 'Referrals of cases not in receipt that month still count in the numerator.',
      fr: 'Les aiguillages de dossiers non bénéficiaires ce mois-là comptent quand même au numérateur.',
    },
  },
  // Digital delivery
  {
    id: 'pct_caseload_mybenefits',
    mart: 'mart_mybenefits',
    group: 'digital',
    kind: 'rate',
    nobody: { en: 'no cases in receipt this month', fr: 'aucun dossier bénéficiaire ce mois-ci' },
    title: { en: 'Caseload enrolled in MyBenefits', fr: 'Dossiers inscrits à MesPrestations' },
    description: {
      en: 'Share of the cases in receipt enrolled in the MyBenefits digital service by the month’s end.',
      fr: 'Part des dossiers bénéficiaires inscrits au service numérique MesPrestations à la fin du mois.',
    },
    definition: {
      en: 'group: caseload(m); condition: the case has a mybenefits row with enrolled_on ≤ end(m)',
      fr: 'groupe : caseload(m); condition : le dossier a une ligne mybenefits avec enrolled_on ≤ end(m)',
    },
    better: 'up',
    breakdown: null,
    moneyNumerator: false,
    cohortDays: null,
    caveats: {
      en: 'Enrolment, not use: a case enrolled once counts in every later month.',
      fr: 'Inscription et non utilisation : un dossier inscrit une fois compte pour tous les mois suivants.',
    },
  },
  {
    id: 'client_messages',
    mart: 'mart_messages',
    group: 'digital',
    kind: 'count',
    title: { en: 'Messages from clients', fr: 'Messages des clients' },
    description: {
      en: 'Number of secure messages sent by clients to their caseworkers in the month.',
      fr: 'Nombre de messages sécurisés envoyés par les clients à leurs intervenants au cours du mois.',
    },
    definition: {
      en: 'CLIENT messages with sent_at in m',
      fr: 'messages CLIENT dont sent_at est au mois m',
    },
    better: 'neither',
    breakdown: null,
    moneyNumerator: false,
    cohortDays: null,
    caveats: {
      en: 'Times are Toronto local clock times.',
      fr: 'Les heures sont celles de Toronto.',
    },
  },
  {
    id: 'pct_client_messages_replied_2d',
    mart: 'mart_messages',
    group: 'digital',
    kind: 'rate',
    nobody: { en: 'no client messages this month', fr: 'aucun message de client ce mois-ci' },
    title: {
      en: 'Client messages answered within 48 hours',
      fr: 'Messages de clients répondus dans les 48 heures',
    },
    description: {
      en: 'Share of the month’s client messages that a caseworker answered within 48 hours.',
      fr: 'Part des messages de clients du mois auxquels un intervenant a répondu dans les 48 heures.',
    },
    definition: {
      en: 'cohort (W = 2): CLIENT messages sent in m; condition: a reply (the earliest CASEWORKER message answering it) sent at most 48:00:00 after it, to the second',
      fr: 'cohorte (W = 2) : messages CLIENT envoyés au mois m; condition : une réponse (le premier message CASEWORKER qui y répond) envoyée au plus 48:00:00 après lui, à la seconde près',
    },
    better: 'up',
    breakdown: null,
    moneyNumerator: false,
    cohortDays: 2,
    caveats: {
      en: 'Pending until two days after the end of the month. Hours are local clock hours; daylight-saving changes are ignored.',
      fr: 'En attente jusqu’à deux jours après la fin du mois. Les heures sont celles de l’horloge locale; les changements d’heure sont ignorés.',
    },
  },
  {
    id: 'median_hours_to_reply',
    mart: 'mart_reply_times',
    group: 'digital',
    kind: 'median',
    nobody: { en: 'no client message answered this month', fr: 'aucun message de client répondu ce mois-ci' },
    title: { en: 'Hours to a reply (median)', fr: 'Heures avant une réponse (médiane)' },
    description: {
      en: 'Median number of hours a caseworker took to answer the client messages of the month that have an answer.',
      fr: 'Nombre médian d’heures qu’un intervenant a mis à répondre aux messages de clients du mois qui ont reçu une réponse.',
    },
    definition: {
      en: 'CLIENT messages sent in m that have a reply, however late: hours from the message to its reply, each rounded to 1 decimal before taking the median',
      fr: 'messages CLIENT envoyés au mois m qui ont une réponse, même tardive : heures entre le message et sa réponse, chacune arrondie à 1 décimale avant le calcul de la médiane',
    },
    better: 'down',
    breakdown: null,
    moneyNumerator: false,
    cohortDays: null,
    caveats: {
      en: 'Not a cohort: the latest month can still change as late replies arrive.',
      fr: 'Pas une cohorte : le dernier mois peut encore changer à mesure que des réponses tardives arrivent.',
    },
  },
  // Program integrity
  {
    id: 'reviews_completed',
    mart: 'mart_eligibility_reviews',
    group: 'integrity',
    kind: 'count',
    title: { en: 'Eligibility reviews completed', fr: 'Examens d’admissibilité terminés' },
    description: {
      en: 'Number of risk-based eligibility reviews completed in the month, by risk tier.',
      fr: 'Nombre d’examens d’admissibilité fondés sur le risque terminés au cours du mois, par niveau de risque.',
    },
    definition: {
      en: 'reviews with completed_on in m. Breakdown: risk_tier',
      fr: 'révisions dont completed_on est au mois m. Ventilation : risk_tier',
    },
    better: 'neither',
    breakdown: 'risk_tier',
    moneyNumerator: false,
    cohortDays: null,
    caveats: {
      en: 'Counted for the manager and program of the reviewed case’s latest version.',
      fr: 'Compté pour le gestionnaire et le programme de la version la plus récente du dossier examiné.',
    },
  },
  {
    id: 'pct_reviews_completed_60d',
    mart: 'mart_eligibility_reviews',
    group: 'integrity',
    kind: 'rate',
    nobody: { en: 'no reviews selected this month', fr: 'aucune révision sélectionnée ce mois-ci' },
    title: { en: 'Reviews completed within 60 days', fr: 'Examens terminés dans les 60 jours' },
    description: {
      en: 'Share of the reviews selected in the month that were completed within 60 days, by risk tier.',
      fr: 'Part des examens sélectionnés au cours du mois qui ont été terminés dans les 60 jours, par niveau de risque.',
    },
    definition: {
      en: 'cohort (W = 60): reviews selected in m; condition: completed 0 to 60 days after selected_on. Breakdown: risk_tier',
      fr: 'cohorte (W = 60) : révisions sélectionnées au mois m; condition : terminées de 0 à 60 jours après selected_on. Ventilation : risk_tier',
    },
    better: 'up',
    breakdown: 'risk_tier',
    moneyNumerator: false,
    cohortDays: 60,
    caveats: {
      en: 'Pending until 60 days after the end of the month have passed.',
      fr: 'En attente jusqu’à ce que 60 jours se soient écoulés après la fin du mois.',
    },
  },
  {
    id: 'review_hit_rate',
    mart: 'mart_eligibility_reviews',
    group: 'integrity',
    kind: 'rate',
    nobody: { en: 'no reviews completed this month', fr: 'aucune révision terminée ce mois-ci' },
    title: { en: 'Reviews finding a change', fr: 'Examens relevant un changement' },
    description: {
      en: 'Share of the reviews completed in the month that found an overpayment, an underpayment or ineligibility.',
      fr: 'Part des examens terminés au cours du mois qui ont relevé un trop-payé, un moins-payé ou une inadmissibilité.',
    },
    definition: {
      en: 'group: reviews completed in m; condition: outcome ≠ NO_CHANGE. Breakdown: risk_tier',
      fr: 'groupe : révisions terminées au mois m; condition : outcome ≠ NO_CHANGE. Ventilation : risk_tier',
    },
    better: 'neither',
    breakdown: 'risk_tier',
    moneyNumerator: false,
    cohortDays: null,
    caveats: {
      en: 'A higher rate in higher risk tiers means the risk model selects well.',
      fr: 'Un taux plus élevé dans les niveaux de risque supérieurs signifie que le modèle de risque sélectionne bien.',
    },
  },
  {
    id: 'overpayment_identified',
    mart: 'mart_eligibility_reviews',
    group: 'integrity',
    kind: 'total',
    title: { en: 'Overpayments identified', fr: 'Trop-payés relevés' },
    description: {
      en: 'Dollars of overpayment found by the reviews completed in the month (overpayment or ineligibility), by risk tier.',
      fr: 'Dollars de trop-payés relevés par les examens terminés au cours du mois (trop-payé ou inadmissibilité), par niveau de risque.',
    },
    definition: {
      en: 'sum of adjustment_amount of reviews completed in m with outcome OVERPAYMENT or INELIGIBLE; den = distinct cases with such a review. Breakdown: risk_tier',
      fr: 'somme de adjustment_amount des révisions terminées au mois m avec outcome OVERPAYMENT ou INELIGIBLE; dén. = dossiers distincts ayant une telle révision. Ventilation : risk_tier',
    },
    better: 'neither',
    breakdown: 'risk_tier',
    moneyNumerator: true,
    cohortDays: null,
    caveats: {
      en: 'Amounts identified, not amounts recovered.',
      fr: 'Montants relevés, et non montants recouvrés.',
    },
  },
];
