// Demo generator, writers. Formatting: ids and money. Clean rows only hold ids, codes, dates and
// numbers, so no field ever needs quoting; rows are joined with plain commas (csvField quotes the few
// bad rows that need it).
import { createWriteStream, statSync, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { TABLES, type TableName } from '../contract.ts';
import type { Noise } from './noise.ts';

export const id = (prefix: string, n: number, width: number): string =>
  prefix + String(n).padStart(width, '0');
const MONEY_CACHE: string[] = new Array<string>(500_000).fill(''); // up to $5,000

/** Cents as dollars with two decimals: 34300 → `343.00`. */
export function money(cents: number): string {
  if (cents >= 0 && cents < MONEY_CACHE.length) {
    const s = MONEY_CACHE[cents];
    if (s) return s;
    return (MONEY_CACHE[cents] = formatCents(cents));
  }
  return formatCents(cents);
}

function formatCents(cents: number): string {
  const a = Math.abs(cents);
  const c = a % 100;
  return `${cents < 0 ? '-' : ''}${Math.floor(a / 100)}.${c < 10 ? '0' : ''}${c}`;
}

/** RFC 4180: quote a field only when it holds a comma, a quote or a line break. */
export function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

// ---------------------------------------------------------------------------------------------
// Output: one buffered write stream per table and month. Each row is copied into a byte chunk as
// soon as it is made, and full chunks go to the stream; the generator awaits `drain` when the disk
// falls behind. (Copying at once matters: a long string buffer keeps every row alive until it is
// flushed, so millions of rows get promoted to the old generation and GC dominates the run.)
// ---------------------------------------------------------------------------------------------

const CHUNK_BYTES = 256 * 1024;

export class Sink {
  rows = 0;
  private chunk = Buffer.allocUnsafe(CHUNK_BYTES);
  private pos = 0;
  private drain: Promise<void> | null = null;
  private error: Error | null = null;
  private readonly stream: WriteStream;

  constructor(
    readonly path: string,
    readonly table: TableName,
    private readonly noise: Noise | null,
  ) {
    this.stream = createWriteStream(path, { highWaterMark: 1 << 20 });
    this.stream.on('error', (e) => (this.error ??= e));
    this.put(TABLES[table].columns.map((c) => c.name).join(','));
  }

  /** Adds a clean row; with noise on, the row may come out corrupted, doubled or dropped. */
  add(line: string): void {
    if (this.noise !== null && this.noise.hits()) this.noise.corrupt(this, line);
    else this.write(line);
  }

  /** Writes a row as is (noise uses this for the rows it makes). */
  write(line: string): void {
    this.put(line);
    this.rows++;
  }

  /** Rows are ASCII (ids, codes, dates, numbers), so one character is one byte. */
  private put(line: string): void {
    if (this.pos + line.length + 1 > CHUNK_BYTES) this.flush();
    this.pos += this.chunk.write(line, this.pos, 'latin1');
    this.chunk[this.pos++] = 10; // \n
  }

  private flush(): void {
    if (this.pos === 0) return;
    const full = this.chunk.subarray(0, this.pos);
    this.chunk = Buffer.allocUnsafe(CHUNK_BYTES); // the stream keeps `full` until it is written
    this.pos = 0;
    if (!this.stream.write(full) && this.drain === null)
      this.drain = once(this.stream, 'drain').then(() => {
        this.drain = null;
      });
  }

  /** Resolves when the stream can take more (backpressure). */
  ready(): Promise<void> | null {
    if (this.error) throw this.error;
    return this.drain;
  }

  async end(): Promise<number> {
    this.flush();
    this.stream.end();
    await finished(this.stream);
    if (this.error) throw this.error;
    return statSync(this.path).size;
  }
}

export type Sinks = Record<TableName, Sink>;
