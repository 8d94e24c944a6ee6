// The data quality page (src/[lang]/data-quality.md): freshness, what each monthly delivery held and what
// became of its rows (loaded, collapsed as duplicates, quarantined), incomplete months, and the checks of
// the last build. From the public data_quality.csv and checks.csv (aggregates only).
import { stackedBarChart } from './bar-charts.js';
import type { DataQualityData } from './page-data.js';
import { months, sum, type Month } from './deliveries.js';
import { el, paragraph, section, select } from './dom.js';
import { figure } from './figure.js';
import { formatMonth, formatNumber, type Lang } from './i18n.js';
import { tableView } from './table.js';
import { QUALITY_TEXT } from './strings/quality.js';

/** A status, severity or quarantine reason in words; an unknown code as it is. */
const word = (s: string, lang: Lang): string =>
  (QUALITY_TEXT[lang].words as Record<string, string | undefined>)[s] ?? s;

function freshness(data: DataQualityData, lang: Lang): HTMLElement {
  const m = data.metadata;
  const generated = new Date(m.generated_at);
  const [y, mo] = m.as_of_month.split('-').map(Number);
  const behind = Number.isNaN(generated.getTime())
    ? null
    : generated.getUTCFullYear() * 12 + generated.getUTCMonth() - ((y ?? 0) * 12 + (mo ?? 1) - 1);
  const t = QUALITY_TEXT[lang];
  const text = t.freshnessText(
    formatMonth(m.as_of_month, lang),
    m.generated_at.slice(0, 10),
    m.run_id,
    m.version,
    behind,
  );
  return section('freshness', t.freshness, paragraph(text));
}

function deliveriesSection(list: Month[], lang: Lang): HTMLElement {
  const t = QUALITY_TEXT[lang];
  const parts = ['loaded', 'collapsed', 'quarantined'] as const;
  const name = (p: (typeof parts)[number]) => t[p];
  const label = (m: Month) => `${formatMonth(m.delivery, lang, 'short')}${m.incomplete.length ? ' ⚠' : ''}`;
  const totalRead = list.reduce((a, m) => a + sum(m.files, 'rowsRead'), 0);
  const totalQ = list.reduce((a, m) => a + sum(m.files, 'quarantined'), 0);
  const incomplete = list.filter((m) => m.incomplete.length).length;
  const message = t.deliveriesMessage(
    formatNumber(totalRead, lang),
    list.length,
    formatNumber(totalQ, lang),
    incomplete,
  );
  const subtitle = t.deliveriesSubtitle;
  return section(
    'deliveries',
    t.deliveries,
    paragraph(t.deliveriesNote),
    figure(list, {
      chart: stackedBarChart,
      plot: (list) => ({
        parts: list.flatMap((m) =>
          parts.map((p) => ({
            label: label(m),
            part: name(p),
            value: sum(m.files, p),
            shown: formatNumber(sum(m.files, p), lang),
          })),
        ),
        labels: list.map(label),
        order: parts.map(name),
        xTitle: t.rows,
        xFormat: ',d',
      }),
      message,
      subtitle,
      description: message,
      columns: [
        { label: t.delivery, text: (m) => formatMonth(m.delivery, lang), rowHeader: true },
        {
          label: t.fileCount,
          numeric: true,
          text: (m) => formatNumber(m.files.length, lang),
        },
        {
          label: t.read,
          numeric: true,
          text: (m) => formatNumber(sum(m.files, 'rowsRead'), lang),
        },
        ...parts.map((p) => ({
          label: name(p),
          numeric: true,
          text: (m: Month) => formatNumber(sum(m.files, p), lang),
        })),
        {
          label: t.complete,
          text: (m) => (m.incomplete.length ? `${t.incomplete}: ${m.incomplete.join(', ')}` : t.yes),
        },
      ],
      csv: {
        filename: 'sa-outcomes-deliveries.csv',
        columns: {
          delivery: (m) => m.delivery,
          files: (m) => m.files.length,
          rows_read: (m) => sum(m.files, 'rowsRead'),
          loaded: (m) => sum(m.files, 'loaded'),
          collapsed: (m) => sum(m.files, 'collapsed'),
          quarantined: (m) => sum(m.files, 'quarantined'),
          incomplete: (m) => m.incomplete.join(' '),
        },
      },
      lang,
    }),
  );
}

function filesSection(list: Month[], lang: Lang): HTMLElement {
  const t = QUALITY_TEXT[lang];
  const slot = el('div');
  const show = (delivery: string) => {
    const m = list.find((x) => x.delivery === delivery);
    if (!m) return;
    slot.replaceChildren(
      tableView(
        m.files,
        [
          {
            label: t.table,
            text: (f) => f.table || t.skipped,
            rowHeader: true,
          },
          { label: t.status, text: (f) => word(f.status, lang) },
          { label: t.read, numeric: true, text: (f) => formatNumber(f.rowsRead, lang) },
          { label: t.loaded, numeric: true, text: (f) => formatNumber(f.loaded, lang) },
          {
            label: t.collapsed,
            numeric: true,
            text: (f) => formatNumber(f.collapsed, lang),
          },
          {
            label: t.quarantined,
            numeric: true,
            text: (f) => formatNumber(f.quarantined, lang),
          },
          {
            label: t.reasons,
            text: (f) =>
              Object.entries(f.reasons)
                .filter(([, n]) => n > 0)
                .map(([r, n]) => `${word(r, lang)} ${formatNumber(n, lang)}`)
                .join('; ') || '—',
          },
          { label: t.error, text: (f) => f.errorCode ?? '—' },
        ],
        `${t.files}: ${formatMonth(m.delivery, lang)}`,
      ),
    );
  };
  const latest = list[list.length - 1]?.delivery ?? '';
  show(latest);
  return section(
    'files',
    t.files,
    select(
      t.delivery,
      [...list].reverse().map((m) => ({
        value: m.delivery,
        label: `${formatMonth(m.delivery, lang)}${m.incomplete.length ? ` (${t.incomplete.toLowerCase()})` : ''}`,
      })),
      latest,
      show,
    ),
    slot,
  );
}

function incompleteSection(list: Month[], lang: Lang): HTMLElement {
  const t = QUALITY_TEXT[lang];
  const incomplete = list.filter((m) => m.incomplete.length);
  return section(
    'incomplete',
    t.incompleteMonths,
    incomplete.length === 0
      ? paragraph(t.noneIncomplete)
      : el(
          'ul',
          {},
          ...incomplete.map((m) =>
            el('li', {}, `${formatMonth(m.delivery, lang)}: ${m.incomplete.join(', ')}`),
          ),
        ),
  );
}

function checksSection(data: DataQualityData, lang: Lang): HTMLElement {
  const t = QUALITY_TEXT[lang];
  const checks = data.checks ?? [];
  return section(
    'checks',
    t.checks,
    paragraph(t.checksNote),
    tableView(
      checks,
      [
        { label: t.check, text: (c) => t.checkTitles[c.name] ?? c.name, rowHeader: true },
        { label: t.severity, text: (c) => word(c.severity, lang) },
        { label: t.status, text: (c) => word(c.status, lang) },
        { label: t.failures, numeric: true, text: (c) => formatNumber(c.failures, lang) },
      ],
      t.checks,
    ),
  );
}

export function dataQualityPage(data: DataQualityData, { lang }: { lang: Lang }): HTMLElement {
  if (!data.files)
    return el(
      'div',
      {},
      freshness(data, lang),
      paragraph(QUALITY_TEXT[lang].notPublished, 'sa-no-data-note'),
    );
  const list = months(data);
  return el(
    'div',
    {},
    freshness(data, lang),
    deliveriesSection(list, lang),
    incompleteSection(list, lang),
    filesSection(list, lang),
    checksSection(data, lang),
  );
}
