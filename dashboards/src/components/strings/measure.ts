// The words of the views of one measure that several pages share (measure-views.ts, measure-trend.ts,
// measure-ranking.ts). The French is typed as the English: a French entry missing, or one too many, fails the
// typecheck.
import type { Lang } from '../i18n.js';

const en = {
  noData: 'No data yet: this measure has no published figures. It will appear here once it is computed.',
  rank: 'Rank',
  region: 'Region',
  change: 'Change on the year',
  yearAgo: 'A year earlier',
  gaps: (n: number) =>
    ` ${n} monthly figure${n === 1 ? ' is' : 's are'} not published (suppressed or pending) and left as gaps.`,
};

const fr: typeof en = {
  noData:
    'Aucune donnée pour l’instant : cette mesure n’a pas de chiffres publiés. Elle paraîtra ici dès qu’elle sera calculée.',
  rank: 'Rang',
  region: 'Région',
  change: 'Variation sur un an',
  yearAgo: 'Un an plus tôt',
  gaps: (n: number) =>
    ` ${n} chiffre${n === 1 ? ' mensuel n’est' : 's mensuels ne sont'} pas publié${n === 1 ? '' : 's'} (supprimé${n === 1 ? '' : 's'} ou en attente) et laissé${n === 1 ? '' : 's'} en blanc.`,
};

export const MEASURE_TEXT: Record<Lang, typeof en> = { en, fr };
