// The catalogue bodies of a release, from a package written here by hand: the CKAN package_create body
// against the Ontario Data Catalogue's dataset schema (ckanext-ontario_theme, schemas/external/
// ontario_theme_dataset.json: its required fields and its choices, copied below), and the DCAT record with
// one distribution per file carrying its checksum.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeCatalogue } from '../../../../pipelines/publish/open-data/catalogue.ts';
import { publicationInfo } from '../../../../pipelines/publish/open-data/publication-info.ts';
import { tempDir } from '../../../helpers.ts';

/** The dataset fields the Ontario schema marks required, and the choices of those that have a list. */
const ONTARIO_REQUIRED = ['title_translated', 'notes_translated', 'asset_type', 'owner_org', 'access_level'];
const ONTARIO_CHOICES: Record<string, string[]> = {
  asset_type: ['dataset', 'algorithm'],
  access_level: ['open', 'restricted', 'under_review'],
  update_frequency: [
    'as_required',
    'biannually',
    'current',
    'daily',
    'historical',
    'monthly',
    'never',
    'on_demand',
    'other',
    'periodically',
    'quarterly',
    'weekly',
    'yearly',
    'quinquennial',
  ],
};
const RESOURCE_CHOICES: Record<string, string[]> = {
  type: ['data', 'information', 'technical_document', 'data_dictionary', 'application'],
  language: ['english', 'french', 'english_and_french'],
};
const TRANSLATED = ['title_translated', 'notes_translated', 'maintainer_translated', 'keywords'];

const HASH = 'a'.repeat(64);

/** A public folder holding a package of three files whose figures cover 2023-04 to 2024-02. */
function publicFolder(): string {
  const dir = tempDir();
  mkdirSync(dir, { recursive: true });
  const resource = (
    name: string,
    path: string,
    type: string | undefined,
    format: string,
    mediatype: string,
  ) => ({
    name,
    path,
    ...(type ? { type } : {}),
    format,
    mediatype,
    bytes: 123,
    hash: `sha256:${HASH}`,
    title: `${name} title`,
    title_fr: `${name} titre`,
  });
  writeFileSync(
    join(dir, 'datapackage.json'),
    JSON.stringify({
      version: '2024-02+r1',
      created: '2024-03-05T10:00:00.000Z',
      as_of_month: '2024-02',
      temporal: { start: '2023-04', end: '2024-02' },
      resources: [
        resource('measures', 'measures.csv', 'table', 'csv', 'text/csv'),
        resource('data-dictionary', 'data-dictionary.csv', 'table', 'csv', 'text/csv'),
        resource('metadata', 'metadata.json', undefined, 'json', 'application/json'),
      ],
    }),
  );
  return dir;
}

describe('catalogue.json (CKAN package_create)', () => {
  it('has every field the Ontario schema requires, each value among its choices, in both languages', async () => {
    const dir = publicFolder();
    await writeCatalogue(dir, publicationInfo());
    const body = JSON.parse(readFileSync(join(dir, 'catalogue.json'), 'utf8')) as Record<string, unknown>;
    for (const f of ONTARIO_REQUIRED) expect(body[f], f).toBeTruthy();
    for (const [f, choices] of Object.entries(ONTARIO_CHOICES)) expect(choices, f).toContain(body[f]);
    for (const f of TRANSLATED) {
      const t = body[f] as { en: unknown; fr: unknown };
      expect(t.en, f).toBeTruthy();
      expect(t.fr, f).toBeTruthy();
      expect(t.fr).not.toEqual(t.en);
    }
    expect(body).toMatchObject({
      update_frequency: 'monthly',
      access_level: 'open',
      license_id: 'OGL-ON-1.0',
      current_as_of: '2024-02-29', // the as-of month's last day (2024 is a leap year)
      version: '2024-02+r1',
    });
  });

  it('has one resource per file, with its hash, size, type and the months it covers', async () => {
    const dir = publicFolder();
    await writeCatalogue(dir, publicationInfo());
    const body = JSON.parse(readFileSync(join(dir, 'catalogue.json'), 'utf8')) as {
      resources: Record<string, unknown>[];
    };
    expect(body.resources.map((r) => [r.url, r.format, r.type, r.hash, r.size])).toEqual([
      ['measures.csv', 'CSV', 'data', `sha256:${HASH}`, 123],
      ['data-dictionary.csv', 'CSV', 'data_dictionary', `sha256:${HASH}`, 123],
      ['metadata.json', 'JSON', 'technical_document', `sha256:${HASH}`, 123],
    ]);
    for (const r of body.resources) {
      for (const [f, choices] of Object.entries(RESOURCE_CHOICES)) expect(choices, f).toContain(r[f]);
      // From the first month the figures cover (2023-04) to the as-of month's last day.
      expect([r.data_range_start, r.data_range_end]).toEqual(['2023-04-01', '2024-02-29']);
      expect(r.name_translated).toEqual({ en: expect.any(String), fr: expect.any(String) });
    }
  });

  it('starts each resource URL with the download_base_url, when the publication file gives one', async () => {
    const dir = publicFolder();
    await writeCatalogue(dir, { ...publicationInfo(), download_base_url: 'https://data.example.ca/sa/' });
    const body = JSON.parse(readFileSync(join(dir, 'catalogue.json'), 'utf8')) as {
      resources: { url: string }[];
    };
    expect(body.resources[0]!.url).toBe('https://data.example.ca/sa/measures.csv');
  });
});

describe('catalogue.jsonld (DCAT)', () => {
  it('is a dcat:Dataset whose distributions carry their spdx:checksum, in both languages', async () => {
    const dir = publicFolder();
    await writeCatalogue(dir, publicationInfo());
    const ld = JSON.parse(readFileSync(join(dir, 'catalogue.jsonld'), 'utf8')) as Record<string, unknown> & {
      'dcat:distribution': Record<string, unknown>[];
    };
    expect(ld['@type']).toBe('dcat:Dataset');
    expect((ld['@context'] as Record<string, string>).dcat).toBe('http://www.w3.org/ns/dcat#');
    expect((ld['dct:title'] as { '@language': string }[]).map((t) => t['@language'])).toEqual(['en', 'fr']);
    expect(ld['dct:temporal']).toMatchObject({
      'dcat:startDate': { '@value': '2023-04-01' },
      'dcat:endDate': { '@value': '2024-02-29' },
    });
    expect(ld['dcat:distribution']).toHaveLength(3);
    expect(ld['dcat:distribution'][0]).toMatchObject({
      '@type': 'dcat:Distribution',
      'dcat:downloadURL': { '@id': 'measures.csv' },
      'dcat:byteSize': { '@value': '123' },
      'spdx:checksum': {
        '@type': 'spdx:Checksum',
        'spdx:algorithm': { '@id': 'http://spdx.org/rdf/terms#checksumAlgorithm_sha256' },
        'spdx:checksumValue': { '@value': HASH },
      },
    });
  });
});
