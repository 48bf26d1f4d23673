// STUB (contract): the insights-topics branch replaces this file.
// CSV for Dutch Excel: ';' between fields, a UTF-8 byte order mark, optionally decimal commas.

export type Cell = string | number | null;

export interface CsvOptions {
  /** 0,5 instead of 0.5. */
  decimalComma: boolean;
  /** What a suppressed figure (null) reads as: '< 5'. */
  suppressed: string;
}

/** One table as CSV text, the header row first, starting with the byte order mark. */
export function toCsv(rows: Cell[][], options: CsvOptions): string {
  void [rows, options];
  throw new Error('toCsv: not built yet');
}
