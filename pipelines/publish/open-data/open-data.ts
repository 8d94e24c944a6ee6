// The open-data files of a public folder, written once its data files are in place: data-dictionary.csv,
// then datapackage.json, which lists and hashes every file (the dictionary included), then the catalogue
// bodies written from it (catalogue.json for CKAN, catalogue.jsonld for DCAT). Run by `publish`, and
// again by `sa-outcomes funding` after it adds its scenario files to the current publication.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { writeCatalogue } from './catalogue.ts';
import { writeDataPackage, type Release } from './datapackage.ts';
import { writeDictionary } from './data-dictionary.ts';
import { publicationInfo, type PublicationInfo } from './publication-info.ts';
import { DICTIONARY_TABLE, publicTables } from './table-schemas.ts';

export async function writeOpenData(
  publicDir: string,
  release: Release,
  info: PublicationInfo = publicationInfo(),
): Promise<void> {
  const tables = publicTables().filter((t) => t === DICTIONARY_TABLE || existsSync(join(publicDir, t.file)));
  await writeDictionary(publicDir, tables);
  await writeDataPackage(publicDir, tables, info, release);
  await writeCatalogue(publicDir, info);
}
