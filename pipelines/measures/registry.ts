// The measure registry: one entry per measure of measures.md. It feeds the warehouse (seed table
// measure_registry, which the `measures` model joins for each measure's kind), the methodology pages,
// the CSV documentation and the tests. The methodology text lives here and nowhere else.

export type Kind = 'count' | 'rate' | 'mean' | 'median' | 'total' | 'per100';

export interface Text {
  en: string;
  fr: string;
}

export interface MeasureDef {
  id: string;
  group: Group;
  kind: Kind;
  title: Text;
  /** Plain-language description for councils. */
  description: Text;
  /** The exact definition (measures.md). */
  definition: string;
  /** Which direction is better, when one is. */
  better: 'up' | 'down' | 'neither';
  /** The breakdown column's meaning, or null when the measure has only `ALL`. */
  breakdown: string | null;
  /** The numerator is money (2 decimals in the CSV). */
  moneyNumerator: boolean;
  /** Cohort window in days, for cohort measures. */
  cohortDays: number | null;
  caveats: Text;
}

/** The groups of measures.md, in its order; each is a dashboard section. */
export type Group =
  'caseload' | 'employment' | 'intake' | 'stabilization' | 'referrals' | 'digital' | 'integrity';

export const GROUPS: Record<Group, Text> = {
  caseload: { en: 'Caseload and spending', fr: 'Nombre de dossiers et dépenses' },
  employment: { en: 'Employment outcomes', fr: 'Résultats en matière d’emploi' },
  intake: { en: 'Intake (centralized, digital)', fr: 'Accueil (centralisé, numérique)' },
  stabilization: { en: 'Life stabilization', fr: 'Stabilisation de la vie' },
  referrals: { en: 'Referrals', fr: 'Aiguillages' },
  digital: { en: 'Digital delivery', fr: 'Prestation numérique' },
  integrity: { en: 'Program integrity', fr: 'Intégrité du programme' },
};

export const KINDS: Record<Kind, Text> = {
  count: { en: 'count', fr: 'nombre' },
  rate: { en: 'percentage of a group', fr: 'pourcentage d’un groupe' },
  mean: { en: 'average', fr: 'moyenne' },
  median: { en: 'median', fr: 'médiane' },
  total: { en: 'dollar total', fr: 'total en dollars' },
  per100: { en: 'per 100 cases', fr: 'pour 100 dossiers' },
};

const RECEIPT_CAVEAT: Text = {
  en: 'A case counts as in receipt for a month when its basic needs and shelter payments for that month, net of every reversal delivered so far, are above zero; a late reversal can take a past month out of receipt.',
  fr: 'Un dossier est compté comme bénéficiaire pour un mois lorsque ses paiements pour besoins essentiels et logement de ce mois, nets de toutes les annulations reçues à ce jour, sont supérieurs à zéro; une annulation tardive peut retirer un mois passé.',
};

export const MEASURES: readonly MeasureDef[] = [
  {
    id: 'caseload',
    group: 'caseload',
    kind: 'count',
    title: { en: 'Caseload', fr: 'Nombre de dossiers' },
    description: {
      en: 'Number of cases (benefit units) that received basic financial assistance in the month.',
      fr: 'Nombre de dossiers (unités de prestations) ayant reçu une aide financière de base au cours du mois.',
    },
    definition: 'cases in receipt in m (net BASIC_NEEDS + SHELTER for benefit month m > 0)',
    better: 'neither',
    breakdown: null,
    moneyNumerator: false,
    cohortDays: null,
    caveats: RECEIPT_CAVEAT,
  },
  {
    id: 'beneficiaries',
    group: 'caseload',
    kind: 'count',
    title: { en: 'Beneficiaries', fr: 'Bénéficiaires' },
    description: {
      en: 'Number of people (all members of the benefit units) in the cases in receipt in the month.',
      fr: 'Nombre de personnes (tous les membres des unités de prestations) dans les dossiers bénéficiaires du mois.',
    },
    definition: 'sum of members over the cases in receipt in m',
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
    group: 'caseload',
    kind: 'count',
    title: { en: 'Cases opened', fr: 'Dossiers ouverts' },
    description: {
      en: 'Number of cases granted assistance in the month.',
      fr: 'Nombre de dossiers auxquels l’aide a été accordée au cours du mois.',
    },
    definition: 'cases with opened_on in m',
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
    group: 'caseload',
    kind: 'count',
    title: { en: 'Cases closed', fr: 'Dossiers fermés' },
    description: {
      en: 'Number of cases whose assistance ended in the month, for any reason.',
      fr: 'Nombre de dossiers dont l’aide a pris fin au cours du mois, pour quelque raison que ce soit.',
    },
    definition: 'cases with closed_on in m',
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
    group: 'caseload',
    kind: 'total',
    title: { en: 'Assistance paid', fr: 'Aide versée' },
    description: {
      en: 'Dollars of assistance paid for the month, net of reversals, by payment type.',
      fr: 'Dollars d’aide versés pour le mois, nets des annulations, par type de paiement.',
    },
    definition:
      'net amount over all payment types with benefit month m; denominator = cases whose net (over all types for the ALL row, of that type for a type row) is non-zero. Breakdown: payment_type',
    better: 'neither',
    breakdown: 'payment_type',
    moneyNumerator: true,
    cohortDays: null,
    caveats: {
      en: 'Payments are counted in the month they are for (benefit month), not the month they were issued; reversals delivered later reduce the month they reverse.',
      fr: 'Les paiements sont comptés dans le mois visé (mois de prestation), et non dans le mois d’émission; les annulations reçues plus tard réduisent le mois qu’elles annulent.',
    },
  },
];

export const measureById = (id: string): MeasureDef | undefined => MEASURES.find((m) => m.id === id);
