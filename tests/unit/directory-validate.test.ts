// Checking the directory file (lib/core/directory.ts validateDirectory): every problem is named by
// line and column, with what was expected; one problem anywhere means nothing is imported.
import { describe, expect, it } from 'vitest';
import { DIRECTORY_COLUMNS, MAX_LISTED_ERRORS } from '../../lib/core/directory';
import { DirectoryTable, formatDirectoryError, formatDirectoryErrors, validateDirectory } from '../../lib/core/directory-validate';

type Row = Partial<Record<(typeof DIRECTORY_COLUMNS)[number], string>>;

/** A table with the full header; rows start on line 2. */
function table(...rows: Row[]): DirectoryTable {
  return {
    header: [...DIRECTORY_COLUMNS],
    rows: rows.map((row, i) => ({ line: i + 2, cells: DIRECTORY_COLUMNS.map((column) => row[column] ?? '') })),
  };
}

const mees: Row = { employee_id: 'LV1', email: 'mees@lindeveen.nl', display_name: 'Mees Dijkstra', department_path: 'Bestuur en staf', level: '1' };
const mila: Row = {
  employee_id: 'LV2',
  email: 'mila@lindeveen.nl',
  display_name: 'Mila Peters',
  department_path: 'Bedrijfsvoering > Financiën',
  manager_id: 'LV1',
  level: '2',
};

function errorsOf(input: DirectoryTable): string[] {
  const result = validateDirectory(input);
  return result.ok ? [] : result.errors.map(formatDirectoryError);
}

describe('checking the directory file', () => {
  it('accepts a good file and turns it into people', () => {
    const result = validateDirectory(table(mees, { ...mila, roles: 'community_manager:HR|ICT moderator:HR leader' }));
    expect(result).toMatchObject({
      ok: true,
      hasRoles: true,
      people: [
        { personId: 'LV1', managerId: null, level: 1, roles: {} },
        {
          personId: 'LV2',
          managerId: 'LV1',
          departmentPath: ['Bedrijfsvoering', 'Financiën'],
          roles: { communityManager: ['HR', 'ICT'], moderator: ['HR'], leader: true },
        },
      ],
    });
  });

  describe('the header', () => {
    it('names an unknown column and a missing one', () => {
      const input = table(mees);
      input.header = input.header.map((name) => (name === 'location' ? 'afdeling' : name));
      expect(errorsOf(input)).toEqual([
        `line 1, column afdeling: unknown column; expected only ${DIRECTORY_COLUMNS.join(', ')}`,
        'line 1, column location: missing from the header; expected a column named location',
      ]);
    });

    it('names a column that appears twice', () => {
      const input = table(mees);
      input.header = [...input.header, 'email'];
      expect(errorsOf(input)).toEqual(['line 1, column email: the column appears twice (fields 2 and 10); expected it once']);
    });
  });

  describe('each row', () => {
    it('names a row with too few fields, and one with extra filled-in fields', () => {
      const input = table(mees, mila);
      input.rows[0]!.cells = input.rows[0]!.cells.slice(0, 5);
      input.rows[1]!.cells = [...input.rows[1]!.cells, 'extra'];
      expect(errorsOf(input)).toEqual([
        expect.stringMatching(/^line 2: 5 fields; expected 9, one per column of the header \(employee_id, email/),
        expect.stringMatching(/^line 3: 10 fields; expected 9/),
      ]);
    });

    it('names each empty required field', () => {
      expect(errorsOf(table({ ...mees, employee_id: ' ', email: '', display_name: '', department_path: '', level: '' }))).toEqual([
        'line 2, column employee_id: is empty; expected the employee id from the HR system',
        'line 2, column email: is empty; expected the work e-mail address',
        'line 2, column display_name: is empty; expected the name colleagues see',
        'line 2, column department_path: is empty; expected the department, top-down, levels separated by ">"',
        'line 2, column level: is empty; expected the hierarchy level, a whole number from 1 (the top)',
      ]);
    });

    it('names a bad e-mail address and a bad id', () => {
      expect(errorsOf(table({ ...mees, email: 'mees@', employee_id: 'LV/1' }))).toEqual([
        'line 2, column employee_id: "LV/1" is not a usable id; expected letters, digits, ".", "_" or "-", starting with a letter or digit',
        'line 2, column email: "mees@" is not an e-mail address; expected name@domain',
      ]);
    });

    it('names a duplicate id and a duplicate e-mail address, with the line of the first', () => {
      expect(errorsOf(table(mees, { ...mila, employee_id: 'LV1' }, { ...mila, employee_id: 'LV3', email: 'MEES@lindeveen.nl' }))).toEqual([
        'line 3, column employee_id: "LV1" is also on line 2; expected each employee once',
        'line 4, column email: "mees@lindeveen.nl" is also on line 2; expected each address once',
      ]);
    });

    it('names a level that is not a positive whole number', () => {
      for (const level of ['0', '-1', '2.5', 'twee']) {
        expect(errorsOf(table({ ...mees, level }))).toEqual([
          `line 2, column level: "${level}" is not a level; expected a whole number from 1 (the top of the hierarchy) to 99`,
        ]);
      }
    });

    it('names too-long fields (the profile limits: names 80 characters) and too-deep paths (4 levels)', () => {
      expect(errorsOf(table({ ...mees, display_name: 'x'.repeat(81), job_title: 'y'.repeat(81), department_path: 'A > B > C > D > E' }))).toEqual([
        'line 2, column display_name: is 81 characters long; expected at most 80',
        'line 2, column department_path: has 5 levels; expected at most 4',
        'line 2, column job_title: is 81 characters long; expected at most 80',
      ]);
    });

    it('names a department path with an empty level', () => {
      expect(errorsOf(table({ ...mees, department_path: 'Bedrijfsvoering >  > ICT' }))).toEqual([
        'line 2, column department_path: "Bedrijfsvoering > > ICT" has an empty level; expected names separated by " > ", e.g. Bedrijfsvoering > ICT',
      ]);
    });

    it('names unknown roles, a role without its sections, and a role listed twice', () => {
      expect(errorsOf(table({ ...mees, roles: 'boss' }))).toEqual([
        'line 2, column roles: "boss" is not a role; expected one of admin, comms, moderator, community_manager, ambassador, leader (roles are separated by spaces, sections by "|": leader moderator:HR|ICT)',
      ]);
      expect(errorsOf(table({ ...mees, roles: 'community_manager' }))).toEqual([
        expect.stringMatching(/^line 2, column roles: "community_manager" needs its sections, e.g. community_manager:HR\|ICT/),
      ]);
      expect(errorsOf(table({ ...mees, roles: 'leader leader' }))).toEqual([
        expect.stringMatching(/^line 2, column roles: "leader" is listed twice; expected each role once/),
      ]);
      expect(errorsOf(table({ ...mees, roles: 'leader:HR' }))).toEqual([expect.stringMatching(/^line 2, column roles: "leader" takes no sections/)]);
    });

    it('names a control character', () => {
      expect(errorsOf(table({ ...mees, display_name: 'Mees\u0000' }))).toEqual([
        'line 2, column display_name: contains a control character; expected plain text',
      ]);
    });
  });

  describe('managers', () => {
    it('names a manager who is not in the file', () => {
      expect(errorsOf(table(mees, { ...mila, manager_id: 'LV9' }))).toEqual([
        'line 3, column manager_id: "LV9" is not an employee_id in this file; expected the id of someone in the file, or empty at the top',
      ]);
    });

    it('names someone who is their own manager', () => {
      expect(errorsOf(table({ ...mees, manager_id: 'LV1' }))).toEqual([
        'line 2, column manager_id: "LV1" is this person\'s own employee_id; expected their manager\'s id, or empty at the top',
      ]);
    });

    it('names a cycle of managers once, at its first line', () => {
      const a = { ...mila, employee_id: 'A', email: 'a@lindeveen.nl', manager_id: 'C' };
      const b = { ...mila, employee_id: 'B', email: 'b@lindeveen.nl', manager_id: 'A' };
      const c = { ...mila, employee_id: 'C', email: 'c@lindeveen.nl', manager_id: 'B' };
      const d = { ...mila, employee_id: 'D', email: 'd@lindeveen.nl', manager_id: 'B' }; // reports into the cycle: not a second error
      expect(errorsOf(table(mees, a, b, c, d))).toEqual([
        'line 3, column manager_id: managers go round in a circle (A → C → B → A, lines 3, 5, 4); expected every chain of managers to end at someone without a manager_id',
      ]);
    });
  });

  it('lists every error (not only the first), at most 50 and a count of the rest', () => {
    const rows = Array.from({ length: 60 }, (_, i) => ({ ...mila, employee_id: `X${i}`, email: `x${i}@`, manager_id: '' }));
    const result = validateDirectory(table(...rows));
    expect(result.ok).toBe(false);
    const lines = formatDirectoryErrors(result.ok ? [] : result.errors);
    expect(lines).toHaveLength(MAX_LISTED_ERRORS + 1);
    expect(lines.at(-1)).toBe('… and 10 more errors');
  });
});
