// data-dictionary.csv: every column of every public file, in English and French, one row each, written from
// the same Table Schemas as datapackage.json (table-schemas.ts), so the two cannot disagree.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { csvFormatBody, csvFormatRows } from 'd3-dsv';
import { DICTIONARY_TABLE, type TableDef } from './table-schemas.ts';
import { writeAtomically } from '../write-atomically.ts';

/** The dictionary's rows for the given tables, in their order, columns in file order. */
export function dictionaryRows(tables: readonly TableDef[]): Record<string, string>[] {
  return tables.flatMap((t) =>
    t.fields.map((f, i) => ({
      file: t.file,
      column: f.name,
      position: String(i + 1),
      type: f.type,
      required: f.required ? 'yes' : 'no',
      codes: f.codes?.join(' ') ?? '',
      description_en: f.description.en,
      description_fr: f.description.fr,
      blank_en: t.blank.en,
      blank_fr: t.blank.fr,
    })),
  );
}

/** Writes data-dictionary.csv into the public folder for the tables it holds. */
export async function writeDictionary(publicDir: string, tables: readonly TableDef[]): Promise<void> {
  const columns = DICTIONARY_TABLE.fields.map((f) => f.name);
  const header = csvFormatRows([columns]);
  const text = `${header}\n${csvFormatBody(dictionaryRows(tables), columns)}\n`;
  await writeAtomically(join(publicDir, DICTIONARY_TABLE.file), (tmp) => writeFileSync(tmp, text));
}
