// The public tier as a Frictionless Data Package, checked against its files by tableschema (the Frictionless
// project's Table Schema library for JavaScript) and by hand: every file listed with its bytes and sha256,
// every CSV's header the schema's fields in order, every value of the type and code list its field names, no
// key twice. tableschema implements Table Schema v1, so the package's v2 labelled missing values are handed
// to it as their values (""). A corrupted copy of each file must fail, so the check is not vacuous.
//
// The publication: a small demo (scale 0.002, April 2023 to April 2024, so fiscal year 2023-24 is complete and
// funding.csv has rows) ingested, built and published with a funding scenario.
import { createHash } from 'node:crypto';
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { csvParse, csvParseRows } from 'd3-dsv';
import { Schema, Table } from 'tableschema';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../../../pipelines/extracts/demo.ts';
import { runScenario } from '../../../../pipelines/funding/scenario.ts';
import { MEASURES } from '../../../../pipelines/measures/registry.ts';
import { publish } from '../../../../pipelines/publish/publish.ts';
import { loadAndBuild, tempDir } from '../../../helpers.ts';

interface Resource {
  name: string;
  path: string;
  type?: string;
  format: string;
  bytes: number;
  hash: string;
  schema?: {
    fields: { name: string; type: string; constraints?: { enum?: string[] } }[];
    missingValues: unknown[];
  };
}
interface Package {
  $schema: string;
  version: string;
  as_of_month: string;
  licenses: { name: string; title: string }[];
  resources: Resource[];
}

let publicDir: string;
let pkg: Package;

beforeAll(async () => {
  const root = tempDir();
  await generateDemo({ out: join(root, 'extracts'), scale: 0.002, months: 13, start: '2023-04', seed: 3 });
  const wh = await loadAndBuild(join(root, 'extracts'));
  try {
    const out = join(root, 'out');
    await publish(wh, { out, runId: 'r1', site: false });
    await runScenario(wh, { params: 'default', out });
    publicDir = join(out, 'public');
  } finally {
    await wh.close();
  }
  pkg = JSON.parse(readFileSync(join(publicDir, 'datapackage.json'), 'utf8')) as Package;
}, 120_000);

/** The schema as tableschema (v1) reads it: v2's labelled missing values given as their values. */
const v1Schema = (r: Resource): object => ({
  ...r.schema,
  missingValues: r.schema!.missingValues.map((m) =>
    typeof m === 'string' ? m : (m as { value: string }).value,
  ),
});

/** Every problem tableschema finds in a CSV against its resource's schema: types, codes, required, keys. */
async function problems(path: string, r: Resource): Promise<string[]> {
  const table = await Table.load(path, { schema: v1Schema(r) });
  // tableschema's types say read() returns rows; it returns a promise of them.
  const rows: unknown[] = await table.read({ forceCast: true });
  return rows.flatMap((row) =>
    row instanceof Error
      ? [row.message, ...((row as { errors?: Error[] }).errors ?? []).map((e) => e.message)]
      : [],
  );
}

const sha256 = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');
const tables = (): Resource[] => pkg.resources.filter((r) => r.type === 'table');
const csvTables = (): Resource[] => tables().filter((r) => r.format === 'csv');

describe('datapackage.json', () => {
  it('is a v2 package of the release, under the Open Government Licence – Ontario', () => {
    expect(pkg.$schema).toBe('https://datapackage.org/profiles/2.0/datapackage.json');
    expect(pkg.version).toBe(`${pkg.as_of_month}+r1`);
    expect(pkg.as_of_month).toBe('2024-04');
    expect(pkg.licenses).toEqual([
      expect.objectContaining({ name: 'OGL-ON-1.0', title: 'Open Government Licence – Ontario' }),
    ]);
  });

  it('lists every file of the public folder but itself and the catalogue, with its bytes and sha256', () => {
    // The catalogue bodies are written from the package, after it.
    const described = ['datapackage.json', 'catalogue.json', 'catalogue.jsonld'];
    const files = readdirSync(publicDir).filter((f) => !described.includes(f));
    expect(pkg.resources.map((r) => r.path).sort()).toEqual(files.sort());
    expect(files).toEqual(
      expect.arrayContaining(['measures.csv', 'funding.csv', 'funding_scenario.csv', 'data-dictionary.csv']),
    );
    for (const r of pkg.resources) {
      const path = join(publicDir, r.path);
      expect(r.bytes, r.path).toBe(readFileSync(path).length);
      expect(r.hash, r.path).toBe(`sha256:${sha256(path)}`);
    }
  });

  it('gives every table a schema tableschema accepts, with a description in English and French', async () => {
    for (const r of tables()) {
      // tableschema's types say load() returns a schema and errors is an object: a promise, and an array.
      const schema = await Schema.load(v1Schema(r));
      expect(
        (schema.errors as Error[]).map((e) => e.message),
        r.path,
      ).toEqual([]);
      expect(schema.valid).toBe(true);
      const fields = r.schema!.fields as unknown as {
        name: string;
        description: string;
        description_fr: string;
      }[];
      for (const f of fields) {
        expect(f.description, `${r.path} ${f.name}`).toMatch(/\w/);
        expect(f.description_fr, `${r.path} ${f.name}`).toMatch(/\w/);
        expect(f.description_fr).not.toBe(f.description);
      }
    }
  });

  it('says what a blank means: in measures.csv, a suppressed figure is fewer than 10 people', () => {
    const measures = pkg.resources.find((r) => r.path === 'measures.csv')!;
    expect(measures.schema!.missingValues).toEqual([
      expect.objectContaining({
        value: '',
        label: expect.stringContaining('suppressed: fewer than 10 people'),
      }),
    ]);
  });

  it('has every CSV match its schema: the header in order, types, code lists, keys', async () => {
    for (const r of csvTables()) {
      const path = join(publicDir, r.path);
      const header = csvParseRows(readFileSync(path, 'utf8').split('\n', 1)[0]!)[0];
      expect(header, r.path).toEqual(r.schema!.fields.map((f) => f.name));
      expect(await problems(path, r), r.path).toEqual([]);
    }
    // The code lists are the registry's: every measure id, and nothing else.
    const measures = csvTables().find((r) => r.path === 'measures.csv')!;
    const ids = measures.schema!.fields.find((f) => f.name === 'measure_id')!.constraints!.enum!;
    expect([...ids].sort()).toEqual(MEASURES.map((m) => m.id).sort());
  });

  it('catches a value of the wrong type, an unknown code and a key given twice', async () => {
    const measures = csvTables().find((r) => r.path === 'measures.csv')!;
    const lines = readFileSync(join(publicDir, 'measures.csv'), 'utf8').trimEnd().split('\n');
    const first = csvParse(lines.slice(0, 2).join('\n'))[0]!;
    const bad = tempDir();
    const variant = (name: string, extra: string): string => {
      const path = join(bad, name);
      writeFileSync(path, `${lines.join('\n')}\n${extra}\n`);
      return path;
    };
    const row = (patch: Record<string, string>): string => Object.values({ ...first, ...patch }).join(',');
    const found = async (path: string): Promise<string> => (await problems(path, measures)).join('\n');
    expect(
      await found(variant('type.csv', row({ period: '2024-13', measure_id: 'caseload', breakdown: 'X' }))),
    ).toMatch(/period/);
    expect(await found(variant('code.csv', row({ measure_id: 'no_such_measure' })))).toMatch(/enum/);
    expect(await found(variant('key.csv', lines[1]!))).toMatch(/unique/);
    copyFileSync(join(publicDir, 'measures.csv'), join(bad, 'same.csv'));
    expect(await found(join(bad, 'same.csv'))).toBe('');
  });

  it('agrees with data-dictionary.csv: every column of every table, in order, in both languages', () => {
    const dictionary = csvParse(readFileSync(join(publicDir, 'data-dictionary.csv'), 'utf8'));
    const fromPackage = tables().flatMap((r) =>
      (
        r.schema!.fields as unknown as {
          name: string;
          type: string;
          description: string;
          description_fr: string;
        }[]
      ).map((f, i) => [r.path, f.name, String(i + 1), f.type, f.description, f.description_fr].join('|')),
    );
    expect(
      dictionary.map((d) =>
        [d.file, d.column, d.position, d.type, d.description_en, d.description_fr].join('|'),
      ),
    ).toEqual(fromPackage);
    expect(new Set(dictionary.map((d) => d.file))).toEqual(new Set(tables().map((r) => r.path)));
  });

  it('is restated by the catalogue bodies: the same files, hashes and sizes', () => {
    const ckan = JSON.parse(readFileSync(join(publicDir, 'catalogue.json'), 'utf8')) as {
      resources: { url: string; hash: string; size: number }[];
    };
    expect(ckan.resources.map((r) => [r.url, r.hash, r.size])).toEqual(
      pkg.resources.map((r) => [r.path, r.hash, r.bytes]),
    );
  });
});
