// Demo generator, funding parameters: the demo's extracts carry their own `funding/default.json`
// (extract-parameters.ts): the shipped illustrative defaults with the envelope scaled to the demo's share of
// the province. funding.md's 600,000,000 is sized for Ontario; allocated over a demo of 2 % of its cases it
// would be three times the demo's assistance. The shipped default.json is untouched and is what real
// deliveries, which carry no parameters, are funded with.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXTRACT_PARAMETERS_DIR } from '../../funding/extract-parameters.ts';
import { DEFAULT_FILE, FUNDING_DIR, parseParameterFile } from '../../funding/parameters.ts';

/** The shipped default.json with `pdf.envelope` × scale (whole dollars); writes it and returns its path. */
export function writeDemoParameters(out: string, scale: number, fundingDir: string = FUNDING_DIR): string {
  const shipped = JSON.parse(readFileSync(join(fundingDir, DEFAULT_FILE), 'utf8')) as {
    description?: string;
    pdf: { envelope: number };
  };
  const envelope = shipped.pdf.envelope;
  const scaled = Math.round(envelope * scale);
  const params = {
    ...shipped,
    description:
      `The demo's illustrative parameters: the shipped defaults, with the envelope scaled to the demo's ` +
      `size (scale ${scale} of the province: ${envelope} × ${scale} = ${scaled}), so allocations sit beside the ` +
      `demo's assistance as the defaults would beside Ontario's.`,
    pdf: { ...shipped.pdf, envelope: scaled },
  };
  const dir = join(out, EXTRACT_PARAMETERS_DIR);
  const path = join(dir, DEFAULT_FILE);
  const text = `${JSON.stringify(params, null, 2)}\n`;
  parseParameterFile({ name: DEFAULT_FILE, path, text }); // the demo never writes a file ingest would refuse
  mkdirSync(dir, { recursive: true });
  writeFileSync(path, text);
  return path;
}
