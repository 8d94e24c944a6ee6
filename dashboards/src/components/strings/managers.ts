// The words of the list of service managers (src/[lang]/managers/index.md).
// The French is typed as the English: a French entry missing, or one too many, fails the typecheck.
import type { Lang } from '../i18n.js';

const en = {
  intro:
    'Choose a service manager for its page: every measure against Ontario and its peers (the managers of the same type in the same region), trends, funding and data completeness, and a council report to print.',
  type: 'Type',
  region: 'Region',
  catchment: 'Employment Services catchment',
  caseload: 'Caseload',
  caption: 'The 47 service managers',
  types:
    'CMSM: consolidated municipal service manager. DSSAB: district social services administration board.',
};

const fr: typeof en = {
  intro:
    'Choisissez un gestionnaire de services pour voir sa page : chaque mesure comparée à l’Ontario et aux gestionnaires semblables (même type, même région), les tendances, le financement, l’exhaustivité des données, et un rapport au conseil à imprimer.',
  type: 'Type',
  region: 'Région',
  catchment: 'Zone des Services d’emploi',
  caseload: 'Nombre de dossiers',
  caption: 'Les 47 gestionnaires de services',
  types:
    'GSMR : gestionnaire des services municipaux regroupés. CADSS : conseil d’administration de district des services sociaux.',
};

export const MANAGERS_TEXT: Record<Lang, typeof en> = { en, fr };
