// Reads one extract file into a temporary table of text fields, one row per record, with its physical line.
// CSV is read as raw lines by DuckDB and split in SQL, so that every record keeps its line number and its
// raw text (for the quarantine), and rows with too few or too many fields are seen rather than padded.
// A file DuckDB cannot read line by line, or with a quote left open at a line's end, takes the careful path
// (lines.ts, records.ts), so that a broken row is quarantined rather than hiding the rows after it.
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Writable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import type { FileError, Table } from './contract.ts';
import { LINE_LIMIT, loadPhysicalLines } from './lines.ts';
import { FIELDS_SQL, ODD_QUOTES_SQL, QUOTING_OK_SQL, joinRecords } from './records.ts';
import { TIME_ZONE } from '../schedule/toronto-time.ts';
import { ident, type NamedParams, type Warehouse } from '../warehouse.ts';

export class FileRejection extends Error {
  constructor(
    readonly code: FileError,
    message: string,
  ) {
    super(`${code}: ${message}`);
  }
}

export interface StagedFile {
  /** Records read (the header excluded, blank lines skipped). */
  rowsRead: number;
  /** Number of fields in the header; a record with another count is BAD_TYPE. */
  headerFields: number;
  warnings: string[];
}

/** Splits one CSV line into fields (RFC 4180 quoting). Used for the header only; records are split in SQL. */
export function splitCsvLine(line: string): string[] {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    let field = '';
    if (line[i] === '"') {
      i++;
      for (;;) {
        const q = line.indexOf('"', i);
        if (q < 0) {
          field += line.slice(i);
          i = line.length;
          break;
        }
        field += line.slice(i, q);
        if (line[q + 1] === '"') {
          field += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      const comma = line.indexOf(',', i);
      if (comma < 0) {
        fields.push(field + line.slice(i));
        return fields;
      }
      fields.push(field + line.slice(i, comma));
      i = comma + 1;
    } else {
      const comma = line.indexOf(',', i);
      if (comma < 0) {
        fields.push(line.slice(i));
        return fields;
      }
      fields.push(line.slice(i, comma));
      i = comma + 1;
    }
  }
}

const normalizeName = (s: string): string =>
  s
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase();

/**
 * Maps contract columns to 1-based positions in the header; throws EMPTY_HEADER / DUPLICATE_COLUMN /
 * MISSING_COLUMN. Any name given twice is a DUPLICATE_COLUMN, an extra column's too: which copy holds the
 * data cannot be told. Empty header fields name no column and are not duplicates of each other.
 */
function mapHeader(
  table: Table,
  header: string[],
  file: string,
): { positions: Map<string, number>; warnings: string[] } {
  const names = header.map(normalizeName);
  if (names.length === 0 || names.every((n) => n === '')) {
    throw new FileRejection('EMPTY_HEADER', `${file} has no header row`);
  }
  const positions = new Map<string, number>();
  names.forEach((n, i) => {
    const first = positions.get(n);
    if (n !== '' && first !== undefined) {
      throw new FileRejection(
        'DUPLICATE_COLUMN',
        `${file} names column ${n} twice (header fields ${first} and ${i + 1})`,
      );
    }
    positions.set(n, i + 1);
  });
  const missing = table.columns.filter((c) => c.required && !positions.has(c.name)).map((c) => c.name);
  if (missing.length > 0) {
    throw new FileRejection('MISSING_COLUMN', `${file} lacks required column(s) ${missing.join(', ')}`);
  }
  const known = new Set(table.columns.map((c) => c.name));
  const extra = names.filter((n) => n !== '' && !known.has(n));
  const warnings = extra.length ? [`${file}: extra column(s) ignored: ${extra.join(', ')}`] : [];
  return { positions, warnings };
}

/** The contract's columns as SQL: each from its header position, or null when the file lacks it. */
function contractColumnsSql(
  table: Table,
  positions: Map<string, number>,
  valueAt: (pos: number) => string,
): string {
  return table.columns
    .map((c) => {
      const pos = positions.get(c.name);
      return `${pos === undefined ? 'null::varchar' : valueAt(pos)} as ${ident(c.name)}`;
    })
    .join(',\n      ');
}

/** Reads the header line of a CSV file (plain or gzip) without reading the rest, and how it ends. */
async function readHeaderLine(path: string): Promise<{ text: string; crlf: boolean } | null> {
  const source = createReadStream(path, { highWaterMark: 1 << 16 });
  // The header's bytes must be UTF-8 like the rest; the rest is checked as it is read.
  const stream = path.endsWith('.gz') ? source.pipe(createGunzip()) : source;
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of stream) {
      const buf = chunk as Buffer;
      const nl = buf.indexOf(0x0a);
      chunks.push(nl >= 0 ? buf.subarray(0, nl) : buf);
      if (nl >= 0 || chunks.reduce((a, c) => a + c.length, 0) > 1 << 20) break;
    }
  } finally {
    source.destroy();
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new FileRejection('UNREADABLE', `${basename(path)} is not UTF-8 text`);
  }
  const crlf = text.endsWith('\r');
  text = text.replace(/^\uFEFF/, '').replace(/\r$/, '');
  return text.trim() === '' ? null : { text, crlf };
}

/**
 * The final SELECT over the staged records (columns: line, raw, nfields, quoting_ok, read_problem, contract
 * columns), and the values of the named parameters (`$name`) its SQL uses.
 */
export interface Project {
  sql: (staged: string, headerFields: number) => string;
  params: NamedParams;
}

/** Stages one extract file of a `table` as the temporary table `target`, with `project` on top: one per format. */
export type Stage = (
  wh: Warehouse,
  path: string,
  table: Table,
  target: string,
  project: Project,
) => Promise<StagedFile>;

/**
 * Stages a CSV file (plain or gzip) as `target`: DuckDB reads the raw lines, SQL splits them into fields,
 * and `project` adds what it needs (validation) on top. Empty fields become null; absent optional columns
 * are null. A clean file is read in two statements: its lines numbered, then judged. The careful path joins
 * the numbered lines into records when a line leaves a quote open, and reads the file again itself when
 * DuckDB refuses it (mixed line ends, a CR inside a field, a line over LINE_LIMIT).
 */
export const stageCsv: Stage = async (wh, path, table, target, project) => {
  const name = basename(path);
  if (path.endsWith('.gz')) await assertCompleteGzip(path, name);
  const headerLine = await readHeaderLine(path);
  if (headerLine === null) throw new FileRejection('EMPTY_HEADER', `${name} has no header row`);
  const header = splitCsvLine(headerLine.text);
  const { positions, warnings } = mapHeader(table, header, name);
  // DuckDB's reader is strict: every line must end as the header does, or the read fails.
  const readLines = `select row_number() over () as line, raw
      from read_csv($path, columns = {'raw': 'VARCHAR'}, header = false, delim = '\\0', quote = '',
                    escape = '', new_line = $new_line, max_line_size = ${LINE_LIMIT},
                    auto_detect = false, compression = 'auto')`;
  const readParams: NamedParams = { path, new_line: headerLine.crlf ? '\\r\\n' : '\\n' };
  const cols = contractColumnsSql(table, positions, (pos) => `nullif(f[${pos}], '')`);
  const staged = (records: string): string => `(
    with r as (select line, raw, read_problem from ${records} as rec where raw is not null and raw <> ''),
    s as (select line, raw, read_problem, ${FIELDS_SQL} as f, ${QUOTING_OK_SQL} as quoting_ok from r)
    select line, raw, len(f) as nfields, quoting_ok, read_problem,
      ${cols}
    from s)`;
  // The records, numbered, are judged in a statement of their own: after the numbering (a window over the
  // whole file) the judging would run on one thread; over a numbered table it runs on all of them.
  const create = (records: string): Promise<void> =>
    wh.run(
      `create or replace temp table ${target} as ${project.sql(staged(records), header.length)}`,
      project.params,
    );
  const done = async (): Promise<StagedFile> => ({
    rowsRead: await wh.value<number>(`select count(*) from ${target}`),
    headerFields: header.length,
    warnings,
  });

  // The lines after the header, numbered in the order DuckDB reads them (so that order is kept).
  const numbered = `${target}_numbered`;
  const physical = `${target}_lines`;
  const records = `${target}_records`;
  let readByDuckDB = true;
  try {
    await wh.run('set preserve_insertion_order = true');
    try {
      await wh.run(
        `create or replace temp table ${numbered} as
        select line, coalesce(raw, '') as raw from (${readLines}) where line > 1`,
        readParams,
      );
    } finally {
      await wh.run('set preserve_insertion_order = false');
    }
    // Most files: one line is one record, and every line's quotes balance.
    await create(`(select line, raw, null::varchar as read_problem from ${numbered})`);
  } catch {
    // DuckDB refused the file; the careful path reads it, and says what is wrong if it is really unreadable.
    readByDuckDB = false;
  }
  try {
    if (readByDuckDB) {
      const unbalanced = await wh.value<boolean>(
        `select coalesce(bool_or(${ODD_QUOTES_SQL}), false) from ${target} where contains(raw, '"')`,
      );
      if (!unbalanced) return await done();
    }
    // The careful path: the physical lines (from DuckDB when it could read them), joined into records.
    try {
      if (readByDuckDB) {
        await wh.run(`create or replace temp table ${physical} as
          select line, raw, ${headerLine.crlf} as crlf, strlen(raw) as bytes from ${numbered}`);
      } else {
        await loadPhysicalLines(wh, path, physical);
      }
      await joinRecords(wh, physical, records, header.length);
      await create(`(select line, raw, read_problem from ${records})`);
    } catch (e) {
      throw unreadable(name, 'UTF-8 CSV', e);
    }
    return await done();
  } finally {
    await wh.run(
      `drop table if exists ${numbered}; drop table if exists ${physical}; drop table if exists ${records}`,
    );
  }
};

/** Stages a Parquet file the same way: every column as text, line = 1 + the 1-based row index. */
export const stageParquet: Stage = async (wh, path, table, target, project) => {
  const name = basename(path);
  let described: { column_name: string; column_type: string }[];
  let stored: string[];
  try {
    described = await wh.all(`describe select * from read_parquet($path)`, { path });
    // The names as stored in the file: DuckDB's reader renames a repeated one (CASE_ID → CASE_ID_1), which
    // would hide a DUPLICATE_COLUMN. (The first schema element is the root; contract tables are flat.)
    stored = (await wh.all<{ name: string }>(`select name from parquet_schema($path)`, { path }))
      .slice(1)
      .map((r) => r.name);
  } catch (e) {
    throw unreadable(name, 'Parquet', e);
  }
  const header = stored.length === described.length ? stored : described.map((d) => d.column_name);
  const { positions, warnings } = mapHeader(table, header, name);
  // Parquet carries types; render each value as the contract's text form. A timestamp is Toronto local
  // clock time: an instant (WITH TIME ZONE) is converted to it, whatever the session's time zone.
  const asText = (i: number): string => {
    const d = described[i - 1]!;
    const c = ident(d.column_name);
    if (d.column_type === 'TIMESTAMP WITH TIME ZONE')
      return `strftime(timezone($time_zone, ${c}), '%Y-%m-%dT%H:%M:%S')`;
    if (d.column_type.startsWith('TIMESTAMP')) return `strftime(${c}, '%Y-%m-%dT%H:%M:%S')`;
    return `nullif(${c}::varchar, '')`;
  };
  const cols = contractColumnsSql(table, positions, asText);
  const rawParts = described.map((_d, i) => `coalesce(${asText(i + 1)}, '')`).join(", ',', ");
  try {
    const staged = `(select file_row_number + 2 as line, concat(${rawParts}) as raw, ${described.length} as nfields, true as quoting_ok, null::varchar as read_problem,
        ${cols}
      from read_parquet($path, file_row_number = true))`;
    // DuckDB refuses a named value its statement does not use: the time zone is bound only where it is.
    const zoned = described.some((d) => d.column_type === 'TIMESTAMP WITH TIME ZONE');
    await wh.run(`create or replace temp table ${target} as ${project.sql(staged, header.length)}`, {
      ...project.params,
      path,
      ...(zoned ? { time_zone: TIME_ZONE } : {}),
    });
  } catch (e) {
    throw unreadable(name, 'Parquet', e);
  }
  const rowsRead = await wh.value<number>(`select count(*) from ${target}`);
  return { rowsRead, headerFields: header.length, warnings };
};

/** DuckDB reads a truncated gzip stream without complaint, so the stream is checked whole first. */
async function assertCompleteGzip(path: string, name: string): Promise<void> {
  const sink = new Writable({ write: (_chunk, _enc, done) => done() });
  try {
    await pipeline(createReadStream(path), createGunzip(), sink);
  } catch (e) {
    throw new FileRejection('UNREADABLE', `${name} is not a complete gzip file: ${(e as Error).message}`);
  }
}

/** The rejection of a file the reader gave up on, with the first line of the reader's own error. */
function unreadable(name: string, as: string, e: unknown): FileRejection {
  const first = (e as Error).message.split('\n')[0]!.slice(0, 300);
  return new FileRejection('UNREADABLE', `${name} cannot be read as ${as}: ${first}`);
}
