// Validating the organisation's directory file, all of it, before anything is written: each problem
// as "line N, column X: what is wrong; expected …" (docs/directory-import.md). Pure.
import {
  DIRECTORY_COLUMNS,
  DirectoryColumn,
  DirectoryPerson,
  MAX_EMAIL_LENGTH,
  MAX_ID_LENGTH,
  MAX_LEVEL,
  MAX_LISTED_ERRORS,
  MAX_PATH_DEPTH,
  OPTIONAL_COLUMNS,
  PATH_SEPARATOR,
} from './directory';
import { parseRolesCell } from './directory-roles';
import { MAX_NAME_LENGTH } from './schema';
import { Roles } from './membership';

/** One problem in the file: the line (1 = the header), the column when one is to blame, what is wrong and what was expected. */
export interface DirectoryError {
  line: number;
  column?: string;
  message: string;
}

/** `line 7, column email: "anna@" is not an e-mail address; expected name@domain`. */
export function formatDirectoryError(error: DirectoryError): string {
  return `line ${error.line}${error.column ? `, column ${error.column}` : ''}: ${error.message}`;
}

/** All the errors as lines of text, at most MAX_LISTED_ERRORS of them and a count of the rest. */
export function formatDirectoryErrors(errors: DirectoryError[]): string[] {
  const lines = errors.slice(0, MAX_LISTED_ERRORS).map(formatDirectoryError);
  if (errors.length > MAX_LISTED_ERRORS) lines.push(`… and ${errors.length - MAX_LISTED_ERRORS} more errors`);
  return lines;
}

/** A table as the CSV reader hands it over: the header's cells and each row's cells with the line it starts on. */
export interface DirectoryTable {
  header: string[];
  /** The line the header is on (1 unless blank lines come first). */
  headerLine?: number;
  rows: Array<{ line: number; cells: string[] }>;
}

export type DirectoryResult = { ok: true; people: DirectoryPerson[]; hasRoles: boolean } | { ok: false; errors: DirectoryError[] };

const ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
// Deliberately plain: one @, no spaces or markup, a dotted domain. The organisation's mail server is the real check.
const EMAIL = /^[^\s@<>()[\]",;:\\]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

/** A cell as stored: runs of white space (a line break typed in an Excel cell too) become one space, ends trimmed. */
export function cleanCell(cell: string): string {
  return cell.replace(/\s+/g, ' ').trim();
}

const quote = (value: string) => `"${value.length > 60 ? `${value.slice(0, 60)}…` : value}"`;

/**
 * Checks a directory file and turns it into people. Every problem is reported (not only the first):
 * unknown, missing or repeated columns; rows with too few fields; empty required values; bad
 * e-mail addresses, ids, levels and roles; too-long values and too-deep paths; an id or address
 * that appears twice; managers that are not in the file, people who manage themselves, and cycles.
 */
export function validateDirectory(table: DirectoryTable): DirectoryResult {
  const errors: DirectoryError[] = [];
  const headerLine = table.headerLine ?? 1;
  const header = table.header.map((cell) => cleanCell(cell).toLowerCase());
  const index = new Map<DirectoryColumn, number>();
  header.forEach((name, i) => {
    const shown = name || `(empty, field ${i + 1})`;
    if (!(DIRECTORY_COLUMNS as readonly string[]).includes(name)) {
      errors.push({ line: headerLine, column: shown, message: `unknown column; expected only ${DIRECTORY_COLUMNS.join(', ')}` });
    } else if (index.has(name as DirectoryColumn)) {
      errors.push({
        line: headerLine,
        column: name,
        message: `the column appears twice (fields ${index.get(name as DirectoryColumn)! + 1} and ${i + 1}); expected it once`,
      });
    } else {
      index.set(name as DirectoryColumn, i);
    }
  });
  for (const column of DIRECTORY_COLUMNS) {
    if (!index.has(column) && !OPTIONAL_COLUMNS.includes(column)) {
      errors.push({ line: headerLine, column, message: `missing from the header; expected a column named ${column}` });
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  if (table.rows.length === 0) {
    return {
      ok: false,
      errors: [
        { line: headerLine + 1, message: 'no employees after the header; expected one row per employee (an empty file would mark everyone as a leaver)' },
      ],
    };
  }

  const people: Array<DirectoryPerson & { line: number }> = [];
  const byId = new Map<string, number>();
  const byEmail = new Map<string, number>();
  for (const { line, cells } of table.rows) {
    if (cells.length < header.length) {
      errors.push({ line, message: `${cells.length} fields; expected ${header.length}, one per column of the header (${header.join(', ')})` });
      continue;
    }
    if (cells.slice(header.length).some((cell) => cleanCell(cell) !== '')) {
      errors.push({ line, message: `${cells.length} fields; expected ${header.length}, one per column of the header (${header.join(', ')})` });
      continue;
    }
    const errorsBefore = errors.length;
    const fail = (column: DirectoryColumn, message: string) => void errors.push({ line, column, message });
    const unreadable = new Set<DirectoryColumn>();
    const cell = (column: DirectoryColumn): string => {
      const i = index.get(column);
      if (i === undefined) return '';
      const value = cleanCell(cells[i] ?? '');
      if (/\p{Cc}/u.test(value)) {
        fail(column, 'contains a control character; expected plain text');
        unreadable.add(column);
        return '';
      }
      return value;
    };
    const required = (column: DirectoryColumn, what: string): string => {
      const value = cell(column);
      if (!value && !unreadable.has(column)) fail(column, `is empty; expected ${what}`);
      return value;
    };
    const limited = (column: DirectoryColumn, value: string, max: number) => {
      if (value.length > max) fail(column, `is ${value.length} characters long; expected at most ${max}`);
    };

    const personId = required('employee_id', 'the employee id from the HR system');
    if (personId) {
      limited('employee_id', personId, MAX_ID_LENGTH);
      if (!ID.test(personId) || /^__.*__$/.test(personId))
        fail('employee_id', `${quote(personId)} is not a usable id; expected letters, digits, ".", "_" or "-", starting with a letter or digit`);
      else if (byId.has(personId)) fail('employee_id', `${quote(personId)} is also on line ${byId.get(personId)}; expected each employee once`);
      else byId.set(personId, line);
    }

    const email = required('email', 'the work e-mail address').toLowerCase();
    if (email) {
      limited('email', email, MAX_EMAIL_LENGTH);
      if (!EMAIL.test(email)) fail('email', `${quote(email)} is not an e-mail address; expected name@domain`);
      else if (byEmail.has(email)) fail('email', `${quote(email)} is also on line ${byEmail.get(email)}; expected each address once`);
      else byEmail.set(email, line);
    }

    const displayName = required('display_name', 'the name colleagues see');
    limited('display_name', displayName, MAX_NAME_LENGTH);

    const pathCell = required('department_path', `the department, top-down, levels separated by "${PATH_SEPARATOR.trim()}"`);
    const departmentPath = pathCell ? pathCell.split('>').map((part) => part.trim()) : [];
    if (pathCell) {
      if (departmentPath.some((part) => part === '')) {
        fail('department_path', `${quote(pathCell)} has an empty level; expected names separated by "${PATH_SEPARATOR}", e.g. Bedrijfsvoering > ICT`);
      } else if (departmentPath.length > MAX_PATH_DEPTH) {
        fail('department_path', `has ${departmentPath.length} levels; expected at most ${MAX_PATH_DEPTH}`);
      } else if (departmentPath.some((part) => /[<{}]/.test(part))) {
        fail('department_path', `${quote(pathCell)} contains "<", "{" or "}"; expected plain names`);
      } else {
        for (const part of departmentPath)
          if (part.length > MAX_NAME_LENGTH)
            fail('department_path', `level ${quote(part)} is ${part.length} characters long; expected at most ${MAX_NAME_LENGTH}`);
      }
    }

    const jobTitle = cell('job_title');
    limited('job_title', jobTitle, MAX_NAME_LENGTH);
    const location = cell('location');
    limited('location', location, MAX_NAME_LENGTH);
    const managerId = cell('manager_id') || null;

    const levelCell = required('level', 'the hierarchy level, a whole number from 1 (the top)');
    const level = /^\d+$/.test(levelCell) ? Number(levelCell) : NaN;
    if (levelCell && !(Number.isInteger(level) && level >= 1 && level <= MAX_LEVEL)) {
      fail('level', `${quote(levelCell)} is not a level; expected a whole number from 1 (the top of the hierarchy) to ${MAX_LEVEL}`);
    }

    let roles: Roles = {};
    try {
      roles = parseRolesCell(cell('roles'));
    } catch (error) {
      fail('roles', `${(error as Error).message} (roles are separated by spaces, sections by "|": leader moderator:HR|ICT)`);
    }

    if (errors.length === errorsBefore) {
      people.push({ line, personId, email, displayName, departmentPath, jobTitle, managerId, location, level, roles });
    }
  }

  // Managers: in the file, not the person themselves, and no cycles (a chain must end at the top).
  const managerOf = new Map<string, string | null>();
  for (const { line, cells } of table.rows) {
    const id = cleanCell(cells[index.get('employee_id')!] ?? '');
    const manager = cleanCell(cells[index.get('manager_id')!] ?? '') || null;
    if (!id || byId.get(id) !== line || !manager) continue;
    if (manager === id) {
      errors.push({
        line,
        column: 'manager_id',
        message: `${quote(manager)} is this person's own employee_id; expected their manager's id, or empty at the top`,
      });
    } else if (!byId.has(manager)) {
      errors.push({
        line,
        column: 'manager_id',
        message: `${quote(manager)} is not an employee_id in this file; expected the id of someone in the file, or empty at the top`,
      });
    } else {
      managerOf.set(id, manager);
    }
  }
  const settled = new Set<string>();
  for (const start of [...managerOf.keys()].sort((a, b) => byId.get(a)! - byId.get(b)!)) {
    const chain: string[] = [];
    let at: string | null | undefined = start;
    while (at && !settled.has(at) && !chain.includes(at)) {
      chain.push(at);
      at = managerOf.get(at);
    }
    if (at && chain.includes(at)) {
      const cycle = chain.slice(chain.indexOf(at));
      const first = cycle.reduce((a, b) => (byId.get(a)! <= byId.get(b)! ? a : b));
      const from = cycle.indexOf(first);
      const ordered = [...cycle.slice(from), ...cycle.slice(0, from), first];
      errors.push({
        line: byId.get(first)!,
        column: 'manager_id',
        message: `managers go round in a circle (${ordered.join(' → ')}, lines ${ordered
          .slice(0, -1)
          .map((id) => byId.get(id))
          .join(', ')}); expected every chain of managers to end at someone without a manager_id`,
      });
    }
    for (const id of chain) settled.add(id);
  }

  if (errors.length > 0) return { ok: false, errors: errors.sort((a, b) => a.line - b.line) };
  return { ok: true, people: people.map(({ line: _line, ...person }) => person), hasRoles: index.has('roles') };
}
