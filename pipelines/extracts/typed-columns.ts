// How the history stores a contract column (extracts.md types): typed, as the staging models read it, so
// that a value is parsed once, when it loads, and stored compressed (dates as DATE, amounts as DECIMAL).
// What the contract compares is the delivered text ("733" and "733.00" differ), which typing loses: each
// version keeps a hash of its delivered text instead, and ingest collapses a row by that hash.
import { TABLES, type Column, type TableName } from './contract.ts';
import { ident } from '../warehouse.ts';

/** The column's DuckDB type in hist_* and changes_*. */
export function storedType(c: Column): string {
  switch (c.type) {
    case 'date':
      return 'date';
    case 'money':
      return 'decimal(18, 2)';
    case 'timestamp':
      return 'timestamp';
    case 'int':
      // Every int column has a range rule (members, birth year, scores) well inside INTEGER.
      return 'integer';
    case 'flag':
      return 'boolean';
    case 'id':
    case 'month':
    case 'code':
      return 'varchar';
  }
}

/** SQL giving the stored value from the text `v` of a row that passed its checks (validate.ts). */
export function storedValue(c: Column, v: string): string {
  switch (c.type) {
    case 'timestamp':
      return `strptime(${v}, '%Y-%m-%dT%H:%M:%S')`;
    case 'flag':
      return `(${v} = 'Y')`;
    case 'code':
      // Codes match after trimming (extracts.md): the stored code is the listed value.
      return `trim(${v})`;
    case 'id':
    case 'month':
      return v;
    default:
      return `${v}::${storedType(c)}`;
  }
}

/** SQL giving back the text of a stored value, in the contract's written form (`733.00`, not `733`). */
export function storedText(c: Column, v: string): string {
  switch (c.type) {
    case 'timestamp':
      return `strftime(${v}, '%Y-%m-%dT%H:%M:%S')`;
    case 'flag':
      return `case when ${v} then 'Y' when not ${v} then 'N' end`;
    case 'date':
    case 'money':
    case 'int':
      return `${v}::varchar`;
    default:
      return v;
  }
}

/**
 * SQL true when the valid text `v` is not what storedText gives back from its stored value: an amount without
 * its cents (`733`), a signed or zero-padded whole number (`+5`, `05`), a code with spaces (`" TOR"`). Dates,
 * timestamps and flags have one written form, ids and months are stored as delivered: null for those.
 */
function rewrittenWhenStored(c: Column, v: string): string | null {
  switch (c.type) {
    case 'money':
    case 'int':
      return `${v} <> ${storedText(c, storedValue(c, v))}`;
    case 'code':
      return `${v} <> trim(${v})`;
    default:
      return null;
  }
}

/**
 * SQL giving a version's contract fields as delivered (text columns of `alias`) when storing them typed
 * would not give them back, else null (nothing stored): what a row held again after a restatement shows as
 * its `raw` and fields in the quarantine (unknown-cases.ts).
 */
export function deliveredFieldsSql(table: TableName, alias: string): string {
  const cols = TABLES[table].columns;
  const rewritten = cols.flatMap((c) => rewrittenWhenStored(c, `${alias}.${ident(c.name)}`) ?? []);
  if (rewritten.length === 0) return 'null::varchar[]';
  return `case when ${rewritten.map((r) => `coalesce(${r}, false)`).join(' or ')}
    then [${cols.map((c) => `${alias}.${ident(c.name)}`).join(', ')}] end`;
}

/** The table's columns typed from the text columns of `alias`, each named as in the contract. */
export const storedColumnsSql = (table: TableName, alias: string): string =>
  TABLES[table].columns
    .map((c) => `${storedValue(c, `${alias}.${ident(c.name)}`)} as ${ident(c.name)}`)
    .join(', ');

/**
 * SQL hashing a row's contract columns as delivered text (null when empty), in the contract's order: rows with
 * the same hash are taken as identical (extracts.md "collapsed"; two different rows share a 64-bit hash with
 * a chance of about 1 in 10^19). `fieldSql(name, i)` gives the i-th column (1-based).
 * DuckDB's hash() is not promised stable across its versions: the warehouse records the hash of a fixed row
 * and refuses a DuckDB that hashes it otherwise (warehouse-schema.ts, checkRowHash).
 */
export const rowHashSql = (table: TableName, fieldSql: (name: string, i: number) => string): string =>
  `hash(${TABLES[table].columns.map((c, i) => fieldSql(c.name, i + 1)).join(', ')})`;
