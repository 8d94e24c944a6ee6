// The site map: every page in both languages, with its title. The config builds the sidebar, the
// dynamic paths, each page's <title>, heading and language switch from it; pages link with `sitePath`.
//
// Every page exists as /en/<slug> and /fr/<slug>, from one source file under src/[lang]/ (the language is
// the route parameter), so the language switch is the same path with the other language.
import { type Lang, type Text } from './i18n.js';

/** The topic pages (src/[lang]/[topic].md) and the measure groups of the registry each one shows. */
export const TOPICS = {
  employment: ['employment'],
  stabilization: ['stabilization', 'referrals'],
  intake: ['intake'],
  digital: ['digital'],
  integrity: ['integrity'],
} as const satisfies Record<string, readonly string[]>;

export interface PageDef {
  /** The path after /<lang>/ ('' for the overview). */
  slug: string;
  title: Text;
  /** One line on what the page answers, shown under its heading. */
  summary: Text;
}

export const PAGES: readonly PageDef[] = [
  {
    slug: '',
    title: { en: 'Province overview', fr: 'Aperçu provincial' },
    summary: {
      en: 'The headline measures for Ontario in the latest month, how they changed on the year, and how service managers compare on the key outcomes.',
      fr: 'Les principales mesures pour l’Ontario au dernier mois, leur évolution sur un an, et la comparaison des gestionnaires de services sur les principaux résultats.',
    },
  },
  {
    slug: 'managers/',
    title: { en: 'Service managers', fr: 'Gestionnaires de services' },
    summary: {
      en: 'The 47 service managers that deliver Ontario Works, each with its own page and council report.',
      fr: 'Les 47 gestionnaires de services qui offrent Ontario au travail, chacun avec sa page et son rapport au conseil.',
    },
  },
  {
    slug: 'compare',
    title: { en: 'Compare service managers', fr: 'Comparer les gestionnaires de services' },
    summary: {
      en: 'Any measure across all 47 service managers, for any month.',
      fr: 'N’importe quelle mesure pour les 47 gestionnaires de services, pour n’importe quel mois.',
    },
  },
  {
    slug: 'employment',
    title: { en: 'Employment outcomes', fr: 'Résultats en matière d’emploi' },
    summary: {
      en: 'Earnings and exits to employment, and each Employment Services catchment before and after its start.',
      fr: 'Revenus d’emploi et sorties vers l’emploi, et chaque zone des Services d’emploi avant et après son lancement.',
    },
  },
  {
    slug: 'stabilization',
    title: { en: 'Life stabilization', fr: 'Stabilisation de la vie' },
    summary: {
      en: 'Assessment coverage, action plans, progress across the six domains, and referrals on to Employment Ontario.',
      fr: 'Couverture des évaluations, plans d’action, progrès dans les six domaines, et aiguillages vers Emploi Ontario.',
    },
  },
  {
    slug: 'intake',
    title: { en: 'Intake', fr: 'Demandes et admissibilité' },
    summary: {
      en: 'How people apply (the channel mix) and how long decisions take.',
      fr: 'Comment les gens présentent une demande (les modes de présentation) et les délais de décision.',
    },
  },
  {
    slug: 'digital',
    title: { en: 'Digital delivery', fr: 'Prestation numérique' },
    summary: {
      en: 'MyBenefits uptake, secure messaging volumes and how quickly caseworkers reply.',
      fr: 'Adoption de MesPrestations, volume de messages sécurisés et rapidité des réponses des chargés de cas.',
    },
  },
  {
    slug: 'integrity',
    title: { en: 'Program integrity', fr: 'Intégrité du programme' },
    summary: {
      en: 'Risk-based eligibility reviews: how many, how quickly, what they find, by risk tier.',
      fr: 'Examens de l’admissibilité fondés sur le risque : combien, en combien de temps, ce qu’ils révèlent, par niveau de risque.',
    },
  },
  {
    slug: 'funding',
    title: { en: 'Funding', fr: 'Financement' },
    summary: {
      en: 'Who pays for assistance, how the program delivery envelope is allocated, and outcome payments.',
      fr: 'Qui paie l’aide, comment l’enveloppe de prestation des programmes est répartie, et les paiements liés aux résultats.',
    },
  },
  {
    slug: 'data-quality',
    title: { en: 'Data quality', fr: 'Qualité des données' },
    summary: {
      en: 'What was delivered each month, what was loaded or set aside, and the checks every build runs.',
      fr: 'Ce qui a été livré chaque mois, ce qui a été chargé ou mis de côté, et les vérifications de chaque traitement.',
    },
  },
  {
    slug: 'methodology',
    title: { en: 'Methodology', fr: 'Méthodologie' },
    summary: {
      en: 'How every measure is defined, how small numbers are protected, and the funding parameters.',
      fr: 'La définition de chaque mesure, la protection des petits nombres et les paramètres de financement.',
    },
  },
  {
    slug: 'whats-new',
    title: { en: 'What’s new', fr: 'Quoi de neuf' },
    summary: {
      en: 'What changed in the published figures since the last release: months added, figures revised, cohorts made final.',
      fr: 'Ce qui a changé dans les chiffres publiés depuis la dernière diffusion : mois ajoutés, chiffres révisés, cohortes devenues définitives.',
    },
  },
  {
    slug: 'downloads',
    title: { en: 'Downloads', fr: 'Téléchargements' },
    summary: {
      en: 'The published figures as CSV and Parquet files, with their metadata.',
      fr: 'Les chiffres publiés en fichiers CSV et Parquet, avec leurs métadonnées.',
    },
  },
];

export const SITE_NAME: Text = {
  en: 'Ontario social assistance outcomes',
  fr: 'Résultats de l’aide sociale en Ontario',
};

export const MANAGER_PAGE: Text = { en: 'Service manager', fr: 'Gestionnaire de services' };

/** A site path: /<lang>/<slug>. */
export const sitePath = (lang: Lang, slug: string): string => `/${lang}/${slug}`;
export const managerPath = (lang: Lang, code: string): string => `/${lang}/managers/${code}`;

export interface PageRef {
  lang: Lang;
  /** The page's definition, or null for a manager page. */
  page: PageDef | null;
  /** The manager code on a manager page. */
  code: string | null;
}

/** Which page a path names: /<lang>/<slug> or /<lang>/managers/<code>; null for the language chooser. */
export function pageAt(path: string): PageRef | null {
  const match = /^\/(en|fr)\/(.*)$/.exec(path);
  if (!match) return null;
  const lang = match[1] as Lang;
  const rest = (match[2] ?? '').replace(/(^|\/)index$/, '$1');
  const manager = /^managers\/([^/]+)$/.exec(rest);
  if (manager) return { lang, page: null, code: manager[1] ?? null };
  const page = PAGES.find((p) => p.slug === rest);
  return page ? { lang, page, code: null } : null;
}

/** Every page path of one language, managers last (for the config's dynamicPaths). */
export function allPaths(lang: Lang, managerCodes: readonly string[]): string[] {
  return [...PAGES.map((p) => sitePath(lang, p.slug)), ...managerCodes.map((c) => managerPath(lang, c))];
}

/**
 * A link to another page of the site from a module bundled under /_import/components/: resolved
 * against the module's own URL, so it works whatever folder the site is served from and however deep
 * the current page is.
 */
export function siteHref(path: string): string {
  return new URL(`../..${path}`, import.meta.url).href;
}

/** The overview's headline measures, in the order shown (those not in the registry are left out). */
export const HEADLINE_MEASURES = [
  'caseload',
  'beneficiaries',
  'assistance_paid',
  'cases_opened',
  'cases_closed',
  'pct_caseload_with_earnings',
  'pct_exits_to_employment',
  'reentry_within_12_months',
  'pct_applications_online',
  'median_days_to_decision',
  'pct_new_cases_assessed_30d',
  'pct_caseload_with_action_plan',
  'pct_caseload_mybenefits',
  'pct_client_messages_replied_2d',
  'review_hit_rate',
];

/**
 * The key outcomes the overview ranks service managers on. Until the registry has any of them, the
 * overview ranks on the headline measures it has.
 */
export const KEY_OUTCOMES = [
  'pct_caseload_with_earnings',
  'pct_exits_to_employment',
  'reentry_within_12_months',
  'pct_new_cases_assessed_30d',
  'pct_caseload_with_action_plan',
  'ready_referred_to_eo_90d',
  'pct_referrals_connected_30d',
  'median_days_to_decision',
  'pct_caseload_mybenefits',
  'pct_client_messages_replied_2d',
];

/**
 * The figures a manager's council report opens with (manager-summary.ts), most important first: its size
 * and spending, then one outcome of each part of the reform.
 */
export const REPORT_MEASURES = [
  'caseload',
  'assistance_paid',
  'pct_exits_to_employment',
  'pct_caseload_with_earnings',
  'reentry_within_12_months',
  'pct_caseload_with_action_plan',
  'pct_referrals_connected_30d',
  'pct_caseload_mybenefits',
];

/** The employment outcomes each Employment Services catchment is compared on, before and after its start. */
export const EST_MEASURES = [
  'pct_caseload_with_earnings',
  'pct_exits_to_employment',
  'pct_caseload_exiting_to_employment',
];

/** The referral funnel to Employment Ontario (life stabilization page), stage by stage. */
export const FUNNEL_MEASURES = {
  /** Cases first employment-ready in the month, and those referred to EO within 90 days. */
  readyReferred: 'ready_referred_to_eo_90d',
  /** EO referrals made in the month, and those connected within 30 days. */
  connected: 'pct_referrals_connected_30d',
  /** The referral type of Employment Ontario in breakdowns. */
  eo: 'EMPLOYMENT_ONTARIO',
};
