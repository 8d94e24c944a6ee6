// The downloads page (src/[lang]/downloads.md): the public files as published, with their rows and
// sha256 from metadata.json, and what the columns of measures.csv mean.
import { el, paragraph, section } from './dom.js';
import { formatNumber, type Lang } from './i18n.js';
import { tableView } from './table.js';
import { DOWNLOADS_TEXT } from './strings/downloads.js';

export interface Metadata {
  as_of_month: string;
  run_id: string;
  generated_at: string;
  version: string;
  files?: Record<string, { rows: number; sha256: string }>;
}

/** `files`: each public file's address in the site. */
export function downloadsPage(
  metadata: Metadata,
  files: Record<string, string>,
  { lang }: { lang: Lang },
): HTMLElement {
  const t = DOWNLOADS_TEXT[lang];
  const names = Object.keys(files);
  return el(
    'div',
    {},
    section(
      'files',
      t.files,
      paragraph(t.intro),
      paragraph(t.stamp(metadata)),
      tableView(
        names,
        [
          {
            label: t.file,
            text: (n) => n,
            rowHeader: true,
            href: (n) => files[n] ?? null,
            download: (n) => n,
          },
          { label: t.content, text: (n) => (t.contents as Record<string, string | undefined>)[n] ?? '' },
          {
            label: t.rows,
            numeric: true,
            text: (n) => (metadata.files?.[n] ? formatNumber(metadata.files[n].rows, lang) : '—'),
          },
          { label: t.sha, text: (n) => metadata.files?.[n]?.sha256 ?? '—' },
        ],
        t.files,
      ),
    ),
    section(
      'columns',
      t.columns,
      tableView(
        Object.entries(t.measureColumns),
        [
          { label: t.column, text: ([c]) => c, rowHeader: true },
          { label: t.meaning, text: ([, m]) => m },
        ],
        t.columns,
      ),
    ),
  );
}
