// The words of the "What's new" page (src/[lang]/whats-new.md).
// The French is typed as the English: a French entry missing, or one too many, fails the typecheck.
import type { Lang } from '../i18n.js';

const plural = (n: string, one: string, many: string): string => `${n} ${n === '1' ? one : many}`;

const en = {
  since: 'Since the last release',
  compared: (asOf: string, baseAsOf: string, baseDate: string) =>
    `This release, as of ${asOf}, is compared with the release of ${baseDate} (as of ${baseAsOf}).`,
  first: (asOf: string) =>
    `This is the first release (as of ${asOf}): there is nothing to compare it with yet. Later releases will say here what changed.`,
  unchanged: 'No published figure has changed since that release.',
  notPublished:
    'The public outputs this site was built from have no changes.csv: they predate it. Publications since it was introduced say here what changed.',
  added: (months: string, n: string) => `${months} added: ${plural(n, 'figure', 'figures')}.`,
  final: (n: string, months: string) =>
    `${plural(n, 'cohort figure', 'cohort figures')} of ${months} became final (the cohort's window has passed).`,
  revised: (n: string, years: string, where: string) =>
    `${plural(n, 'figure', 'figures')} for ${years} revised after restated or corrected data, ${where}.`,
  suppressed: (n: string) => `${plural(n, 'figure', 'figures')} newly suppressed (fewer than 10 people).`,
  unsuppressed: (n: string) => `${plural(n, 'figure', 'figures')} published again after being suppressed.`,
  withdrawn: (n: string) => `${plural(n, 'figure', 'figures')} withdrawn: no longer published.`,
  fundingAdded: (years: string, n: string) =>
    `Funding for ${years} added: ${plural(n, 'figure', 'figures')}.`,
  fundingOther: (n: string, change: string, years: string) =>
    `${plural(n, 'funding figure', 'funding figures')} ${change} (${years}).`,
  fundingChange: {
    final: 'made final',
    revised: 'revised',
    suppressed: 'newly suppressed',
    unsuppressed: 'published again',
    withdrawn: 'withdrawn',
  } as Record<string, string>,
  in: (names: string) => `for ${names}`,
  inMany: (n: string, ontario: boolean) => `for ${n} service managers${ontario ? ' and Ontario' : ''}`,
  and: 'and',
  to: 'to',
  restated: (deliveries: string) => `Deliveries restated since that release: ${deliveries}.`,
  revisedWhy:
    'A figure is revised when a delivery is restated or corrected, or when a case’s latest details apply to its past months: a case that moved counts for its latest service manager in every month (see the methodology).',
  every: 'Every changed figure, with its old and new value:',
  revisedTable: 'Revised figures',
  firstOf: (shown: string, total: string) =>
    `The first ${shown} of ${total} revised figures; changes.csv has them all.`,
  measure: 'Measure',
  month: 'Month',
  manager: 'Service manager',
  program: 'Program',
  breakdown: 'Breakdown',
  before: 'Before',
  after: 'After',
  blank: 'suppressed',
};

const fr: typeof en = {
  since: 'Depuis la dernière diffusion',
  compared: (asOf: string, baseAsOf: string, baseDate: string) =>
    `Cette diffusion, en date de ${asOf}, est comparée à celle du ${baseDate} (en date de ${baseAsOf}).`,
  first: (asOf: string) =>
    `Voici la première diffusion (en date de ${asOf}) : il n’y a encore rien à quoi la comparer. Les prochaines diront ici ce qui a changé.`,
  unchanged: 'Aucun chiffre publié n’a changé depuis cette diffusion.',
  notPublished:
    'Les données publiques à partir desquelles ce site est produit n’ont pas de changes.csv : elles lui sont antérieures. Les publications suivantes disent ici ce qui a changé.',
  added: (months: string, n: string) =>
    `${months.charAt(0).toUpperCase()}${months.slice(1)} : ${plural(n, 'chiffre ajouté', 'chiffres ajoutés')}.`,
  final: (n: string, months: string) =>
    `${plural(n, 'chiffre de cohorte', 'chiffres de cohorte')} de ${months} ${n === '1' ? 'est devenu définitif' : 'sont devenus définitifs'} (la période d’observation est écoulée).`,
  revised: (n: string, years: string, where: string) =>
    `${plural(n, 'chiffre', 'chiffres')} pour ${years} ${n === '1' ? 'révisé' : 'révisés'} après des données corrigées, ${where}.`,
  suppressed: (n: string) =>
    `${plural(n, 'chiffre', 'chiffres')} ${n === '1' ? 'nouvellement supprimé' : 'nouvellement supprimés'} (moins de 10 personnes).`,
  unsuppressed: (n: string) =>
    `${plural(n, 'chiffre', 'chiffres')} de nouveau ${n === '1' ? 'publié' : 'publiés'} après avoir été ${n === '1' ? 'supprimé' : 'supprimés'}.`,
  withdrawn: (n: string) =>
    `${plural(n, 'chiffre', 'chiffres')} ${n === '1' ? 'retiré' : 'retirés'} : plus publiés.`,
  fundingAdded: (years: string, n: string) =>
    `${plural(n, 'chiffre de financement ajouté', 'chiffres de financement ajoutés')} (${years}).`,
  fundingOther: (n: string, change: string, years: string) =>
    `${plural(n, 'chiffre de financement', 'chiffres de financement')} ${change} (${years}).`,
  fundingChange: {
    final: 'devenus définitifs',
    revised: 'révisés',
    suppressed: 'nouvellement supprimés',
    unsuppressed: 'de nouveau publiés',
    withdrawn: 'retirés',
  } as Record<string, string>,
  in: (names: string) => `pour ${names}`,
  inMany: (n: string, ontario: boolean) =>
    `pour ${n} gestionnaires de services${ontario ? ' et l’Ontario' : ''}`,
  and: 'et',
  to: 'à',
  restated: (deliveries: string) => `Livraisons corrigées depuis cette diffusion : ${deliveries}.`,
  revisedWhy:
    'Un chiffre est révisé lorsqu’une livraison est corrigée, ou lorsque les dernières données d’un dossier s’appliquent à ses mois passés : un dossier qui a déménagé compte pour son dernier gestionnaire de services dans chaque mois (voir la méthodologie).',
  every: 'Chaque chiffre modifié, avec son ancienne et sa nouvelle valeur :',
  revisedTable: 'Chiffres révisés',
  firstOf: (shown: string, total: string) =>
    `Les ${shown} premiers des ${total} chiffres révisés; changes.csv les contient tous.`,
  measure: 'Mesure',
  month: 'Mois',
  manager: 'Gestionnaire de services',
  program: 'Programme',
  breakdown: 'Ventilation',
  before: 'Avant',
  after: 'Après',
  blank: 'supprimé',
};

export const WHATS_NEW_TEXT: Record<Lang, typeof en> = { en, fr };
