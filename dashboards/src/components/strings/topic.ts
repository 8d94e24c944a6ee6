// The words of the topic pages (src/[lang]/[topic].md, employment.md, stabilization.md).
// The French is typed as the English: a French entry missing, or one too many, fails the typecheck.
import type { Lang } from '../i18n.js';

const en = {
  onThisPage: 'On this page',

  /** Employment Services catchments (employment.md). */
  est: 'Employment Services catchments',
  estIntro:
    'Employment Services transformation started catchment by catchment (data/reference/est_catchments.csv): prototypes in 2021, then three phases. For each catchment, the outcome pooled over its service managers in the 12 months before its start and the 12 months from it, as far as the published months reach; and the prototype sites against the rest of the province, month by month. Pooled figures are computed from the rounded public counts, without the suppressed ones, so they are approximate.',
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

  /** The referral funnel (stabilization.md). */
  funnel: 'Referral funnel to Employment Ontario',
  funnelIntro:
    'Over the 12 latest final months in Ontario: cases that became employment-ready, those referred to Employment Ontario within 90 days, all referrals to Employment Ontario made, and those connected within 30 days. The first two steps follow one group of cases, the last two one group of referrals.',
  stage: 'Stage',
  count: 'Number',
  share: 'Share of the step before',
  stages: {
    ready: 'Became employment-ready',
    referred: 'Referred to Employment Ontario within 90 days',
    referrals: 'Referrals to Employment Ontario made',
    connected: 'Connected within 30 days',
  },
  funnelMessage: (referred: string, connected: string) =>
    `${referred} of employment-ready cases are referred to Employment Ontario; ${connected} of referrals connect`,
  funnelSubtitle: 'Cases and referrals at each step, Ontario, both programs, 12 latest final months',
};

const fr: typeof en = {
  onThisPage: 'Sur cette page',

  est: 'Zones des Services d’emploi',
  estIntro:
    'La transformation des Services d’emploi a commencé zone par zone (data/reference/est_catchments.csv) : des prototypes en 2021, puis trois phases. Pour chaque zone, le résultat regroupé de ses gestionnaires de services pendant les 12 mois précédant son lancement et les 12 mois suivants, dans la mesure des mois publiés; et les sites prototypes comparés au reste de la province, mois par mois. Les chiffres regroupés sont calculés à partir des nombres publics arrondis, sans les chiffres supprimés : ils sont approximatifs.',
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

  funnel: 'Entonnoir des aiguillages vers Emploi Ontario',
  funnelIntro:
    'Au cours des 12 derniers mois définitifs en Ontario : les dossiers devenus prêts à l’emploi, ceux aiguillés vers Emploi Ontario dans les 90 jours, l’ensemble des aiguillages vers Emploi Ontario, et ceux ayant abouti à un contact dans les 30 jours. Les deux premières étapes suivent un même groupe de dossiers, les deux dernières un même groupe d’aiguillages.',
  stage: 'Étape',
  count: 'Nombre',
  share: 'Part de l’étape précédente',
  stages: {
    ready: 'Devenus prêts à l’emploi',
    referred: 'Aiguillés vers Emploi Ontario dans les 90 jours',
    referrals: 'Aiguillages vers Emploi Ontario',
    connected: 'Contact établi dans les 30 jours',
  },
  funnelMessage: (referred: string, connected: string) =>
    `${referred} des dossiers prêts à l’emploi sont aiguillés vers Emploi Ontario; ${connected} des aiguillages aboutissent`,
  funnelSubtitle:
    'Nombre de dossiers et d’aiguillages à chaque étape, Ontario, les deux programmes, 12 derniers mois définitifs',
};

export type TopicText = typeof en;
export const TOPIC_TEXT: Record<Lang, TopicText> = { en, fr };
