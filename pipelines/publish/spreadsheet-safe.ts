// Free text in the internal CSVs is made safe to open in a spreadsheet (OWASP "CSV injection"): a cell that
// starts with =, +, -, @, a tab or a carriage return can be run as a formula, so it gets a leading ' that
// makes the spreadsheet show it as text. Apply it to text columns only: numbers (a negative amount) stay
// numbers.

/** The SQL expression for `column` (text) with a leading ' when it could start a formula; null stays null. */
export const spreadsheetSafe = (column: string): string =>
  `case when left(${column}, 1) in ('=', '+', '-', '@', chr(9), chr(13)) then '''' || ${column} else ${column} end`;
