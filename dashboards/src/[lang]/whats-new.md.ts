// Page loader for /<lang>/whats-new: what changed since the last release (data/whats-new.json) and a link to
// changes.csv, which data/downloads.zip.ts copies into the site. A public folder published before changes.csv
// has none, and the page then links to nothing: a file attachment to a missing file fails the build.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { publicDir, runLoader } from '../../lib/public.ts';

const { values } = parseArgs({ options: { lang: { type: 'string' } }, strict: false });

runLoader('whats-new.md', () => {
  const href = existsSync(join(publicDir(), 'changes.csv'))
    ? "FileAttachment('../data/downloads/changes.csv').href"
    : 'null';
  return `---
title: ""
---

\`\`\`js
// Data: what changed since the last release (data/whats-new.json, from the public changes.csv,
// datapackage.json and data_quality.csv), and changes.csv itself, for download.
import { whatsNewPage } from '../components/whats-new.js';
const data = await FileAttachment('../data/whats-new.json').json();
\`\`\`

\`\`\`js
display(whatsNewPage(data, ${href}, { lang: ${JSON.stringify(values.lang === 'fr' ? 'fr' : 'en')} }));
\`\`\`
`;
});
