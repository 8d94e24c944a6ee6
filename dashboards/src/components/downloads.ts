// The downloads page (src/[lang]/downloads.md): the public files as published, with their rows and
// sha256 from metadata.json, and every column of every file from the data dictionary.
import { el, paragraph, section } from './dom.js';
import { formatNumber, pick, type Lang, type Text } from './i18n.js';
import { tableView } from './table.js';
import { DOWNLOADS_TEXT } from './strings/downloads.js';

export interface Metadata {
  as_of_month: string;
  run_id: string;
  generated_at: string;
  version: string;
  files?: Record<string, { rows: number; sha256: string }>;
}

/** One row of data-dictionary.csv (data/dictionary.json). */
export interface DictionaryEntry {
  file: string;
  column: string;
  type: string;
  meaning: Text;
  blank: Text;
}

/** `files`: each public file's address in the site; `dictionary`: null when the public folder predates it. */
export function downloadsPage(
  metadata: Metadata,
  files: Record<string, string>,
  dictionary: DictionaryEntry[] | null,
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
      paragraph(dictionary === null ? t.noDictionary : t.columnsIntro),
      dictionary &&
        tableView(
          dictionary,
          [
            { label: t.file, text: (c) => c.file },
            { label: t.column, text: (c) => c.column, rowHeader: true },
            { label: t.type, text: (c) => c.type },
            { label: t.meaning, text: (c) => pick(c.meaning, lang) },
            { label: t.blank, text: (c) => pick(c.blank, lang) },
          ],
          t.columns,
        ),
    ),
  );
}
