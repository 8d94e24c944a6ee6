// Catalogue metadata for the portals that post a release, written from datapackage.json (every file with its
// bytes and sha256) and data/reference/publication.json:
//
//   catalogue.json    a CKAN package_create body with the Ontario Data Catalogue's dataset fields
//                     (ckanext-ontario_theme): title_translated, notes_translated, keywords in both languages,
//                     owner_org, access_level, update_frequency, current_as_of, license_id, maintainer, and
//                     one resource per file with its hash and size;
//   catalogue.jsonld  the same as DCAT 3 JSON-LD, each file a dcat:Distribution with its spdx:checksum, for
//                     a federal or municipal harvester.
//
// A resource's URL is the file's name after publication.json's download_base_url (where OUT/public is served);
// without one it is the bare name, to upload the file to the portal with it.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATAPACKAGE_FILE } from './datapackage.ts';
import type { PublicationInfo } from './publication-info.ts';
import { writeAtomically } from '../write-atomically.ts';

export const CATALOGUE_FILE = 'catalogue.json';
export const DCAT_FILE = 'catalogue.jsonld';

interface PackagedResource {
  name: string;
  path: string;
  type?: string;
  format: string;
  mediatype: string;
  bytes: number;
  hash: string;
  title: string;
  title_fr: string;
  description?: string;
  description_fr?: string;
}

interface Packaged {
  version: string;
  created: string;
  as_of_month: string;
  /** The months the figures cover (datapackage.ts). */
  temporal: { start: string; end: string };
  resources: PackagedResource[];
}

/** The last day of a month, YYYY-MM-DD. */
const monthEnd = (month: string): string => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
};

const resourceType = (r: PackagedResource): string =>
  r.name === 'data-dictionary' ? 'data_dictionary' : r.type === 'table' ? 'data' : 'technical_document';

/** The CKAN package_create body (the Ontario Data Catalogue's dataset schema). */
export function ckanPackage(
  pkg: Packaged,
  info: PublicationInfo,
  coverage: { start: string; end: string },
): Record<string, unknown> {
  const url = (r: PackagedResource): string => `${info.download_base_url ?? ''}${r.path}`;
  return {
    name: info.name,
    title: info.title.en,
    title_translated: info.title,
    notes_translated: info.summary,
    asset_type: 'dataset',
    owner_org: info.catalogue.owner_org,
    maintainer_translated: info.publisher.name,
    maintainer_email: info.publisher.email,
    keywords: info.keywords,
    geographic_coverage_translated: { en: 'Ontario', fr: 'Ontario' },
    geographic_granularity: 'municipality',
    current_as_of: coverage.end,
    update_frequency: info.catalogue.update_frequency,
    access_level: info.catalogue.access_level,
    license_id: info.licence.id,
    version: pkg.version,
    resources: pkg.resources.map((r) => ({
      name: r.title,
      name_translated: { en: r.title, fr: r.title_fr },
      description_translated: { en: r.description ?? r.title, fr: r.description_fr ?? r.title_fr },
      url: url(r),
      format: r.format.toUpperCase(),
      mimetype: r.mediatype,
      size: r.bytes,
      hash: r.hash,
      type: resourceType(r),
      language: 'english_and_french',
      data_range_start: coverage.start,
      data_range_end: coverage.end,
      data_last_updated: pkg.created.slice(0, 10),
      version: pkg.version,
    })),
  };
}

const both = (t: { en: string; fr: string }): { '@value': string; '@language': string }[] => [
  { '@value': t.en, '@language': 'en' },
  { '@value': t.fr, '@language': 'fr' },
];

/** The same as a DCAT 3 dataset in JSON-LD, each file a distribution with its SHA-256 checksum. */
export function dcatDataset(
  pkg: Packaged,
  info: PublicationInfo,
  coverage: { start: string; end: string },
): Record<string, unknown> {
  const base = info.download_base_url ?? '';
  return {
    '@context': {
      dcat: 'http://www.w3.org/ns/dcat#',
      dct: 'http://purl.org/dc/terms/',
      foaf: 'http://xmlns.com/foaf/0.1/',
      spdx: 'http://spdx.org/rdf/terms#',
      vcard: 'http://www.w3.org/2006/vcard/ns#',
      xsd: 'http://www.w3.org/2001/XMLSchema#',
    },
    '@id': `${base}${DATAPACKAGE_FILE}#dataset`,
    '@type': 'dcat:Dataset',
    'dct:identifier': info.name,
    'dct:title': both(info.title),
    'dct:description': both(info.summary),
    'dcat:keyword': [
      ...info.keywords.en.map((k) => ({ '@value': k, '@language': 'en' })),
      ...info.keywords.fr.map((k) => ({ '@value': k, '@language': 'fr' })),
    ],
    'dct:language': [
      { '@id': 'http://publications.europa.eu/resource/authority/language/ENG' },
      { '@id': 'http://publications.europa.eu/resource/authority/language/FRA' },
    ],
    'dct:publisher': {
      '@type': 'foaf:Organization',
      'foaf:name': both(info.publisher.name),
      'foaf:homepage': { '@id': info.publisher.url },
    },
    'dcat:contactPoint': {
      '@type': 'vcard:Organization',
      'vcard:fn': info.publisher.name.en,
      'vcard:hasEmail': { '@id': `mailto:${info.publisher.email}` },
    },
    'dct:license': { '@id': info.licence.url },
    'dct:source': both(info.source),
    'dcat:version': pkg.version,
    'dct:issued': { '@value': pkg.created, '@type': 'xsd:dateTime' },
    'dct:accrualPeriodicity': { '@id': 'http://purl.org/cld/freq/monthly' },
    'dct:spatial': { '@id': 'https://www.geonames.org/6093943' },
    'dct:temporal': {
      '@type': 'dct:PeriodOfTime',
      'dcat:startDate': { '@value': coverage.start, '@type': 'xsd:date' },
      'dcat:endDate': { '@value': coverage.end, '@type': 'xsd:date' },
    },
    'dcat:distribution': pkg.resources.map((r) => ({
      '@type': 'dcat:Distribution',
      'dct:title': both({ en: r.title, fr: r.title_fr }),
      'dcat:downloadURL': { '@id': `${base}${r.path}` },
      'dcat:mediaType': { '@id': `https://www.iana.org/assignments/media-types/${r.mediatype}` },
      'dct:format': r.format.toUpperCase(),
      'dcat:byteSize': { '@value': String(r.bytes), '@type': 'xsd:nonNegativeInteger' },
      'dct:license': { '@id': info.licence.url },
      'spdx:checksum': {
        '@type': 'spdx:Checksum',
        'spdx:algorithm': { '@id': 'http://spdx.org/rdf/terms#checksumAlgorithm_sha256' },
        'spdx:checksumValue': { '@value': r.hash.replace(/^sha256:/, ''), '@type': 'xsd:hexBinary' },
      },
    })),
  };
}

/** Writes catalogue.json and catalogue.jsonld from the folder's datapackage.json. */
export async function writeCatalogue(publicDir: string, info: PublicationInfo): Promise<void> {
  const pkg = JSON.parse(readFileSync(join(publicDir, DATAPACKAGE_FILE), 'utf8')) as Packaged;
  const coverage = { start: `${pkg.temporal.start}-01`, end: monthEnd(pkg.temporal.end) };
  for (const [file, body] of [
    [CATALOGUE_FILE, ckanPackage(pkg, info, coverage)],
    [DCAT_FILE, dcatDataset(pkg, info, coverage)],
  ] as const) {
    const text = `${JSON.stringify(body, null, 2)}\n`;
    await writeAtomically(join(publicDir, file), (tmp) => writeFileSync(tmp, text));
  }
}
