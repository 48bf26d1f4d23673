// Insights exports (lib/core/insights/csv.ts): a file Dutch Excel opens as meant — byte order mark, ';',
// CRLF, decimal commas when asked, "< 5" for a suppressed figure — and no cell Excel would run as a formula.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { BOM, csvFileName, formatNumber, toCsv, type Cell } from '../../lib/core/insights/csv';

const dutch = { decimalComma: true, suppressed: '< 5' };
const plain = { decimalComma: false, suppressed: '< 5' };
/** Back to cells, as a CSV reader (and Excel) sees the file. */
const read = (csv: string): string[][] => parse(csv.slice(1), { delimiter: ';', record_delimiter: '\r\n', relax_column_count: true });

describe('toCsv', () => {
  it("starts with the byte order mark, separates with ';' and ends lines with CRLF", () => {
    const csv = toCsv(
      [
        ['Pagina', 'Lezers'],
        ['Verlof', 12],
        ['Privé', 7],
      ],
      dutch,
    );
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv).toBe('\uFEFFPagina;Lezers\r\nVerlof;12\r\nPrivé;7');
  });

  it("quotes a field with a ';', a '\"' or a line break, and only such a field", () => {
    const awkward = 'Vraag; "dringend"\nzie hieronder';
    const csv = toCsv([['gewoon', awkward, 'ook gewoon']], plain);
    expect(csv).toBe('\uFEFFgewoon;"Vraag; ""dringend""\nzie hieronder";ook gewoon');
    expect(read(csv)).toEqual([['gewoon', awkward, 'ook gewoon']]);
  });

  it('writes decimals with a comma when asked, integers as they are, at most two decimals', () => {
    const row: Cell[] = [0.5, 12, 1234567, 2 / 3, -1.25, 0.001, -0];
    expect(read(toCsv([row], dutch))).toEqual([['0,5', '12', '1234567', '0,67', '-1,25', '0', '0']]);
    expect(read(toCsv([row], plain))).toEqual([['0.5', '12', '1234567', '0.67', '-1.25', '0', '0']]);
    expect(formatNumber(Number.NaN, true)).toBe('');
  });

  it("writes a suppressed figure (null) as '< 5'", () => {
    expect(toCsv([['Lezers', null]], dutch)).toBe('\uFEFFLezers;< 5');
    expect(toCsv([[null]], { decimalComma: false, suppressed: '' })).toBe('\uFEFF');
  });

  it('guards text cells Excel would run as a formula, never numbers', () => {
    const row: Cell[] = ['=HYPERLINK("https://evil.example","klik")', '+31 20 123', '-min', '@SUM(A1)', '\t=1', 'a=b', -3, -0.5];
    expect(read(toCsv([row], dutch))).toEqual([
      ['\'=HYPERLINK("https://evil.example","klik")', "'+31 20 123", "'-min", "'@SUM(A1)", "'\t=1", 'a=b', '-3', '-0,5'],
    ]);
  });

  it('writes 10,000 rows quickly, one line each', () => {
    const rows: Cell[][] = [['Pagina', 'Lezers', 'Aandeel', 'Reacties']];
    for (let i = 0; i < 10_000; i++) rows.push([`Pagina ${i}; deel "${i % 7}"`, i, i / 3, i % 5 === 0 ? null : i % 11]);
    const start = performance.now();
    const csv = toCsv(rows, dutch);
    const ms = performance.now() - start;
    console.log(`toCsv: 10,001 rows in ${ms.toFixed(0)} ms`);
    expect(ms).toBeLessThan(1000);
    expect(csv.split('\r\n')).toHaveLength(10_001);
    const back = read(csv);
    expect(back).toHaveLength(10_001);
    expect(back[10_000]).toEqual(['Pagina 9999; deel "3"', '9999', '3333', '0']);
    expect(back[6]).toEqual(['Pagina 5; deel "5"', '5', '1,67', '< 5']);
  });
});

describe('csvFileName', () => {
  it("is 'prikbord-<base>-<day>.csv' in safe characters only", () => {
    expect(csvFileName('topics', '2026-11-25')).toBe('prikbord-topics-2026-11-25.csv');
    expect(csvFileName('Open vragen: HR & Financiën / Q4', '2026-11-25')).toBe('prikbord-open-vragen-hr-financien-q4-2026-11-25.csv');
    expect(csvFileName('../../etc/passwd', '2026-11-25')).toBe('prikbord-etc-passwd-2026-11-25.csv');
    expect(csvFileName('', '2026-11-25')).toBe('prikbord-export-2026-11-25.csv');
    expect(csvFileName('x'.repeat(200), '2026-11-25')).toMatch(/^prikbord-x{60}-2026-11-25\.csv$/);
  });
});
