// The words of the province overview (src/[lang]/index.md).
// The French is typed as the English: a French entry missing, or one too many, fails the typecheck.
import type { Lang } from '../i18n.js';

const en = {
  headlines: 'The latest month',
  headlinesNote:
    'Each figure is for the latest month whose figure is final (cohort measures wait until their follow-up window has passed), both programs, compared with the same month a year earlier. Published figures are rounded and small counts suppressed, so totals need not add up.',
  noDataYet: 'no data yet',
  trends: 'Trends',
  ranking: 'Service managers on the key outcomes',
  rankingNote:
    'Choose an outcome; the bars are the service managers’ figures for its latest month, best first, with Ontario’s as a dashed line.',
  outcome: 'Outcome',
  panelsMessage: 'Ontario’s headline measures month by month',
  panelsSubtitle: 'Each measure on its own scale, Ontario, both programs, monthly',
};

const fr: typeof en = {
  headlines: 'Le dernier mois',
  headlinesNote:
    'Chaque chiffre porte sur le dernier mois dont le chiffre est définitif (les mesures de cohorte attendent la fin de leur période de suivi), les deux programmes, comparé au même mois un an plus tôt. Les chiffres publiés sont arrondis et les petits nombres supprimés : les totaux peuvent ne pas concorder.',
  noDataYet: 'aucune donnée pour l’instant',
  trends: 'Tendances',
  ranking: 'Les gestionnaires de services et les principaux résultats',
  rankingNote:
    'Choisissez un résultat; les barres sont les chiffres des gestionnaires de services pour son dernier mois, du meilleur au moins bon, avec celui de l’Ontario en pointillé.',
  outcome: 'Résultat',
  panelsMessage: 'Les principales mesures de l’Ontario, mois par mois',
  panelsSubtitle: 'Chaque mesure sur sa propre échelle, Ontario, les deux programmes, mensuel',
};

export const OVERVIEW_TEXT: Record<Lang, typeof en> = { en, fr };
