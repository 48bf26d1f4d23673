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
