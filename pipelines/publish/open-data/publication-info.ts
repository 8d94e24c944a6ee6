// Who publishes the open data and under which licence (data/reference/publication.json, which a user edits):
// the package, the catalogue body and the DCAT record all read it from here. A bad file is one clear error
// naming the file and the field.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod';
import { REFERENCE_DIR } from '../../reference.ts';

const text = z.strictObject({ en: z.string().min(1), fr: z.string().min(1) });

const schema = z.strictObject({
  description: z.string().optional(),
  /** The dataset's name in a catalogue: lower case letters, digits and dashes. */
  name: z.string().regex(/^[a-z0-9-]{2,100}$/, 'lower case letters, digits and dashes, 2 to 100'),
  title: text,
  summary: text,
  source: text,
  publisher: z.strictObject({ name: text, email: z.email(), url: z.url() }),
  licence: z.strictObject({ id: z.string().min(1), title: z.string().min(1), url: z.url() }),
  /** Where OUT/public is served, ending in `/`: the catalogue's resource URLs start with it. */
  download_base_url: z.url().endsWith('/', 'must end with /').optional(),
  keywords: z.strictObject({ en: z.array(z.string().min(1)).min(1), fr: z.array(z.string().min(1)).min(1) }),
  catalogue: z.strictObject({
    owner_org: z.string().min(1),
    update_frequency: z.string().min(1),
    access_level: z.string().min(1),
  }),
});

export type PublicationInfo = z.output<typeof schema>;
export const PUBLICATION_FILE = 'publication.json';

export function publicationInfo(referenceDir: string = REFERENCE_DIR): PublicationInfo {
  const path = join(referenceDir, PUBLICATION_FILE);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new Error(`${path}: cannot read the publication's metadata: ${(e as Error).message}`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success)
    throw new Error(
      `${path}: ${parsed.error.issues.map((i) => `${i.path.map(String).join('.') || '(top level)'}: ${i.message}`).join('; ')}`,
    );
  return parsed.data;
}
