// Page loader for /<lang>/downloads: one file attachment per file of the public folder (its
// metadata.json lists them), copied into the site by data/downloads.zip.ts. Each attachment is used for
// its address only (.href): an attachment of a .csv or .parquet file held in a variable would make
// Framework add its parser for that format, loaded from a CDN, which fails the offline build.
import { parseArgs } from 'node:util';
import { publicFileNames, readMetadataFiles, runLoader } from '../../lib/public.ts';

const { values } = parseArgs({ options: { lang: { type: 'string' } }, strict: false });

runLoader('downloads.md', () => {
  const names = publicFileNames(readMetadataFiles());
  const files = names.map(
    (n) => `  ${JSON.stringify(n)}: FileAttachment(${JSON.stringify(`../data/downloads/${n}`)}).href,`,
  );
  return `---
title: ""
---

\`\`\`js
// Data: the public files themselves (data/downloads.zip.ts copies them) and their metadata.
import { downloadsPage } from '../components/downloads.js';
const metadata = await FileAttachment('../data/downloads/metadata.json').json();
const dictionary = await FileAttachment('../data/dictionary.json').json();
const files = {
${files.join('\n')}
};
\`\`\`

\`\`\`js
display(downloadsPage(metadata, files, dictionary, { lang: ${JSON.stringify(values.lang === 'fr' ? 'fr' : 'en')} }));
\`\`\`
`;
});
