// Reading the directory file (scripts/directory/csv.ts): what Excel writes is read as it is meant,
// and every line number in an error is the line a person sees in their editor.
import { describe, expect, it } from 'vitest';
import { detectSeparator, readDirectoryFile, readDirectoryTable } from '../../scripts/directory/csv';
import { formatDirectoryError } from '../../lib/core/directory-validate';

const HEADER = 'employee_id;email;display_name;department_path;job_title;manager_id;location;level;roles';
const bytes = (text: string) => new TextEncoder().encode(text);
/** A file as Dutch Excel saves "CSV UTF-8 (door lijstscheidingsteken gescheiden)": BOM, `;`, CRLF. */
const excel = (...lines: string[]) => bytes(`\uFEFF${lines.join('\r\n')}\r\n`);

function people(file: Uint8Array) {
  const result = readDirectoryFile(file);
  if (!result.ok) throw new Error(result.errors.map(formatDirectoryError).join('\n'));
  return result.people;
}
function errors(file: Uint8Array) {
  const result = readDirectoryFile(file);
  if (result.ok) throw new Error('expected errors');
  return result.errors.map(formatDirectoryError);
}

describe('reading the directory file', () => {
  it("reads Dutch Excel's file: byte-order mark, `;` separators, CRLF, accented names", () => {
    const file = excel(
      HEADER,
      'LV1;mees@lindeveen.nl;Mees Dijkstra;Bestuur en staf;Gemeentesecretaris;;Stadhuis;1;leader',
      'LV2;mila@lindeveen.nl;Mila Peters;Bedrijfsvoering > Financiën;Afdelingshoofd Financiën;LV1;Stadhuis;2;',
    );
    expect(people(file)).toEqual([
      {
        personId: 'LV1',
        email: 'mees@lindeveen.nl',
        displayName: 'Mees Dijkstra',
        departmentPath: ['Bestuur en staf'],
        jobTitle: 'Gemeentesecretaris',
        managerId: null,
        location: 'Stadhuis',
        level: 1,
        roles: { leader: true },
      },
      {
        personId: 'LV2',
        email: 'mila@lindeveen.nl',
        displayName: 'Mila Peters',
        departmentPath: ['Bedrijfsvoering', 'Financiën'],
        jobTitle: 'Afdelingshoofd Financiën',
        managerId: 'LV1',
        location: 'Stadhuis',
        level: 2,
        roles: {},
      },
    ]);
  });

  it('takes the separator from the header: `,` files (without a byte-order mark, LF) read the same', () => {
    const file = bytes(`${HEADER.replaceAll(';', ',')}\nLV1,mees@lindeveen.nl,Mees Dijkstra,Bestuur en staf,Gemeentesecretaris,,Stadhuis,1,leader\n`);
    expect(people(file)[0]).toMatchObject({ personId: 'LV1', roles: { leader: true } });
    expect(detectSeparator('a;b;c\n1,2;3')).toBe(';');
    expect(detectSeparator('a,b,c\n1;2,3')).toBe(',');
    expect(detectSeparator('"a;b",c,d\n')).toBe(',');
  });

  it('reads quoted fields with the separator, doubled quotes and a line break inside; a line break becomes a space', () => {
    const file = excel(
      HEADER,
      'LV1;mees@lindeveen.nl;"Dijkstra; Mees";"Bestuur en staf";"Gemeente-\r\nsecretaris ""a.i."" ";;Stadhuis;1;',
      'LV2;bad-address;Mila;Bedrijfsvoering;;LV1;;2;',
    );
    const table = readDirectoryTable(file);
    expect(table.ok && table.table.rows.map((r) => r.line)).toEqual([2, 4]); // the quoted line break counts
    expect(errors(file)).toEqual(['line 4, column email: "bad-address" is not an e-mail address; expected name@domain']);
    const fixed = excel(HEADER, 'LV1;mees@lindeveen.nl;"Dijkstra; Mees";"Bestuur en staf";"Gemeente-\r\nsecretaris ""a.i."" ";;Stadhuis;1;');
    expect(people(fixed)[0]).toMatchObject({ displayName: 'Dijkstra; Mees', jobTitle: 'Gemeente- secretaris "a.i."' });
  });

  it('skips empty lines and rows of only separators (Excel writes those for rows left empty), and keeps counting lines', () => {
    const file = excel(HEADER, '', 'LV1;mees@lindeveen.nl;Mees;Bestuur;;;;1;', ';;;;;;;;', 'LV2;mila@lindeveen.nl;;Bedrijfsvoering;;LV1;;2;');
    expect(errors(file)).toEqual(['line 5, column display_name: is empty; expected the name colleagues see']);
  });

  it('accepts header names in any case and with spaces around them; the roles column may be left out', () => {
    const result = readDirectoryFile(
      excel(' Employee_ID ;EMAIL;display_name;department_path;job_title;manager_id;location;level', 'LV1;Mees@Lindeveen.nl;Mees;Bestuur;;;;1'),
    );
    expect(result).toMatchObject({ ok: true, hasRoles: false, people: [{ email: 'mees@lindeveen.nl', roles: {} }] });
  });

  it('names the line where an unclosed quote starts', () => {
    const file = excel(
      HEADER,
      'LV1;mees@lindeveen.nl;Mees;Bestuur;;;;1;',
      'LV2;mila@lindeveen.nl;"Mila;Bedrijfsvoering;;LV1;;2;',
      'LV3;x@lindeveen.nl;X;Y;;LV1;;2;',
    );
    expect(errors(file)).toEqual([expect.stringMatching(/^line 3: a quoted field that starts on this line is never closed; expected a closing "/)]);
  });

  it('names the line of a stray quote (Excel quotes a field with a quote in it whole, and doubles the quote)', () => {
    expect(errors(excel(HEADER, 'LV1;mees@lindeveen.nl;"Mees" Dijkstra;Bestuur;;;;1;'))).toEqual([
      expect.stringMatching(/^line 2: text follows a closing quote inside a field; expected the separator/),
    ]);
    expect(errors(excel(HEADER, 'LV1;mees@lindeveen.nl;Jan "de Man" Jansen;Bestuur;;;;1;'))).toEqual([
      expect.stringMatching(/^line 2: a quote in the middle of a field; expected a field with a quote in it to be quoted whole/),
    ]);
  });

  it('refuses a file that is not UTF-8 (Excel\'s plain "CSV" is Windows-1252) and says how to save it', () => {
    const latin1 = Uint8Array.from([...bytes(`${HEADER}\nLV1;mila@lindeveen.nl;Mila;Bedrijfsvoering > Financi`), 0xeb, ...bytes('n;;;;1;\n')]);
    expect(errors(latin1)).toEqual([expect.stringMatching(/^line 2: the file is not UTF-8 text .* "CSV UTF-8/)]);
  });

  it('refuses an empty file, and a header without employees (that would make everyone a leaver)', () => {
    expect(errors(excel(''))).toEqual(['line 1: the file is empty; expected a header row and one row per employee']);
    expect(errors(excel(HEADER))).toEqual([expect.stringMatching(/^line 2: no employees after the header/)]);
  });
});
