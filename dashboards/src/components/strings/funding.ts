// The words of the funding page (src/[lang]/funding.md) and of the funding part of each manager's page.
// The French is typed as the English: a French entry missing, or one too many, fails the typecheck.
import type { Lang } from '../i18n.js';

const en = {
  /** funding.csv's components, by code. */
  components: {
    assistance_total: 'Assistance paid',
    assistance_provincial: 'Provincial share of assistance',
    assistance_municipal: 'Municipal share of assistance',
    discretionary_total: 'Discretionary benefits paid',
    discretionary_cap: 'Discretionary cap',
    discretionary_provincial: 'Provincial share of discretionary',
    discretionary_municipal: 'Municipal share of discretionary',
    pdf_base: 'Base (equal shares)',
    pdf_caseload: 'Caseload',
    pdf_outcomes: 'Outcomes',
    pdf_mitigation: 'Mitigation',
    pdf_allocation: 'Allocation',
    pdf_municipal_match: 'Municipal match',
    outcome_payments: 'Outcome payments',
  },
  milestones: (reached: boolean, stream: string) =>
    `${reached ? 'Milestones reached' : 'Milestones pending'}, stream ${stream}`,

  notComputed:
    'Funding has not been computed yet: the public outputs have no funding.csv. This section will fill in once it is published.',
  noCompleteYear:
    'No fiscal year is complete yet: funding is published once all 12 months of a fiscal year (April to March) are in.',
  shownYears: (year: string, from: string, to: string, allocation: string) =>
    `The ${year} (${from} to ${to}) is the latest complete fiscal year: here are its cost sharing and outcome payments, and the allocation for the ${allocation}, computed from it. Funding is published for complete fiscal years only, since a year still under way would change every month.`,
  illustrative:
    'The Province’s funding model is not public: every amount here comes from parameters that are illustrative (see the methodology). The mechanics are exact; the parameters are policy.',
  methodology: 'Methodology: funding parameters',

  /** Section headings. */
  costSharing: 'Cost sharing of assistance',
  allocation: 'Program delivery funding allocation (Ontario Works)',
  outcomes: 'Outcome payments',
  scenario: 'Latest scenario',

  /** Table columns and axis titles. */
  year: 'Fiscal year',
  manager: 'Service manager',
  component: 'Component',
  dollars: 'Dollars',
  baseline: 'Baseline',
  scenarioColumn: 'Scenario',
  difference: 'Difference',
  pctChange: '% change',

  /** Charts. */
  discretionaryMessage: 'Discretionary benefits by service manager',
  outcomePaymentsMessage: 'Outcome payments by service manager',
  byManager: (component: string, year: string) => `${component}, by service manager, ${year}`,
  ontarioAmount: (amount: string, suppressed: number) =>
    `Ontario: ${amount}.${suppressed ? ` ${suppressed} amounts are suppressed because they would reveal small numbers.` : ''}`,
  allocationMessage: (manager: string, share: string, envelope: string) =>
    `${manager} receives ${share} of the ${envelope} envelope`,
  allocationSubtitle: (year: string) => `Allocation by service manager and component, ${year}, dollars`,
  allocationDescription: (envelope: string, mitigated: number) =>
    `The ${envelope} envelope is shared among the 47 managers: an equal base, a share by caseload and a share by outcomes; ${mitigated} managers have a mitigation adjustment.`,
  managerAllocationMessage: (manager: string) => `${manager}’s allocation by fiscal year and component`,
  managerAllocationSubtitle: 'Program delivery funding (Ontario Works), dollars',

  /** The scenario. */
  noScenario: 'No scenario has been run.',
  scenarioNotPublic:
    'The latest scenario is about fiscal years that are not complete yet, so none of it is published.',
  scenarioMessage: (component: string, gainers: number, others: number) =>
    `${component}: ${gainers} managers get more under the scenario, ${others} the same or less`,
  scenarioSubtitle: (year: string) => `Scenario minus baseline, by service manager, ${year}, dollars`,
  scenarioDescription: (baseline: string, scenario: string) =>
    `Ontario: baseline ${baseline}, scenario ${scenario}.`,
};

const fr: typeof en = {
  components: {
    assistance_total: 'Aide versée',
    assistance_provincial: 'Part provinciale de l’aide',
    assistance_municipal: 'Part municipale de l’aide',
    discretionary_total: 'Prestations discrétionnaires versées',
    discretionary_cap: 'Plafond discrétionnaire',
    discretionary_provincial: 'Part provinciale du discrétionnaire',
    discretionary_municipal: 'Part municipale du discrétionnaire',
    pdf_base: 'Base (parts égales)',
    pdf_caseload: 'Nombre de dossiers',
    pdf_outcomes: 'Résultats',
    pdf_mitigation: 'Atténuation',
    pdf_allocation: 'Allocation',
    pdf_municipal_match: 'Contrepartie municipale',
    outcome_payments: 'Paiements liés aux résultats',
  },
  milestones: (reached: boolean, stream: string) =>
    `${reached ? 'Jalons atteints' : 'Jalons en attente'}, volet ${stream}`,

  notComputed:
    'Le financement n’a pas encore été calculé : les données publiques ne contiennent pas de funding.csv. Cette section se remplira dès sa publication.',
  noCompleteYear:
    'Aucun exercice n’est encore complet : le financement est publié une fois que les 12 mois d’un exercice (d’avril à mars) sont tous connus.',
  shownYears: (year: string, from: string, to: string, allocation: string) =>
    `L’${year} (d’${from} à ${to}) est le dernier exercice complet : voici son partage des coûts et ses paiements liés aux résultats, ainsi que l’allocation de l’${allocation}, calculée à partir de celui-ci. Le financement n’est publié que pour les exercices complets, puisqu’un exercice en cours changerait chaque mois.`,
  illustrative:
    'Le modèle de financement de la Province n’est pas public : chaque montant provient de paramètres illustratifs (voir la méthodologie). Les mécanismes sont exacts; les paramètres relèvent des politiques.',
  methodology: 'Méthodologie : paramètres de financement',

  costSharing: 'Partage des coûts de l’aide',
  allocation: 'Allocation du financement de la prestation des programmes (Ontario au travail)',
  outcomes: 'Paiements liés aux résultats',
  scenario: 'Dernier scénario',

  year: 'Exercice',
  manager: 'Gestionnaire de services',
  component: 'Composante',
  dollars: 'Dollars',
  baseline: 'Référence',
  scenarioColumn: 'Scénario',
  difference: 'Écart',
  pctChange: 'Variation en %',

  discretionaryMessage: 'Prestations discrétionnaires par gestionnaire de services',
  outcomePaymentsMessage: 'Paiements liés aux résultats par gestionnaire de services',
  byManager: (component: string, year: string) => `${component}, par gestionnaire de services, ${year}`,
  ontarioAmount: (amount: string, suppressed: number) =>
    `Ontario : ${amount}.${suppressed ? ` ${suppressed} montants sont supprimés parce qu’ils révéleraient de petits nombres.` : ''}`,
  allocationMessage: (manager: string, share: string, envelope: string) =>
    `Part la plus élevée de l’enveloppe de ${envelope} : ${manager}, ${share}`,
  allocationSubtitle: (year: string) =>
    `Allocation par gestionnaire de services et par composante, ${year}, en dollars`,
  allocationDescription: (envelope: string, mitigated: number) =>
    `L’enveloppe de ${envelope} est répartie entre les 47 gestionnaires : une base égale, une part selon le nombre de dossiers et une part selon les résultats; ${mitigated} gestionnaires ont un ajustement d’atténuation.`,
  managerAllocationMessage: (manager: string) => `Allocation par exercice et par composante — ${manager}`,
  managerAllocationSubtitle: 'Programme de prestation (Ontario au travail), en dollars',

  noScenario: 'Aucun scénario n’a été calculé.',
  scenarioNotPublic:
    'Le dernier scénario porte sur des exercices qui ne sont pas encore complets : rien n’en est publié.',
  scenarioMessage: (component: string, gainers: number, others: number) =>
    `${component} : ${gainers} gestionnaires reçoivent plus dans le scénario, ${others} autant ou moins`,
  scenarioSubtitle: (year: string) =>
    `Écart entre le scénario et la référence, par gestionnaire de services, ${year}, en dollars`,
  scenarioDescription: (baseline: string, scenario: string) =>
    `Ontario : référence ${baseline}, scénario ${scenario}.`,
};

export type FundingText = typeof en;
export const FUNDING_TEXT: Record<Lang, FundingText> = { en, fr };
