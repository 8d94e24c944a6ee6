// The list of service managers (src/[lang]/managers/index.md): each with its type, region, Employment
// Services catchment and latest caseload, linked to its page.
import type { OverviewData } from './page-data.js';
import { el, paragraph, t } from './dom.js';
import { formatFigure } from './format.js';
import { formatMonth, type Lang } from './i18n.js';
import { managerColumn, tableView } from './table.js';

const TEXT = {
  intro: {
    en: 'Choose a service manager for its page: every measure against Ontario and its peers (the managers of the same type in the same region), trends, funding and data completeness, and a council report to print.',
    fr: 'Choisissez un gestionnaire de services pour voir sa page : chaque mesure comparée à l’Ontario et aux gestionnaires semblables (même type, même région), les tendances, le financement, l’exhaustivité des données, et un rapport au conseil à imprimer.',
  },
  type: { en: 'Type', fr: 'Type' },
  region: { en: 'Region', fr: 'Région' },
  catchment: { en: 'Employment Services catchment', fr: 'Zone des Services d’emploi' },
  caseload: { en: 'Caseload', fr: 'Nombre de dossiers' },
  caption: { en: 'The 47 service managers', fr: 'Les 47 gestionnaires de services' },
  types: {
    en: 'CMSM: consolidated municipal service manager. DSSAB: district social services administration board.',
    fr: 'GSMR : gestionnaire des services municipaux regroupés. CADSS : conseil d’administration de district des services sociaux.',
  },
};

export function managersIndex(data: OverviewData, { lang }: { lang: Lang }): HTMLElement {
  const caseload = data.measures.find((m) => m.id === 'caseload');
  const latest = caseload?.latest ?? null;
  const figure = (code: string) => {
    const r = data.snapshot.find((s) => s.measure === 'caseload' && s.geo === code && s.period === latest);
    return r ? { value: r.value, status: r.status } : { value: null, status: null };
  };
  const managers = [...data.managers].sort((a, b) =>
    a.name.localeCompare(b.name, lang === 'fr' ? 'fr-CA' : 'en-CA'),
  );
  const caseloadLabel = `${t(TEXT.caseload, lang)}${latest ? `, ${formatMonth(latest, lang)}` : ''}`;
  return el(
    'div',
    {},
    paragraph(t(TEXT.intro, lang)),
    tableView(
      managers,
      [
        managerColumn(lang, (m) => m),
        {
          label: t(TEXT.type, lang),
          text: (m) => (lang === 'fr' ? (m.type === 'CMSM' ? 'GSMR' : 'CADSS') : m.type),
        },
        { label: t(TEXT.region, lang), text: (m) => m.region },
        {
          label: t(TEXT.catchment, lang),
          text: (m) => (m.catchment ? `${m.catchment} (${m.phase ?? ''})` : '—'),
        },
        {
          label: caseloadLabel,
          numeric: true,
          text: (m) => (caseload ? formatFigure(caseload, figure(m.code), lang) : '—'),
          status: (m) => figure(m.code).status,
        },
      ],
      t(TEXT.caption, lang),
    ),
    paragraph(t(TEXT.types, lang), 'sa-note'),
  );
}
