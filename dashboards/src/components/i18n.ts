// English and French: the two languages of every page. A page's words live in strings/, one dictionary per
// language; the words several pages share are here, as { en, fr } pairs picked with `pick`. Numbers, money
// and months are formatted with the language's conventions (fr-CA: "12 500", "12,5 %", "12 300 $",
// "mars 2025").

export type Lang = 'en' | 'fr';
export const LANGS: readonly Lang[] = ['en', 'fr'];

// The registry's bilingual text (types only, erased in the bundle).
import type { Text } from '../../../pipelines/measures/registry.ts';

export type { Text };

/** The text (or text-making function) of a language. */
export const pick = <T>(text: { en: T; fr: T }, lang: Lang): T => text[lang];
export const otherLang = (lang: Lang): Lang => (lang === 'en' ? 'fr' : 'en');

const LOCALE: Record<Lang, string> = { en: 'en-CA', fr: 'fr-CA' };

/**
 * Intl's formatters, made once per language and style: `toLocaleString` makes a new one at every call,
 * which cost a page of tables a tenth of a second on a phone.
 */
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function formatter<F extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => F): F {
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = make()));
  return f as F;
}

export function formatNumber(x: number, lang: Lang, digits = 0): string {
  return formatter(
    `n ${lang} ${digits}`,
    () =>
      new Intl.NumberFormat(LOCALE[lang], { minimumFractionDigits: digits, maximumFractionDigits: digits }),
  ).format(x);
}

/** A percentage already scaled to 0–100: "12.5%" / "12,5 %". */
export function formatPercent(x: number, lang: Lang, digits = 1): string {
  const n = formatNumber(x, lang, digits);
  return lang === 'fr' ? `${n}\u00a0%` : `${n}%`;
}

/** Dollars, whole unless `cents`: "$12,300" / "12 300 $". */
export function formatMoney(x: number, lang: Lang, cents = false): string {
  const n = formatNumber(Math.abs(x), lang, cents ? 2 : 0);
  const sign = x < 0 ? '−' : '';
  return lang === 'fr' ? `${sign}${n}\u00a0$` : `${sign}$${n}`;
}

/** "2025-03" → "March 2025" / "mars 2025" (in UTC, so no time zone can shift it). */
export function formatMonth(period: string, lang: Lang, style: 'long' | 'short' = 'long'): string {
  const [y, m] = period.split('-').map(Number);
  return formatter(
    `m ${lang} ${style}`,
    () => new Intl.DateTimeFormat(LOCALE[lang], { month: style, year: 'numeric', timeZone: 'UTC' }),
  ).format(new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, 1)));
}

/** "2024-25" → "2024-25 fiscal year" / "exercice 2024-2025". */
export function formatFiscalYear(fy: string, lang: Lang): string {
  if (lang === 'en') return `${fy} fiscal year`;
  const start = fy.slice(0, 4);
  return `exercice ${start}-${Number(start) + 1}`;
}

/** The month `n` months before `period` (YYYY-MM). */
export function monthsBefore(period: string, n: number): string {
  const [y, m] = period.split('-').map(Number);
  const d = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1 - n, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

export const PROGRAMS = ['ALL', 'OW', 'ODSP'] as const;

export const PROGRAM_NAMES: Record<string, Text> = {
  OW: { en: 'Ontario Works', fr: 'Ontario au travail' },
  ODSP: { en: 'ODSP', fr: 'POSPH' },
  ALL: { en: 'Both programs', fr: 'Les deux programmes' },
};

export const programName = (program: string, lang: Lang): string =>
  PROGRAM_NAMES[program] ? pick(PROGRAM_NAMES[program], lang) : program;

/** A program within a sentence: "both programs", "Ontario Works". */
export const programPhrase = (program: string, lang: Lang): string =>
  program === 'ALL' ? programName(program, lang).toLowerCase() : programName(program, lang);

export const ONTARIO: Text = { en: 'Ontario', fr: 'Ontario' };

/** The words that stand in for a figure that is not published. Never 0. */
export const STATUS_WORDS: Record<'suppressed' | 'pending' | 'no_data' | 'empty_group', Text> = {
  suppressed: { en: 'suppressed', fr: 'supprimé' },
  pending: { en: 'pending', fr: 'en attente' },
  no_data: { en: 'no data', fr: 'aucune donnée' },
  // A rate, mean or median of a month whose group is empty (measures.md: no_data, a row that may be omitted).
  empty_group: { en: 'no one in the group', fr: 'personne dans le groupe' },
};

/** Breakdown values of measures.md shown in words (the CSV holds the bare code). */
export const BREAKDOWN_NAMES: Record<string, Text> = {
  ALL: { en: 'All', fr: 'Tous' },
  BASIC_NEEDS: { en: 'Basic needs', fr: 'Besoins essentiels' },
  SHELTER: { en: 'Shelter', fr: 'Logement' },
  DISCRETIONARY: { en: 'Discretionary', fr: 'Prestations discrétionnaires' },
  EMPLOYMENT_BENEFIT: { en: 'Employment benefits', fr: 'Prestations d’emploi' },
  OTHER: { en: 'Other', fr: 'Autre' },
  ONLINE: { en: 'Online', fr: 'En ligne' },
  PHONE: { en: 'Phone', fr: 'Téléphone' },
  IN_PERSON: { en: 'In person', fr: 'En personne' },
  PARTNER: { en: 'Partner agency', fr: 'Organisme partenaire' },
  EMPLOYMENT_ONTARIO: { en: 'Employment Ontario', fr: 'Emploi Ontario' },
  HOUSING: { en: 'Housing', fr: 'Logement' },
  MENTAL_HEALTH_ADDICTIONS: { en: 'Mental health and addictions', fr: 'Santé mentale et dépendances' },
  CHILD_CARE: { en: 'Child care', fr: 'Garde d’enfants' },
  HEALTH_CARE: { en: 'Health care', fr: 'Soins de santé' },
  INCOME_BENEFITS: { en: 'Income benefits', fr: 'Prestations de revenu' },
  LEGAL: { en: 'Legal', fr: 'Services juridiques' },
  LIFE_SKILLS: { en: 'Life skills', fr: 'Compétences de vie' },
  LITERACY: { en: 'Literacy', fr: 'Alphabétisation' },
  SETTLEMENT: { en: 'Settlement', fr: 'Établissement' },
  YOUTH: { en: 'Youth', fr: 'Jeunesse' },
  LOW: { en: 'Low risk', fr: 'Risque faible' },
  MEDIUM: { en: 'Medium risk', fr: 'Risque moyen' },
  HIGH: { en: 'High risk', fr: 'Risque élevé' },
  housing: { en: 'Housing', fr: 'Logement' },
  food_security: { en: 'Food security', fr: 'Sécurité alimentaire' },
  health: { en: 'Health', fr: 'Santé' },
  mental_health_addictions: { en: 'Mental health and addictions', fr: 'Santé mentale et dépendances' },
  social_support: { en: 'Social support', fr: 'Soutien social' },
  employment_readiness: { en: 'Employment readiness', fr: 'Préparation à l’emploi' },
};

/** The breakdown columns of measures.md, as a subtitle says them: "by channel", « par canal ». */
export const BREAKDOWN_COLUMNS: Record<string, Text> = {
  channel: { en: 'channel', fr: 'canal' },
  domain: { en: 'domain', fr: 'domaine' },
  payment_type: { en: 'payment type', fr: 'type de paiement' },
  referral_type: { en: 'referral type', fr: 'type d’aiguillage' },
  risk_tier: { en: 'risk tier', fr: 'niveau de risque' },
};

/** "by channel", « par canal »; an unknown column is shown spaced (a test keeps the list complete). */
export function byBreakdown(column: string, lang: Lang): string {
  const name = BREAKDOWN_COLUMNS[column];
  return `${lang === 'fr' ? 'par' : 'by'} ${name ? pick(name, lang) : column.replace(/_/g, ' ')}`;
}

/** A breakdown value in words; an unknown code is shown as it is, lower-cased and spaced. */
export function breakdownName(value: string, lang: Lang): string {
  const known = BREAKDOWN_NAMES[value];
  if (known) return pick(known, lang);
  const words = value.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Vega's number and time locales, so axes and tooltips read like the page around them. */
export const VEGA_LOCALES: Record<
  Lang,
  { formatLocale: Record<string, unknown>; timeFormatLocale: Record<string, unknown> }
> = {
  en: {
    formatLocale: { decimal: '.', thousands: ',', grouping: [3], currency: ['$', ''] },
    timeFormatLocale: {
      dateTime: '%a %b %e %X %Y',
      date: '%Y-%m-%d',
      time: '%H:%M:%S',
      periods: ['AM', 'PM'],
      days: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
      shortDays: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
      months: [
        'January',
        'February',
        'March',
        'April',
        'May',
        'June',
        'July',
        'August',
        'September',
        'October',
        'November',
        'December',
      ],
      shortMonths: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
    },
  },
  fr: {
    formatLocale: { decimal: ',', thousands: '\u00a0', grouping: [3], currency: ['', '\u00a0$'] },
    timeFormatLocale: {
      dateTime: '%A %e %B %Y à %X',
      date: '%Y-%m-%d',
      time: '%H:%M:%S',
      periods: ['AM', 'PM'],
      days: ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'],
      shortDays: ['dim.', 'lun.', 'mar.', 'mer.', 'jeu.', 'ven.', 'sam.'],
      months: [
        'janvier',
        'février',
        'mars',
        'avril',
        'mai',
        'juin',
        'juillet',
        'août',
        'septembre',
        'octobre',
        'novembre',
        'décembre',
      ],
      shortMonths: [
        'janv.',
        'févr.',
        'mars',
        'avr.',
        'mai',
        'juin',
        'juil.',
        'août',
        'sept.',
        'oct.',
        'nov.',
        'déc.',
      ],
    },
  },
};
