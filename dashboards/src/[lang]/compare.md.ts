// Page loader for /<lang>/compare: the compare page, with one file attachment per measure of the
// registry (data/compare/<id>.json). Framework registers attachments only from literal names, so the
// list is written here; the page fetches only the measure being looked at.
import { parseArgs } from 'node:util';
import { loadRegistry } from '../../lib/registry.ts';
import { runLoader } from '../../lib/public.ts';

const { values } = parseArgs({ options: { lang: { type: 'string' } }, strict: false });

runLoader('compare.md', async () => {
  const { MEASURES, GROUPS } = await loadRegistry();
  // The measure chooser needs every measure's title and group before any file is fetched.
  const choices = MEASURES.map((m) => ({ id: m.id, group: GROUPS[m.group], title: m.title }));
  const files = MEASURES.map(
    (m) => `  ${JSON.stringify(m.id)}: FileAttachment(${JSON.stringify(`../data/compare/${m.id}.json`)}),`,
  );
  return `---
title: ""
---

\`\`\`js
// Data: one file per measure (data/compare/<id>.json, cut by data/compare.zip.ts); only the measure
// shown is fetched.
import { comparePage } from '../components/compare.js';
const files = {
${files.join('\n')}
};
const measures = ${JSON.stringify(choices)};
\`\`\`

\`\`\`js
display(await comparePage(files, measures, { lang: ${JSON.stringify(values.lang === 'fr' ? 'fr' : 'en')} }));
\`\`\`
`;
});
