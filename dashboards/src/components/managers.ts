// The list of service managers (src/[lang]/managers/index.md): each with its type, region, Employment
// Services catchment and latest caseload, linked to its page.
import type { OverviewData } from './page-data.js';
import { el, paragraph } from './dom.js';
import { formatFigure } from './format.js';
import { formatMonth, pick, type Lang } from './i18n.js';
import { managerColumn, tableView } from './table.js';
import { MANAGERS_TEXT } from './strings/managers.js';

export function managersIndex(data: OverviewData, { lang }: { lang: Lang }): HTMLElement {
  const t = MANAGERS_TEXT[lang];
  const caseload = data.measures.find((m) => m.id === 'caseload');
  const latest = caseload?.latest ?? null;
  const figure = (code: string) => {
    const r = data.snapshot.find((s) => s.measure === 'caseload' && s.geo === code && s.period === latest);
    return r ? { value: r.value, status: r.status } : { value: null, status: null };
  };
  const managers = [...data.managers].sort((a, b) =>
    pick(a.name, lang).localeCompare(pick(b.name, lang), lang === 'fr' ? 'fr-CA' : 'en-CA'),
  );
  const caseloadLabel = `${t.caseload}${latest ? `, ${formatMonth(latest, lang)}` : ''}`;
  return el(
    'div',
    {},
    paragraph(t.intro),
    tableView(
      managers,
      [
        managerColumn(lang, (m) => m),
        {
          label: t.type,
          text: (m) => (lang === 'fr' ? (m.type === 'CMSM' ? 'GSMR' : 'CADSS') : m.type),
        },
        { label: t.region, text: (m) => m.region },
        {
          label: t.catchment,
          text: (m) => (m.catchment ? `${m.catchment} (${m.phase ?? ''})` : '—'),
        },
        {
          label: caseloadLabel,
          numeric: true,
          text: (m) => (caseload ? formatFigure(caseload, figure(m.code), lang) : '—'),
          status: (m) => figure(m.code).status,
        },
      ],
      t.caption,
    ),
    paragraph(t.types, 'sa-note'),
  );
}
