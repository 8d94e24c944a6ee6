// datapackage.json: the public tier as a Frictionless Data Package (v2). Each file present is a resource with
// its bytes and sha256, matching the file byte for byte; each table carries its Table Schema (types, codes,
// keys, descriptions in English and French, and what a blank means); the package carries the release, the
// as-of month, the licence and the source (publication-info.ts).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PublicationInfo } from './publication-info.ts';
import { writeAtomically } from '../write-atomically.ts';
import type { FieldDef, TableDef } from './table-schemas.ts';

export const DATAPACKAGE_FILE = 'datapackage.json';
const PROFILE = 'https://datapackage.org/profiles/2.0';

/** The release a package describes: its as-of month, the run that published it and when. */
export interface Release {
  asOfMonth: string;
  runId: string;
  created: string;
  /** The first month the figures cover (measures.csv's earliest period). */
  firstMonth: string;
  /** The release changes.csv compares this one with (its version and when it was made), or null. */
  changesSince: { version: string; created: string } | null;
}

/** A release's version, as datapackage.json and the catalogue give it: the as-of month, then the run. */
export const releaseVersion = (r: Pick<Release, 'asOfMonth' | 'runId'>): string =>
  `${r.asOfMonth}+${r.runId}`;

const MEDIA_TYPES = { csv: 'text/csv', parquet: 'application/vnd.apache.parquet', json: 'application/json' };

/** A file's size and sha256, as a resource states them. */
export function fileFacts(path: string): { bytes: number; hash: string } {
  const bytes = readFileSync(path);
  return { bytes: bytes.length, hash: `sha256:${createHash('sha256').update(bytes).digest('hex')}` };
}

function field(f: FieldDef): Record<string, unknown> {
  const constraints = {
    ...(f.required ? { required: true } : {}),
    ...(f.codes ? { enum: [...f.codes] } : {}),
    ...(f.pattern ? { pattern: f.pattern } : {}),
  };
  return {
    name: f.name,
    type: f.type,
    description: f.description.en,
    description_fr: f.description.fr,
    ...(Object.keys(constraints).length > 0 ? { constraints } : {}),
  };
}

/** A table's Table Schema (v2), as datapackage.json holds it. */
export function tableSchema(t: TableDef): Record<string, unknown> {
  return {
    $schema: `${PROFILE}/tableschema.json`,
    fields: t.fields.map(field),
    ...(t.primaryKey ? { primaryKey: t.primaryKey } : {}),
    missingValues: [{ value: '', label: t.blank.en, label_fr: t.blank.fr }],
  };
}

/** The JSON files of the public tier that are not tables: the run's metadata, a scenario's parameters. */
const JSON_FILES = [
  {
    name: 'metadata',
    file: 'metadata.json',
    title: { en: 'The run that published this release', fr: 'L’exécution qui a publié cette diffusion' },
  },
  {
    name: 'funding-scenario-parameters',
    file: 'funding_scenario.json',
    title: { en: 'The funding scenario’s parameters', fr: 'Les paramètres du scénario de financement' },
  },
];

/** The package describing the files of `publicDir` that the tables and JSON files name. */
export function dataPackage(
  publicDir: string,
  tables: readonly TableDef[],
  info: PublicationInfo,
  release: Release,
): Record<string, unknown> {
  const present = <T extends { file: string }>(list: readonly T[]): T[] =>
    list.filter((t) => existsSync(join(publicDir, t.file)));
  const resources = [
    ...present(tables).map((t) => ({
      name: t.name,
      type: 'table',
      path: t.file,
      format: t.format,
      mediatype: MEDIA_TYPES[t.format],
      ...(t.format === 'csv' ? { encoding: 'utf-8' } : {}),
      ...fileFacts(join(publicDir, t.file)),
      title: t.title.en,
      title_fr: t.title.fr,
      description: t.description.en,
      description_fr: t.description.fr,
      ...(t.format === 'csv'
        ? { dialect: { $schema: `${PROFILE}/tabledialect.json`, header: true, delimiter: ',' } }
        : {}),
      schema: tableSchema(t),
    })),
    ...present(JSON_FILES).map((j) => ({
      name: j.name,
      path: j.file,
      format: 'json',
      mediatype: MEDIA_TYPES.json,
      encoding: 'utf-8',
      ...fileFacts(join(publicDir, j.file)),
      title: j.title.en,
      title_fr: j.title.fr,
    })),
  ];
  return {
    $schema: `${PROFILE}/datapackage.json`,
    name: info.name,
    title: info.title.en,
    title_fr: info.title.fr,
    description: info.summary.en,
    description_fr: info.summary.fr,
    version: releaseVersion(release),
    created: release.created,
    as_of_month: release.asOfMonth,
    temporal: { start: release.firstMonth, end: release.asOfMonth },
    changes_since: release.changesSince,
    keywords: [...info.keywords.en, ...info.keywords.fr],
    licenses: [{ name: info.licence.id, path: info.licence.url, title: info.licence.title }],
    sources: [{ title: info.source.en, title_fr: info.source.fr }],
    contributors: [
      {
        title: info.publisher.name.en,
        title_fr: info.publisher.name.fr,
        email: info.publisher.email,
        path: info.publisher.url,
        roles: ['publisher'],
      },
    ],
    resources,
  };
}

/** Writes datapackage.json into the public folder. */
export async function writeDataPackage(
  publicDir: string,
  tables: readonly TableDef[],
  info: PublicationInfo,
  release: Release,
): Promise<void> {
  const text = `${JSON.stringify(dataPackage(publicDir, tables, info, release), null, 2)}\n`;
  await writeAtomically(join(publicDir, DATAPACKAGE_FILE), (tmp) => writeFileSync(tmp, text));
}
