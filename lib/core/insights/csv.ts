// CSV for Dutch Excel, for "Insights for comms" exports from the console: the report's tables as a file
// a comms adviser double-clicks. Dutch Excel reads ';' as the field separator (',' is its decimal
// sign), needs the UTF-8 byte order mark to read "privé" as UTF-8 rather than Windows-1252, and wants
// CRLF line ends. PapaParse writes the fields (quoting only where needed: a ';', a '"', a line break,
// a leading or trailing space); this module decides what each cell's text is.
//
// Formula injection: comment excerpts and page titles are typed by anyone, and Excel runs a cell that
// starts with '=', '+', '-' or '@' (or a tab or carriage return before one) as a formula — "=HYPERLINK(…)"
// in an open question's excerpt would become a link in the adviser's spreadsheet. Such a text cell gets
// a leading apostrophe, which Excel shows as text. Numbers are never guarded (a negative figure stays a
// number), so callers pass figures as numbers, not as text.
import { unparse } from 'papaparse';

export type Cell = string | number | null;

export interface CsvOptions {
  /** 0,5 instead of 0.5. */
  decimalComma: boolean;
  /** What a suppressed figure (null) reads as: '< 5'. */
  suppressed: string;
}

/** The byte order mark that tells Excel the file is UTF-8. */
export const BOM = '\uFEFF';

/** A text cell starting like this is a formula to Excel. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A number as Excel should read it: integers as they are, others to at most two decimals, no exponent, no thousands separator. */
export function formatNumber(value: number, decimalComma: boolean): string {
  if (!Number.isFinite(value)) return '';
  if (Number.isInteger(value)) return (value === 0 ? 0 : value).toFixed(0);
  // toFixed, then Number again: 0.5 stays "0.5" rather than "0.50"; -0.001 becomes 0.
  const rounded = Number(value.toFixed(2));
  const text = (rounded === 0 ? 0 : rounded).toString();
  return decimalComma ? text.replace('.', ',') : text;
}

function cellText(cell: Cell, options: CsvOptions): string {
  if (cell === null) return options.suppressed;
  if (typeof cell === 'number') return formatNumber(cell, options.decimalComma);
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** One table as CSV text, the header row first, starting with the byte order mark. */
export function toCsv(rows: Cell[][], options: CsvOptions): string {
  const text = rows.map((row) => row.map((cell) => cellText(cell, options)));
  // escapeFormulae off: the guard above knows which cells were numbers; PapaParse only sees text.
  return BOM + unparse(text, { delimiter: ';', newline: '\r\n', quotes: false, quoteChar: '"', escapeFormulae: false, header: false });
}

/** The file name for an export: 'prikbord-<base>-<day>.csv', in lower-case letters, digits and dashes only. */
export function csvFileName(base: string, day: string): string {
  const safe = (text: string) =>
    text
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/, '');
  return `prikbord-${[safe(base) || 'export', safe(day)].filter(Boolean).join('-')}.csv`;
}
