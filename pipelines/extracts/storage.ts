// How a contract column is stored typed (dates as DATE, amounts as DECIMAL(18,2), codes as ENUM), and the
// expression that turns its text into that type: null when the text is empty or not of the type, so one
// pass both reads and types a file. Typed columns compress far better than text (dates run-length, amounts
// and codes bit-packed), which is what storing rows costs most.
import { SERVICE_MANAGER_CODES, type Column } from './contract.ts';
import { ident, lit } from '../warehouse.ts';

/** The column's DuckDB type. Codes whose list comes from the reference file (service managers) stay text. */
export function storageType(c: Column): string {
  switch (c.type) {
    case 'id':
      return 'varchar';
    case 'date':
    case 'month':
      return 'date';
    case 'money':
      return 'decimal(18, 2)';
    case 'timestamp':
      return 'timestamp';
    case 'int':
      return 'integer';
    case 'flag':
      return 'boolean';
    case 'code':
      return c.codes && c.codes !== SERVICE_MANAGER_CODES
        ? `enum(${c.codes.map(lit).join(', ')})`
        : 'varchar';
  }
}

/** SQL turning the text column `c` of a source read as text into its storage type (a month is its 1st day). */
export function typedValue(c: Column): string {
  const v = ident(c.name);
  switch (c.type) {
    case 'month':
      return `try_strptime(${v}, '%Y-%m')::date`;
    case 'flag':
      return `case ${v} when 'Y' then true when 'N' then false end`;
    case 'code':
      return `try_cast(trim(${v}) as ${storageType(c)})`;
    default:
      return `try_cast(${v} as ${storageType(c)})`;
  }
}
