// The words of a service manager's page (src/[lang]/managers/[code].md); its funding part's are in
// strings/funding.ts. The French is typed as the English: a French entry missing, or one too many,
// fails the typecheck.
import type { Lang } from '../i18n.js';

const en = {
  print: 'Print the council report',
  printNote:
    'The council report is this page printed on letter paper: the figures, trends and funding, without the controls.',
  compare: 'Compare with every service manager',
  peers: 'Peers',
  peersNote:
    'Peers are the other service managers of the same type in the same region (or of the same type, where there is no other in the region).',
  catchment: 'Employment Services',
  started: 'started',
  notStarted: 'not started yet',

  /** Section headings. */
  measures: 'Every measure against Ontario and its peers',
  trends: 'Trends',
  funding: 'Funding',
  completeness: 'Data completeness',

  measuresNote:
    'Each measure at its latest final month, both programs. The peer figure is the median of the peers’ published figures; the rank is among the manager and its peers, best first, where one direction is better.',
  measure: 'Measure',
  month: 'Month',
  change: 'Change on the year',
  peerMedian: 'Peers (median)',
  rank: 'Rank among peers',
  rankOf: (rank: number, of: number) => `${rank} of ${of}`,
  noDataYet: 'no data yet',

  trendsMessage: (name: string, group: string) => `${group}: ${name} against Ontario, month by month`,
  trendsSubtitle:
    'Each measure on its own scale, both programs, monthly; counts and dollars for the manager only',

  completenessNote:
    'How many of the manager’s monthly figures (both programs) are published, suppressed because they involve fewer than 10 people, pending (a follow-up window still open) or missing. Deliveries and files for the whole province are on the data quality page.',
  dataQuality: 'Data quality',
  published: 'published',
  missing: 'missing',
  months: 'Months',
  completenessMessage: (published: string, name: string, suppressed: string) =>
    `${published} of ${name}’s monthly figures are published, ${suppressed} suppressed`,
  completenessSubtitle: (months: number) =>
    `Months by the figure’s status, by measure, both programs, ${months} months`,
};

const fr: typeof en = {
  print: 'Imprimer le rapport au conseil',
  printNote:
    'Le rapport au conseil est cette page imprimée sur papier lettre : les chiffres, les tendances et le financement, sans les commandes.',
  compare: 'Comparer avec tous les gestionnaires de services',
  peers: 'Gestionnaires semblables',
  peersNote:
    'Les gestionnaires semblables sont les autres gestionnaires de services du même type dans la même région (ou du même type, s’il n’y en a pas d’autre dans la région).',
  catchment: 'Services d’emploi',
  started: 'lancés en',
  notStarted: 'pas encore lancés',

  measures: 'Chaque mesure comparée à l’Ontario et aux gestionnaires semblables',
  trends: 'Tendances',
  funding: 'Financement',
  completeness: 'Exhaustivité des données',

  measuresNote:
    'Chaque mesure à son dernier mois définitif, les deux programmes. Le chiffre des gestionnaires semblables est la médiane de leurs chiffres publiés; le rang est établi parmi le gestionnaire et ses semblables, du meilleur au moins bon, quand une direction est préférable.',
  measure: 'Mesure',
  month: 'Mois',
  change: 'Variation sur un an',
  peerMedian: 'Semblables (médiane)',
  rank: 'Rang parmi les semblables',
  rankOf: (rank: number, of: number) => `${rank} sur ${of}`,
  noDataYet: 'aucune donnée pour l’instant',

  trendsMessage: (name: string, group: string) => `${group} : ${name} comparé à l’Ontario, mois par mois`,
  trendsSubtitle:
    'Chaque mesure sur sa propre échelle, les deux programmes, mensuel; nombres et dollars pour le gestionnaire seulement',

  completenessNote:
    'Combien des chiffres mensuels du gestionnaire (les deux programmes) sont publiés, supprimés parce qu’ils portent sur moins de 10 personnes, en attente (période de suivi en cours) ou absents. Les livraisons et les fichiers pour toute la province figurent à la page sur la qualité des données.',
  dataQuality: 'Qualité des données',
  published: 'publié',
  missing: 'absent',
  months: 'Mois',
  completenessMessage: (published: string, name: string, suppressed: string) =>
    `${published} des chiffres mensuels de ${name} sont publiés, ${suppressed} supprimés`,
  completenessSubtitle: (months: number) =>
    `Mois par statut du chiffre, par mesure, les deux programmes, ${months} mois`,
};

export type ManagerText = typeof en;
export const MANAGER_TEXT: Record<Lang, ManagerText> = { en, fr };
