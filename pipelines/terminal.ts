// Text bound for a terminal: a file name or a row can hold control characters (an escape sequence can
// rewrite the screen, a carriage return hide what came before it), so every printed line shows them as
// visible escapes instead.

// C0 controls but the line feed, DEL, and the C1 controls (U+0080–U+009F; U+009B starts a sequence too).
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g;
const CONTROL_OR_NEWLINE = /[\u0000-\u001f\u007f-\u009f]/g;

const escape = (c: string): string => {
  const code = c.charCodeAt(0);
  if (c === '\n') return '\\n';
  if (c === '\r') return '\\r';
  if (c === '\t') return '\\t';
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16)}`;
};

/** A line (or lines) to print: control characters escaped, line feeds kept. */
export const printable = (s: string): string => s.replace(CONTROL, escape);

/** One value inside a printed line (a row as read, a file name): line feeds escaped too. */
export const printableValue = (s: string): string => s.replace(CONTROL_OR_NEWLINE, escape);
