// The organisation's directory: who works here, where, under whom, and which roles they hold. Pure.
// Written only by the server: `npm run directory:import -- FILE.csv` reads the HR export
// (docs/directory-import.md), validateDirectory() checks it line by line, and the import writes
// `directory/{personId}`; the sign-in function (functions/src/membership.ts) copies a person's entry
// into their profile (identityFromEntry). Employees edit only their own skills, languages and opt-out.
import { MAX_NAME_LENGTH } from './schema';
import type { MemberClaims, MembershipPolicy, Roles } from './membership';

// ---------- the file's columns ----------

/** The columns of the import file, in the order the documentation lists them. */
export const DIRECTORY_COLUMNS = ['employee_id', 'email', 'display_name', 'department_path', 'job_title', 'manager_id', 'location', 'level', 'roles'] as const;
export type DirectoryColumn = (typeof DIRECTORY_COLUMNS)[number];
/** Every column but `roles` must be in the header (a value may still be empty where allowed). */
export const OPTIONAL_COLUMNS: readonly DirectoryColumn[] = ['roles'];

/** The separator between the levels of department_path: `Bedrijfsvoering > ICT > Servicedesk`. */
export const PATH_SEPARATOR = ' > ';
/** Deepest department path (as the profile's departmentPath). */
export const MAX_PATH_DEPTH = 4;
/** Longest employee id (it is a Firestore document id). */
export const MAX_ID_LENGTH = 64;
/** Longest e-mail address (as the rules allow on a profile). */
export const MAX_EMAIL_LENGTH = 200;
/** Longest section name in a role (`moderator:HR|ICT`). */
export const MAX_SECTION_LENGTH = 40;
/** Highest hierarchy level accepted (1 is the top). */
export const MAX_LEVEL = 99;
/** At most this many errors are listed; the rest are counted. */
export const MAX_LISTED_ERRORS = 50;

// ---------- the entries ----------

/** One person as the file describes them (a validated row). */
export interface DirectoryPerson {
  /** The file's employee_id: the id of `directory/{personId}`. */
  personId: string;
  /** Lower case. */
  email: string;
  displayName: string;
  /** Top-down, 1..MAX_PATH_DEPTH levels. */
  departmentPath: string[];
  jobTitle: string;
  /** The manager's personId; null at the top of the hierarchy. */
  managerId: string | null;
  location: string;
  /** 1 = the top of the hierarchy. */
  level: number;
  roles: Roles;
}

/** `directory/{personId}` without its updatedAt: a person and their standing. */
export interface DirectoryEntry extends DirectoryPerson {
  /** False for a leaver: their named comments stay; they can no longer sign in. */
  active: boolean;
  /** Their Auth uid, once known (first sign-in, or an import that found their account). */
  uid: string | null;
}

/** The identity fields of `profiles/{uid}`: written only by the server, read by every member. */
export interface ProfileIdentity {
  displayName: string;
  email: string;
  departmentPath: string[];
  /** The last level of departmentPath, for readers that know only one department. */
  department: string;
  jobTitle: string;
  managerId: string | null;
  location: string;
  level: number | null;
  active: boolean;
  /** The labels colleagues see (leader, ambassador, …). */
  roles: Roles;
  personId: string | null;
}

/** The identity fields of a profile, in the order they are compared and written. */
export const IDENTITY_FIELDS: ReadonlyArray<keyof ProfileIdentity> = [
  'displayName',
  'email',
  'departmentPath',
  'department',
  'jobTitle',
  'managerId',
  'location',
  'level',
  'active',
  'roles',
  'personId',
];

/** A new profile's own fields (the member edits them afterwards); never overwritten by the server. */
export const OWN_PROFILE_DEFAULTS = { skills: [] as string[], languages: [] as string[], optOut: false };

type Data = Record<string, unknown>;

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const texts = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

/** Roles in one canonical form: known keys only, sections trimmed, unique and sorted, empty lists dropped. */
export function normalizeRoles(value: unknown): Roles {
  const raw = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Data) : {};
  const sections = (list: unknown) => [...new Set(texts(list).map((s) => s.trim()))].filter(Boolean).sort();
  const roles: Roles = {};
  if (raw.admin === true) roles.admin = true;
  if (raw.ambassador === true) roles.ambassador = true;
  if (raw.comms === true) roles.comms = true;
  const cm = sections(raw.communityManager);
  if (cm.length > 0) roles.communityManager = cm;
  if (raw.leader === true) roles.leader = true;
  if (raw.moderator === true) roles.moderator = true;
  else if (Array.isArray(raw.moderator) && sections(raw.moderator).length > 0) roles.moderator = sections(raw.moderator);
  return roles;
}

/** A `directory/{personId}` document as an entry (untrusted shape: anything missing reads as empty). */
export function entryFromDoc(personId: string, data: Data): DirectoryEntry {
  const level = typeof data.level === 'number' && Number.isInteger(data.level) && data.level > 0 ? data.level : 0;
  return {
    personId,
    email: text(data.email).trim().toLowerCase(),
    displayName: text(data.displayName),
    departmentPath: texts(data.departmentPath),
    jobTitle: text(data.jobTitle),
    managerId: typeof data.managerId === 'string' && data.managerId ? data.managerId : null,
    location: text(data.location),
    level,
    roles: normalizeRoles(data.roles),
    active: data.active !== false,
    uid: typeof data.uid === 'string' && data.uid ? data.uid : null,
  };
}

/** What the directory entry puts on the person's profile. */
export function identityFromEntry(entry: DirectoryEntry): ProfileIdentity {
  return {
    displayName: entry.displayName,
    email: entry.email,
    departmentPath: entry.departmentPath,
    department: entry.departmentPath.at(-1) ?? '',
    jobTitle: entry.jobTitle,
    managerId: entry.managerId,
    location: entry.location,
    level: entry.level > 0 ? entry.level : null,
    active: entry.active,
    roles: normalizeRoles(entry.roles),
    personId: entry.personId,
  };
}

/**
 * The profile of a member the directory does not know (a domain match, an allow-listed contractor):
 * their name from the sign-in token, or else the e-mail address's local part.
 */
export function minimalIdentity(email: string, tokenName?: string | null): ProfileIdentity {
  const address = email.trim().toLowerCase();
  const fromToken = (tokenName ?? '').replace(/\s+/g, ' ').trim();
  const local = address.includes('@') ? address.slice(0, address.lastIndexOf('@')) : address;
  return {
    displayName: (fromToken || local || 'member').slice(0, MAX_NAME_LENGTH),
    email: address,
    departmentPath: [],
    department: '',
    jobTitle: '',
    managerId: null,
    location: '',
    level: null,
    active: true,
    roles: {},
    personId: null,
  };
}

/** A value in canonical JSON (object keys sorted), to compare stored documents with wanted ones. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Data)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** The identity fields of a stored profile that differ from `wanted` (empty: nothing to write). */
export function identityChanges(profile: Data, wanted: ProfileIdentity): Partial<ProfileIdentity> {
  const changes: Partial<ProfileIdentity> = {};
  for (const field of IDENTITY_FIELDS) {
    const stored = field === 'roles' && profile.roles !== undefined ? normalizeRoles(profile.roles) : profile[field];
    if (canonical(stored) !== canonical(wanted[field])) (changes as Data)[field] = wanted[field];
  }
  return changes;
}

/** The fields an entry is compared by (uid aside: it only ever goes from null to the account's). */
export function sameEntry(a: DirectoryEntry, b: DirectoryEntry): boolean {
  return canonical({ ...a, roles: normalizeRoles(a.roles) }) === canonical({ ...b, roles: normalizeRoles(b.roles) });
}

/** The membership policy: the organisation config's domains plus `config/membership` (untrusted shape). */
export function membershipPolicyFrom(orgDomains: readonly string[], config: Data | undefined): MembershipPolicy {
  const data = config ?? {};
  return { domains: [...orgDomains, ...texts(data.domains)], allow: texts(data.allow), deny: texts(data.deny) };
}

/** The custom claims of a member with these roles (as the sign-in function sets them). */
export function memberClaims(roles: Roles): MemberClaims {
  const normal = normalizeRoles(roles);
  return Object.keys(normal).length > 0 ? { member: true, roles: normal } : { member: true };
}

// ---------- roles as the file writes them ----------

/** The role names of the file and the roles script, and what each means (lib/core/membership.ts Roles). */
export const ROLE_NAMES = ['admin', 'comms', 'moderator', 'community_manager', 'ambassador', 'leader'] as const;
export type RoleName = (typeof ROLE_NAMES)[number];

const SECTION = /^[\p{L}\p{N}][\p{L}\p{N}_.-]*$/u;

/** Checks one section name; returns what is wrong, or null. */
function sectionProblem(section: string): string | null {
  if (section.length > MAX_SECTION_LENGTH) return `section "${section}" is longer than ${MAX_SECTION_LENGTH} characters`;
  if (!SECTION.test(section)) return `section "${section}" may hold only letters, digits, "_", "." and "-"`;
  return null;
}

/** Adds a role (with sections for moderator and community_manager) to a set of roles; throws what is wrong. */
export function grantRole(roles: Roles, name: string, sections: string[] = []): Roles {
  const next: Roles = { ...normalizeRoles(roles) };
  const role = name.trim().toLowerCase();
  for (const section of sections) {
    const problem = sectionProblem(section);
    if (problem) throw new Error(problem);
  }
  switch (role) {
    case 'admin':
    case 'comms':
    case 'ambassador':
    case 'leader':
      if (sections.length > 0) throw new Error(`"${role}" takes no sections`);
      next[role] = true;
      break;
    case 'moderator':
      if (sections.length === 0) next.moderator = true;
      else if (next.moderator !== true) next.moderator = [...(next.moderator ?? []), ...sections];
      break;
    case 'community_manager':
      if (sections.length === 0) throw new Error('"community_manager" needs its sections, e.g. community_manager:HR|ICT');
      next.communityManager = [...(next.communityManager ?? []), ...sections];
      break;
    default:
      throw new Error(`"${name}" is not a role; expected one of ${ROLE_NAMES.join(', ')}`);
  }
  return normalizeRoles(next);
}

/** Removes a role, or only some of its sections; throws what is wrong. */
export function revokeRole(roles: Roles, name: string, sections: string[] = []): Roles {
  const next: Roles = { ...normalizeRoles(roles) };
  const role = name.trim().toLowerCase();
  const key = role === 'community_manager' ? 'communityManager' : role;
  if (!(ROLE_NAMES as readonly string[]).includes(role)) throw new Error(`"${name}" is not a role; expected one of ${ROLE_NAMES.join(', ')}`);
  if (sections.length === 0) {
    delete next[key as keyof Roles];
  } else if (role === 'moderator' || role === 'community_manager') {
    const current = next[key as 'moderator' | 'communityManager'];
    if (current === true) throw new Error(`"${role}" is granted everywhere: revoke it without sections, then grant the sections wanted`);
    (next as Data)[key] = (current ?? []).filter((s) => !sections.includes(s));
  } else {
    throw new Error(`"${role}" takes no sections`);
  }
  return normalizeRoles(next);
}

/**
 * Reads a roles cell: role names separated by spaces, sections after a colon separated by `|`:
 * `leader`, `moderator`, `moderator:HR|ICT community_manager:HR`. Throws what is wrong.
 */
export function parseRolesCell(cell: string): Roles {
  let roles: Roles = {};
  const seen = new Set<string>();
  for (const word of cell.split(/\s+/).filter(Boolean)) {
    const colon = word.indexOf(':');
    const name = (colon < 0 ? word : word.slice(0, colon)).toLowerCase();
    const sections = colon < 0 ? [] : word.slice(colon + 1).split('|');
    if (colon >= 0 && sections.some((s) => s === '')) throw new Error(`"${word}" has an empty section; expected ${name}:SECTION|SECTION`);
    if (seen.has(name)) throw new Error(`"${name}" is listed twice; expected each role once`);
    seen.add(name);
    roles = grantRole(roles, name, sections);
  }
  return roles;
}

/** Writes roles as a roles cell (the inverse of parseRolesCell). */
export function formatRolesCell(roles: Roles): string {
  const r = normalizeRoles(roles);
  const words: string[] = [];
  if (r.admin) words.push('admin');
  if (r.comms) words.push('comms');
  if (r.moderator === true) words.push('moderator');
  else if (r.moderator) words.push(`moderator:${r.moderator.join('|')}`);
  if (r.communityManager) words.push(`community_manager:${r.communityManager.join('|')}`);
  if (r.ambassador) words.push('ambassador');
  if (r.leader) words.push('leader');
  return words.join(' ');
}

// ---------- validating the file ----------

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
