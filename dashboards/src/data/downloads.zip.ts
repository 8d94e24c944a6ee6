// downloads.zip: the public folder's files as published (measures.csv and .parquet, funding, data
// quality, metadata.json, the last funding scenario), for the downloads page. Only the files its
// metadata.json lists and the scenario's, so nothing else that happens to sit in the folder is ever
// copied into the site.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { publicDir, publicFileNames, readMetadataFiles, runLoader } from '../../lib/public.ts';
import { zipOf } from '../../lib/archive.ts';

runLoader('downloads.zip', () => {
  const dir = publicDir();
  const names = publicFileNames(readMetadataFiles(dir), dir);
  return zipOf(names.map((name) => [name, readFileSync(join(dir, name))]));
});
