// The words of the comparison page (src/[lang]/compare.md.ts).
// The French is typed as the English: a French entry missing, or one too many, fails the typecheck.
import type { Lang } from '../i18n.js';

const en = {
  intro:
    'Choose a measure, a month and a program: every service manager’s figure, ranked, with Ontario’s as a dashed line. Unpublished figures are written out, never drawn as zero.',
  measure: 'Measure',
  month: 'Month',
  program: 'Program',
  loading: 'Loading…',
};

const fr: typeof en = {
  intro:
    'Choisissez une mesure, un mois et un programme : le chiffre de chaque gestionnaire de services, par ordre, avec celui de l’Ontario en pointillé. Les chiffres non publiés sont écrits en toutes lettres, jamais tracés comme zéro.',
  measure: 'Mesure',
  month: 'Mois',
  program: 'Programme',
  loading: 'Chargement…',
};

export const COMPARE_TEXT: Record<Lang, typeof en> = { en, fr };
