// CSV records (RFC 4180): how a record's text splits into fields, and, on the careful path, how physical
// lines join into records. One line is one record, except that a quoted field may hold line breaks.
import { LINE_LIMIT, RAW_KEEP } from './lines.ts';
import type { Warehouse } from '../warehouse.ts';

/** The SQL expression splitting a record's `raw` text into its fields. */
export const FIELDS_SQL = `case when contains(raw, '"')
    then list_transform(
      regexp_extract_all(',' || raw, ',("(?:[^"]|"")*"|[^,]*)', 1),
      f -> case when length(f) >= 2 and starts_with(f, '"') and ends_with(f, '"')
                then replace(f[2:-2], '""', '"') else f end)
    else string_split(raw, ',') end`;

/** True when the regular expression above consumed the whole record (else the quoting is malformed). */
// (A CASE, not OR: DuckDB evaluates both sides of an OR, and the regular expression is costly.)
export const QUOTING_OK_SQL = `case when contains(raw, '"')
    then length(raw) + 1 = list_sum(list_transform(regexp_extract_all(',' || raw, ',("(?:[^"]|"")*"|[^,]*)', 1), f -> length(f) + 1))
    else true end`;

/** True when `raw` holds an odd number of quote characters: a quoted field is still open at its end. */
export const ODD_QUOTES_SQL = `(length(raw) - length(replace(raw, '"', ''))) % 2 = 1`;

/**
 * Joins the physical lines of the table `lines` (see lines.ts) into the records of the temporary table
 * `target` (line, raw, read_problem). A line whose quotes do not balance opens a record that the next such
 * line closes, but only when the lines between them join into a well-formed record: quoting valid, the
 * header's number of fields, at most LINE_LIMIT bytes. Otherwise the opening line alone is a record with
 * the problem "unterminated quote", and reading goes on at the next line, so that a stray quote never
 * swallows the rows after it. A record's `line` is its first physical line; the line breaks inside it are
 * kept as they were (LF or CRLF). A line over LINE_LIMIT is a record with its own problem.
 */
export async function joinRecords(
  wh: Warehouse,
  lines: string,
  target: string,
  headerFields: number,
): Promise<void> {
  const odd = `${target}_odd`;
  const spans = `${target}_spans`;
  // The lines whose quotes do not balance, each with the next one: the only line that can close it.
  await wh.run(`create or replace temp table ${odd} as
    select line, lead(line) over (order by line) as closer
    from ${lines} where ${ODD_QUOTES_SQL} and bytes <= ${LINE_LIMIT}`);
  // Each candidate span within the limit joined back into one text, and whether that text is a
  // well-formed record. (Sized first, so that a span over the limit is never built.)
  await wh.run(`create or replace temp table ${spans} as
    with sized as (
      select o.line as first, o.closer as last,
        sum(l.bytes + case when l.line = o.closer then 0 when l.crlf then 2 else 1 end) as bytes
      from ${odd} o join ${lines} l on l.line between o.line and o.closer
      group by o.line, o.closer
    ),
    joined as (
      select s.first, s.last,
        string_agg(l.raw || case when l.line = s.last then '' when l.crlf then chr(13) || chr(10) else chr(10) end,
                   '' order by l.line) as raw
      from sized s join ${lines} l on l.line between s.first and s.last
      where s.bytes <= ${LINE_LIMIT}
      group by s.first, s.last
    )
    select first, last, raw, len(${FIELDS_SQL}) = ${headerFields} and ${QUOTING_OK_SQL} as well_formed
    from joined`);
  // Which spans are records is decided in line order: a span taken consumes its closing line, which then
  // cannot open the next one. Only the unbalanced lines are walked, a handful in most files.
  const openers = await wh.all<{ line: number; well_formed: boolean | null }>(
    `select o.line, s.well_formed from ${odd} o left join ${spans} s on s.first = o.line order by o.line`,
  );
  const taken: number[] = [];
  for (let i = 0; i < openers.length; i++) {
    if (openers[i]!.well_formed) {
      taken.push(openers[i]!.line);
      i++; // the next unbalanced line closes this record
    }
  }
  await wh.run(`create or replace temp table ${target}_taken (first bigint)`);
  const appender = await wh.conn.createAppender(`${target}_taken`, 'main', 'temp');
  try {
    for (const line of taken) {
      appender.appendBigInt(BigInt(line));
      appender.endRow();
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
  await wh.run(`delete from ${spans} where first not in (select first from ${target}_taken)`);

  const tooLong = `'line ' || l.line || ' is longer than the reader''s limit of ${LINE_LIMIT} bytes (' || l.bytes || ' bytes); raw holds its first ${RAW_KEEP} characters'`;
  const unterminated = `'unterminated quote: the quoted field opened on line ' || l.line || ' does not close in a well-formed record; reading goes on at the next line'`;
  await wh.run(`create or replace temp table ${target} as
    with continued as (select unnest(range(first + 1, last + 1)) as line from ${spans})
    select l.line, coalesce(s.raw, l.raw) as raw,
      case when l.bytes > ${LINE_LIMIT} then ${tooLong}
           when s.first is null and o.line is not null then ${unterminated} end as read_problem
    from ${lines} l
    left join ${spans} s on s.first = l.line
    left join ${odd} o on o.line = l.line
    anti join continued c on c.line = l.line`);
  await wh.run(`drop table ${odd}; drop table ${spans}; drop table ${target}_taken`);
}
