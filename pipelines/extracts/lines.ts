// The careful way to read a CSV file's physical lines, for the files DuckDB's line reader refuses: mixed
// LF and CRLF line ends, a carriage return inside a field, a line over the reader's limit. Lines are split
// at LF only; a CR just before the LF is the line's break, any other CR is text. Clean files never come here.
import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import type { Warehouse } from '../warehouse.ts';

/** The reader's limit on one line or record, in bytes without its line break (DuckDB's max_line_size). */
export const LINE_LIMIT = 2_097_152;

/** How much of an over-long line the quarantine keeps in `raw`, in characters. */
export const RAW_KEEP = 1000;

/** The columns of a lines table: what the record step (records.ts) reads. */
export const LINES_COLUMNS = `line bigint, raw varchar, crlf boolean, bytes bigint`;

/**
 * Writes the physical lines after the header of a CSV file (plain or gzip) to the temporary table `target`:
 * `line` (1-based, the header is line 1), `raw` (the text without its line break), `crlf` (the break was
 * CRLF) and `bytes` (the length in bytes, without the break). Blank lines are kept, as a quoted field may
 * hold them. A line over LINE_LIMIT keeps only its first RAW_KEEP characters, so a huge line is never held
 * whole. Throws when the bytes are not UTF-8.
 */
export async function loadPhysicalLines(wh: Warehouse, path: string, target: string): Promise<void> {
  await wh.run(`create or replace temp table ${target} (${LINES_COLUMNS})`);
  const appender = await wh.conn.createAppender(target, 'main', 'temp');
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let line = 1;
  let parts: string[] = [];
  let bytes = 0;
  let lastByte = -1;
  let cut = false;

  const take = (piece: Buffer): void => {
    if (piece.length === 0) return;
    bytes += piece.length;
    lastByte = piece[piece.length - 1]!;
    // Every byte is decoded, so that it is checked to be UTF-8, even where the text is not kept.
    const text = decodeAt(decoder, piece, line, true);
    if (cut) return;
    parts.push(text);
    // (+ 1: the line's last byte may be the CR of its break, which does not count.)
    if (bytes > LINE_LIMIT + 1) {
      parts = [keepStart(parts.join(''))];
      cut = true;
    }
  };
  const endLine = (): void => {
    parts.push(decodeAt(decoder, Buffer.alloc(0), line, false));
    const crlf = lastByte === 0x0d;
    const length = crlf ? bytes - 1 : bytes;
    let raw = parts.join('');
    if (length > LINE_LIMIT) raw = keepStart(raw);
    else if (crlf) raw = raw.slice(0, -1);
    if (line > 1) {
      appender.appendBigInt(BigInt(line));
      appender.appendVarchar(raw);
      appender.appendBoolean(crlf);
      appender.appendBigInt(BigInt(length));
      appender.endRow();
    }
    line++;
    parts = [];
    bytes = 0;
    lastByte = -1;
    cut = false;
  };

  const source = createReadStream(path, { highWaterMark: 1 << 20 });
  const stream = path.endsWith('.gz') ? source.pipe(createGunzip()) : source;
  try {
    for await (const chunk of stream) {
      const buf = chunk as Buffer;
      let start = 0;
      for (let lf = buf.indexOf(0x0a, start); lf >= 0; lf = buf.indexOf(0x0a, start)) {
        take(buf.subarray(start, lf));
        endLine();
        start = lf + 1;
      }
      take(buf.subarray(start));
    }
    // The last line may have no line break.
    if (bytes > 0) endLine();
    appender.flushSync();
  } finally {
    appender.closeSync();
    source.destroy();
  }
}

function decodeAt(decoder: TextDecoder, bytes: Buffer, line: number, more: boolean): string {
  try {
    return decoder.decode(bytes, { stream: more });
  } catch {
    throw new Error(`line ${line} is not UTF-8 text`);
  }
}

/** The first RAW_KEEP characters (code points, so a character is never cut in two). */
const keepStart = (s: string): string =>
  Array.from(s.slice(0, 2 * RAW_KEEP))
    .slice(0, RAW_KEEP)
    .join('');
