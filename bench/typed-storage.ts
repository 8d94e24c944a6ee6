// The typed-storage floors' columns (bench/phase.ts): how a contract column would be stored typed (dates as
// DATE, amounts as DECIMAL(18,2), listed codes as ENUM) and a TRY_CAST from its text, so that one pass reads
// and types a file. It measures storage only: the casts are looser than the contract's checks (validate.ts
// typeOk: years from 1900, two decimals, the reference list of managers), which the floors do not pay for.
// The warehouse stores its history typed much the same way (pipelines/extracts/typed-columns.ts), but keeps
// codes and months as text and adds a hash of each row's delivered text; the floors keep the types
// so that their figures compare with the earlier runs.
import { isReferenceCode, type Column } from '../pipelines/extracts/contract.ts';
import { storedType } from '../pipelines/extracts/typed-columns.ts';
import { ident, lit } from '../pipelines/warehouse.ts';

/**
 * The column's DuckDB type: the warehouse's (typed-columns.ts), except that a month is a DATE (its 1st day) and
 * a listed code an ENUM, as the floors were first measured. Codes from the reference file stay text.
 */
export function storageType(c: Column): string {
  if (c.type === 'month') return 'date';
  if (c.type === 'code' && c.codes && !isReferenceCode(c)) return `enum(${c.codes.map(lit).join(', ')})`;
  return storedType(c);
}

/** SQL turning the text column `c` into its storage type, null when the cast fails (a month is its 1st day). */
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
