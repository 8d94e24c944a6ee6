// Zip archives for loaders that write one file per manager, topic or measure: Framework extracts each
// member a page asks for (data/managers/TOR.json from data/managers.zip), so one loader process cuts the
// public measures once instead of one process per file.
import JSZip from 'jszip';

/** A zip of the given members, stored uncompressed (Framework extracts members one by one). */
export async function zipOf(
  members: Iterable<[name: string, content: string | Uint8Array]>,
): Promise<Uint8Array> {
  const zip = new JSZip();
  // A fixed date, so that the same members give the same bytes.
  const date = new Date(Date.UTC(2000, 0, 1));
  for (const [name, content] of members) zip.file(name, content, { date });
  return zip.generateAsync({ type: 'uint8array', compression: 'STORE' });
}
