// The words of the topic pages (src/[lang]/[topic].md, employment.md, stabilization.md).
// The French is typed as the English: a French entry missing, or one too many, fails the typecheck.
import type { Lang } from '../i18n.js';

const en = {
  onThisPage: 'On this page',
  /** The fold under a measure's Ontario trend: its breakdown (when it has one) and the managers. */
  more: (by: string | null) => (by ? `Ontario ${by}, and every service manager` : 'Every service manager'),

  /** Employment Services catchments (employment.md). */
  est: 'Employment Services catchments',
  estIntro:
    'Employment Services transformation started catchment by catchment: prototypes in 2021, then three phases. For each catchment, the outcome pooled over its service managers in the 12 months before its start and the 12 months from it, as far as the published months reach; and the prototype sites against the rest of the province, month by month. Pooled figures are computed from the rounded public counts, without the suppressed ones, so they are approximate.',
  outcome: 'Outcome',
  before: '12 months before the start',
  after: '12 months from the start',
  notStarted: 'not started',
  notObservable: 'before the published months',
  catchment: 'Catchment',
  phase: 'Phase',
  start: 'Start',
  managers: 'Service managers',
  difference: 'Difference',
  points: (n: string) => `${n} points`,
  prototypes: 'Prototype sites',
  rest: 'Rest of Ontario',
  catchmentMessage: (title: string, up: number, of: number) =>
    `${title}: ${up} of the ${of} catchments observable before and after are higher after their start`,
  catchmentSubtitle: (title: string) =>
    `${title}, both programs, pooled by Employment Services catchment, 12 months before and 12 months from the start`,
  prototypeMessage: (title: string, prototypes: string, rest: string, month: string) =>
    `${title}: ${prototypes} at the prototype sites against ${rest} elsewhere in ${month}`,
  prototypeSubtitle: (title: string) =>
    `${title}, both programs, pooled: prototype sites and the rest of Ontario, monthly`,

  /** The ways to Employment Ontario (stabilization.md): two groups, two steps each. */
  funnel: 'Getting to Employment Ontario',
  funnelIntro:
    'Over the 12 latest final months in Ontario, two groups, each followed on its own: the cases that became employment-ready, and how many of them were referred to Employment Ontario within 90 days; then every referral to Employment Ontario made, and how many of them connected within 30 days. The referrals are every referral made in those months, whenever (or whether) their case became employment-ready, and a case may be referred more than once, so the two groups are not steps of one funnel.',
  stage: 'Stage',
  count: 'Number',
  share: 'Share of the step before',
  stages: {
    ready: 'Became employment-ready',
    referred: 'Referred to Employment Ontario within 90 days',
    referrals: 'Referrals to Employment Ontario made',
    connected: 'Connected within 30 days',
  },
  stepsMessage: {
    cases: (share: string) =>
      `${share} of employment-ready cases are referred to Employment Ontario within 90 days`,
    referrals: (share: string) => `${share} of referrals to Employment Ontario connect within 30 days`,
  },
  stepsSubtitle: {
    cases: 'Cases that became employment-ready, Ontario, both programs, 12 latest final months',
    referrals: 'Referrals to Employment Ontario, Ontario, both programs, 12 latest final months',
  },
};

const fr: typeof en = {
  onThisPage: 'Sur cette page',
  more: (by: string | null) =>
    by ? `L’Ontario ${by}, et chaque gestionnaire de services` : 'Chaque gestionnaire de services',

  est: 'Zones des Services d’emploi',
  estIntro:
    'La transformation des Services d’emploi a commencé zone par zone : des prototypes en 2021, puis trois phases. Pour chaque zone, le résultat regroupé de ses gestionnaires de services pendant les 12 mois précédant son lancement et les 12 mois suivants, dans la mesure des mois publiés; et les sites prototypes comparés au reste de la province, mois par mois. Les chiffres regroupés sont calculés à partir des nombres publics arrondis, sans les chiffres supprimés : ils sont approximatifs.',
  outcome: 'Résultat',
  before: '12 mois avant le lancement',
  after: '12 mois après le lancement',
  notStarted: 'pas commencé',
  notObservable: 'avant les mois publiés',
  catchment: 'Zone',
  phase: 'Phase',
  start: 'Lancement',
  managers: 'Gestionnaires de services',
  difference: 'Écart',
  points: (n: string) => `${n} points`,
  prototypes: 'Sites prototypes',
  rest: 'Reste de l’Ontario',
  catchmentMessage: (title: string, up: number, of: number) =>
    `${title} : ${up} des ${of} zones observables avant et après sont en hausse après le lancement`,
  catchmentSubtitle: (title: string) =>
    `${title}, les deux programmes, regroupé par zone des Services d’emploi, 12 mois avant et 12 mois après le lancement`,
  prototypeMessage: (title: string, prototypes: string, rest: string, month: string) =>
    `${title} : ${prototypes} dans les sites prototypes contre ${rest} ailleurs en ${month}`,
  prototypeSubtitle: (title: string) =>
    `${title}, les deux programmes, regroupé : sites prototypes et reste de l’Ontario, mensuel`,

  funnel: 'Vers Emploi Ontario',
  funnelIntro:
    'Au cours des 12 derniers mois définitifs en Ontario, deux groupes, suivis chacun pour lui-même : les dossiers devenus prêts à l’emploi, et combien d’entre eux ont été aiguillés vers Emploi Ontario dans les 90 jours; puis l’ensemble des aiguillages vers Emploi Ontario, et combien d’entre eux ont abouti à un contact dans les 30 jours. Les aiguillages sont tous ceux faits pendant ces mois, quel que soit le moment où leur dossier est devenu prêt à l’emploi (ou même s’il ne l’est jamais devenu), et un dossier peut être aiguillé plus d’une fois : les deux groupes ne sont pas les étapes d’un même entonnoir.',
  stage: 'Étape',
  count: 'Nombre',
  share: 'Part de l’étape précédente',
  stages: {
    ready: 'Devenus prêts à l’emploi',
    referred: 'Aiguillés vers Emploi Ontario dans les 90 jours',
    referrals: 'Aiguillages vers Emploi Ontario',
    connected: 'Contact établi dans les 30 jours',
  },
  stepsMessage: {
    cases: (share: string) =>
      `${share} des dossiers prêts à l’emploi sont aiguillés vers Emploi Ontario dans les 90 jours`,
    referrals: (share: string) =>
      `${share} des aiguillages vers Emploi Ontario aboutissent à un contact dans les 30 jours`,
  },
  stepsSubtitle: {
    cases: 'Dossiers devenus prêts à l’emploi, Ontario, les deux programmes, 12 derniers mois définitifs',
    referrals: 'Aiguillages vers Emploi Ontario, Ontario, les deux programmes, 12 derniers mois définitifs',
  },
};

export type TopicText = typeof en;
export const TOPIC_TEXT: Record<Lang, TopicText> = { en, fr };
