// Reads a directory file (docs/directory-import.md) into a table with line numbers, using csv-parse.
// Accepts what Excel writes, Dutch Excel included: a UTF-8 byte-order mark, `;` as the separator
// (the separator is taken from the header line: `;` or `,`), CRLF line ends, and quoted fields with
// separators, doubled quotes and line breaks inside. Node only (scripts and tests).
import { CsvError, parse, type Options } from 'csv-parse/sync';
import { DirectoryError, DirectoryResult, DirectoryTable, validateDirectory } from '../../lib/core/directory-validate';

export type TableResult = { ok: true; table: DirectoryTable; separator: ';' | ',' } | { ok: false; errors: DirectoryError[] };

/** The separator the header line uses: `;` (Dutch Excel) or `,`; whichever occurs more often outside quotes. */
export function detectSeparator(text: string): ';' | ',' {
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && char === '\n') break;
    else if (!quoted && char === ';') semicolons++;
    else if (!quoted && char === ',') commas++;
  }
  return semicolons >= commas && semicolons > 0 ? ';' : ',';
}

/** The file's bytes as text; the first line holding a byte that is not UTF-8 is an error. */
function decode(bytes: Uint8Array): { text: string } | { error: DirectoryError } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    const loose = new TextDecoder('utf-8').decode(bytes);
    const line = loose.slice(0, loose.indexOf('\uFFFD')).split('\n').length;
    return {
      error: {
        line,
        message:
          'the file is not UTF-8 text (a character here is in another encoding); expected UTF-8: in Excel, save as "CSV UTF-8 (door lijstscheidingsteken gescheiden)" / "CSV UTF-8 (Comma delimited)"',
      },
    };
  }
}

/** What a csv-parse error means for the person who edits the file. */
function parseError(error: CsvError, lastGoodLine: number): DirectoryError {
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return {
        line: lastGoodLine + 1,
        message: 'a quoted field that starts on this line is never closed; expected a closing " (a quote inside a field is written twice: "")',
      };
    case 'CSV_INVALID_CLOSING_QUOTE':
      return {
        line: Number(error.lines ?? lastGoodLine + 1),
        message: 'text follows a closing quote inside a field; expected the separator after the closing " (a quote inside a field is written twice: "")',
      };
    case 'INVALID_OPENING_QUOTE':
      return {
        line: Number(error.lines ?? lastGoodLine + 1),
        message: 'a quote in the middle of a field; expected a field with a quote in it to be quoted whole, the quote written twice: "Jan ""de Man"" Jansen"',
      };
    default:
      return { line: Number(error.lines ?? lastGoodLine + 1), message: `${error.message}; expected a well-formed CSV line` };
  }
}

/** Reads the file into a header and rows, each with the line it starts on (1 = the header). */
export function readDirectoryTable(bytes: Uint8Array): TableResult {
  const decoded = decode(bytes);
  if ('error' in decoded) return { ok: false, errors: [decoded.error] };
  // One kind of line end; a line break inside a quoted field stays a line break (and is counted).
  const text = decoded.text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (text.trim() === '') return { ok: false, errors: [{ line: 1, message: 'the file is empty; expected a header row and one row per employee' }] };
  const separator = detectSeparator(text);
  let lastGoodLine = 0;
  let records: Array<{ record: string[]; info: { lines: number }; raw: string }>;
  try {
    const options: Options = {
      delimiter: separator,
      record_delimiter: '\n',
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
      raw: true,
      on_record: (record, context) => {
        lastGoodLine = context.lines;
        return record;
      },
    };
    // With info and raw, each record comes as { record, info, raw }.
    records = parse(text, options) as unknown as Array<{ record: string[]; info: { lines: number }; raw: string }>;
  } catch (error) {
    if (error instanceof CsvError) return { ok: false, errors: [parseError(error, lastGoodLine)] };
    throw error;
  }
  // csv-parse counts the line a record ends on; it starts as many lines earlier as it holds line
  // breaks (blank lines skipped before it are part of `raw` but not of the record).
  const rows = records.map(({ record, info, raw }) => {
    const inside = raw.replace(/^\n+/, '').replace(/\n$/, '');
    return { line: info.lines - (inside.match(/\n/g)?.length ?? 0), cells: record };
  });
  // Excel writes a row of separators for a row left empty: skip those too.
  const [header, ...data] = rows.filter((row) => row.cells.some((cell) => cell.trim() !== ''));
  if (!header) return { ok: false, errors: [{ line: 1, message: 'the file is empty; expected a header row and one row per employee' }] };
  return { ok: true, table: { header: header.cells, headerLine: header.line, rows: data }, separator };
}

/** Reads and checks a directory file: the people in it, or every error (by line and column). */
export function readDirectoryFile(bytes: Uint8Array): DirectoryResult {
  const table = readDirectoryTable(bytes);
  return table.ok ? validateDirectory(table.table) : table;
}
