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
  summary: 'Summary',
  measures: 'Every measure against Ontario and its peers',
  trends: 'Trends',
  funding: 'Funding',
  completeness: 'Data completeness',

  measuresNote:
    'Each measure at its latest final month, both programs. The peer figure is the median of the peers’ published figures about groups of 10 or more; the rank is among the manager and those peers, best first, where one direction is better. Both need at least 3 such peers. Counts and dollar totals grow with a manager’s size, so they are not compared with peers: read them against the manager’s own trend.',
  measure: 'Measure',
  month: 'Month',
  change: 'Change on the year',
  peerMedian: 'Peers (median)',
  rank: 'Rank among peers',
  rankOf: (rank: number, of: number) => `${rank} of ${of}`,
  rankOfTied: (rank: number, of: number) => `${rank} of ${of} (tied)`,
  tiedWithAll: (peers: number) => `tied with all ${peers} peers`,
  medianOf: (value: string, of: number) => `${value} (median of ${of})`,
  tooFewPeers: 'too few peers with a published figure',
  notComparedSize: 'not compared: depends on size',
  noDataYet: 'no data yet',

  /** The summary (manager-summary.ts), the council report's first page. */
  summaryLead: (name: string) =>
    `The figures that matter most for ${name}, each at its latest final month (both programs), with its change on the year and Ontario’s figure.`,
  publishedShare: (published: string, suppressed: string) =>
    `${published} of its monthly figures are published; ${suppressed} are suppressed because they involve fewer than 10 people, to protect their privacy.`,
  mostlyNotShown:
    'This report shows what can be shown: Ontario’s figures, and the manager’s own where they are published.',
  ownSentence: (title: string, figure: string, month: string, change: string, ontario: string) =>
    `${title}: ${figure} in ${month}, ${change}. ${ontario}.`,
  notShownSentence: (title: string, status: string, month: string, ontario: string) =>
    `${title}: ${status} in ${month}. ${ontario}.`,
  suppressedInSentence: 'not shown (fewer than 10 people)',
  ontarioIs: (figure: string) => `Ontario: ${figure}`,
  ontarioTrend: (change: string) => `Ontario: ${change}`,

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

  summary: 'Résumé',
  measures: 'Chaque mesure comparée à l’Ontario et aux gestionnaires semblables',
  trends: 'Tendances',
  funding: 'Financement',
  completeness: 'Exhaustivité des données',

  measuresNote:
    'Chaque mesure à son dernier mois définitif, les deux programmes. Le chiffre des gestionnaires semblables est la médiane de leurs chiffres publiés portant sur des groupes de 10 personnes ou plus; le rang est établi parmi le gestionnaire et ces semblables, du meilleur au moins bon, quand une direction est préférable. L’un et l’autre exigent au moins 3 semblables de ce genre. Les nombres et les totaux en dollars croissent avec la taille du gestionnaire : ils ne sont pas comparés aux semblables, mais à la tendance du gestionnaire lui-même.',
  measure: 'Mesure',
  month: 'Mois',
  change: 'Variation sur un an',
  peerMedian: 'Semblables (médiane)',
  rank: 'Rang parmi les semblables',
  rankOf: (rank: number, of: number) => `${rank} sur ${of}`,
  rankOfTied: (rank: number, of: number) => `${rank} sur ${of} (ex æquo)`,
  tiedWithAll: (peers: number) => `à égalité avec ses ${peers} pairs`,
  medianOf: (value: string, of: number) => `${value} (médiane de ${of})`,
  tooFewPeers: 'trop peu de semblables ayant un chiffre publié',
  notComparedSize: 'non comparé : dépend de la taille',
  noDataYet: 'aucune donnée pour l’instant',

  summaryLead: (name: string) =>
    `Les chiffres les plus importants pour ce gestionnaire (${name}), chacun à son dernier mois définitif (les deux programmes), avec sa variation sur un an et le chiffre de l’Ontario.`,
  publishedShare: (published: string, suppressed: string) =>
    `${published} de ses chiffres mensuels sont publiés; ${suppressed} sont supprimés parce qu’ils portent sur moins de 10 personnes, pour protéger leur vie privée.`,
  mostlyNotShown:
    'Ce rapport montre ce qui peut l’être : les chiffres de l’Ontario, et ceux du gestionnaire lorsqu’ils sont publiés.',
  ownSentence: (title: string, figure: string, month: string, change: string, ontario: string) =>
    `${title} : ${figure} en ${month}, ${change}. ${ontario}.`,
  notShownSentence: (title: string, status: string, month: string, ontario: string) =>
    `${title} : ${status} en ${month}. ${ontario}.`,
  suppressedInSentence: 'non diffusé (moins de 10 personnes)',
  ontarioIs: (figure: string) => `Ontario : ${figure}`,
  ontarioTrend: (change: string) => `Ontario : ${change}`,

  trendsMessage: (name: string, group: string) => `${group} : ${name} et l’Ontario, mois par mois`,
  trendsSubtitle:
    'Chaque mesure sur sa propre échelle, les deux programmes, mensuel; nombres et dollars pour le gestionnaire seulement',

  completenessNote:
    'Combien des chiffres mensuels du gestionnaire (les deux programmes) sont publiés, supprimés parce qu’ils portent sur moins de 10 personnes, en attente (période de suivi en cours) ou absents. Les livraisons et les fichiers pour toute la province figurent à la page sur la qualité des données.',
  dataQuality: 'Qualité des données',
  published: 'publié',
  missing: 'absent',
  months: 'Mois',
  completenessMessage: (published: string, name: string, suppressed: string) =>
    `${name} : ${published} des chiffres mensuels publiés, ${suppressed} supprimés`,
  completenessSubtitle: (months: number) =>
    `Mois par statut du chiffre, par mesure, les deux programmes, ${months} mois`,
};

export type ManagerText = typeof en;
export const MANAGER_TEXT: Record<Lang, ManagerText> = { en, fr };
