// metadata.json: the as-of month and run stamp of the public folder the site is built from.
import { readMetadata, runLoader } from '../../lib/public.ts';

runLoader('metadata.json', () => `${JSON.stringify(readMetadata())}\n`);
