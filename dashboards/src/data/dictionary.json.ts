// dictionary.json: the public data-dictionary.csv (every column of every file, in English and French; see
// pipelines/publish/open-data/data-dictionary.ts), for the downloads page; null when the folder predates it.
import { json, readOptionalCsv, runLoader } from '../../lib/public.ts';

runLoader('dictionary.json', () => {
  const rows = readOptionalCsv('data-dictionary.csv');
  return json(
    rows &&
      rows.map((r) => ({
        file: r.file ?? '',
        column: r.column ?? '',
        type: r.type ?? '',
        meaning: { en: r.description_en ?? '', fr: r.description_fr ?? '' },
        blank: { en: r.blank_en ?? '', fr: r.blank_fr ?? '' },
      })),
  );
});
