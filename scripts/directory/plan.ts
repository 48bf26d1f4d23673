// What an import of the directory has to change, worked out before anything is written. Pure: the
// import (scripts/directory/import.ts) reads the current state, asks planImport() and carries out
// exactly the writes it lists, so a second import of the same file plans (and writes) nothing.
import {
  canonical,
  entryFromDoc,
  identityChanges,
  identityFromEntry,
  memberClaims,
  normalizeRoles,
  OWN_PROFILE_DEFAULTS,
  sameEntry,
  type DirectoryEntry,
  type DirectoryPerson,
  type ProfileIdentity,
} from '../../lib/core/directory';
import { decideMembership, type MemberClaims, type MembershipPolicy, type NotMemberClaims, type Roles } from '../../lib/core/membership';

/** An Auth account as the import sees it. */
export interface Account {
  uid: string;
  email: string;
  disabled: boolean;
  claims: Record<string, unknown>;
}

/** The state an import starts from. */
export interface CurrentState {
  /** Every `directory/{personId}` document. */
  directory: Map<string, Record<string, unknown>>;
  /** Auth accounts by lower-case e-mail address (of the people in the file and the directory). */
  accounts: Map<string, Account>;
  /** `profiles/{uid}` documents of those accounts that have one. */
  profiles: Map<string, Record<string, unknown>>;
  policy: MembershipPolicy;
}

export interface ImportOptions {
  /**
   * Whether the file has a roles column. Without one, the roles stay as they are (then they are
   * managed with `npm run roles`); with one, the file is the truth, an empty cell included.
   */
  fileHasRoles: boolean;
}

export interface ImportPlan {
  summary: { inFile: number; added: number; changed: number; unchanged: number; left: number };
  /** Whole `directory/{personId}` documents to write (updatedAt is added when written). */
  directory: DirectoryEntry[];
  /** Profiles to create (identity and the own fields' defaults) or to update (only the identity fields that changed). */
  profiles: Array<{ uid: string; create: boolean; fields: Partial<ProfileIdentity> & Partial<typeof OWN_PROFILE_DEFAULTS> }>;
  /** Custom claims to set, for accounts whose claims differ. */
  claims: Array<{ uid: string; claims: MemberClaims | NotMemberClaims }>;
  /** Accounts to disable (and whose refresh tokens to revoke): leavers. */
  disable: string[];
  /** Accounts to enable again: people back in the file after they had left. */
  enable: string[];
  /** How many writes that is in all (Firestore documents and Auth calls). */
  writes: number;
}

/** The claims an account in the file should carry: what the sign-in function would give it. */
function wantedClaims(email: string, entry: DirectoryEntry, policy: MembershipPolicy): MemberClaims | NotMemberClaims {
  const decision = decideMembership(email, policy, { active: entry.active });
  return decision.member ? memberClaims(entry.roles) : { member: false, reason: decision.reason };
}

/** Compares the file with the current state and lists the writes that make them agree. */
export function planImport(people: DirectoryPerson[], current: CurrentState, options: ImportOptions): ImportPlan {
  const plan: ImportPlan = {
    summary: { inFile: people.length, added: 0, changed: 0, unchanged: 0, left: 0 },
    directory: [],
    profiles: [],
    claims: [],
    disable: [],
    enable: [],
    writes: 0,
  };

  const leftBefore = new Set(
    [...current.directory]
      .map(([personId, stored]) => entryFromDoc(personId, stored))
      .filter((entry) => !entry.active)
      .map((entry) => entry.email),
  );

  /** Plans one person's profile and claims; returns whether anything is written. */
  const planAccount = (entry: DirectoryEntry, account: Account | undefined): boolean => {
    if (!account) return false;
    let writes = false;
    const identity = identityFromEntry(entry);
    const profile = current.profiles.get(account.uid);
    if (!profile) {
      // A leaver who never signed in gets no profile now.
      if (entry.active) {
        plan.profiles.push({ uid: account.uid, create: true, fields: { ...identity, ...OWN_PROFILE_DEFAULTS } });
        writes = true;
      }
    } else {
      const changes = identityChanges(profile, identity);
      if (Object.keys(changes).length > 0) {
        plan.profiles.push({ uid: account.uid, create: false, fields: changes });
        writes = true;
      }
    }
    if (entry.active) {
      const claims = wantedClaims(entry.email, entry, current.policy);
      const have = { ...account.claims, ...(account.claims.roles !== undefined ? { roles: normalizeRoles(account.claims.roles) } : {}) };
      if (canonical(have) !== canonical(claims)) {
        plan.claims.push({ uid: account.uid, claims });
        writes = true;
      }
      if (account.disabled && leftBefore.has(entry.email)) {
        // Back after leaving (under the same or a new employee id): the import disabled the account, so it enables it again.
        plan.enable.push(account.uid);
        writes = true;
      }
    } else if (!account.disabled) {
      plan.disable.push(account.uid);
      writes = true;
    }
    return writes;
  };

  const inFile = new Set<string>();
  for (const person of people) {
    inFile.add(person.personId);
    const stored = current.directory.get(person.personId);
    const before = stored ? entryFromDoc(person.personId, stored) : undefined;
    const account = current.accounts.get(person.email);
    const entry: DirectoryEntry = {
      ...person,
      roles: options.fileHasRoles ? normalizeRoles(person.roles) : (before?.roles ?? {}),
      active: true,
      uid: account?.uid ?? before?.uid ?? null,
    };
    const entryChanged = !before || !sameEntry(before, entry);
    if (entryChanged) plan.directory.push(entry);
    const accountChanged = planAccount(entry, account);
    if (!before) plan.summary.added++;
    else if (entryChanged || accountChanged) plan.summary.changed++;
    else plan.summary.unchanged++;
  }

  // Leavers: in the directory, not in the file. Checked every time (not only when they first go), so
  // an import that stopped half-way is completed by the next one.
  const emailsInFile = new Set(people.map((person) => person.email));
  for (const [personId, stored] of current.directory) {
    if (inFile.has(personId)) continue;
    const before = entryFromDoc(personId, stored);
    // Someone back under a new employee id has their old address: the account is theirs now.
    const account = emailsInFile.has(before.email) ? undefined : current.accounts.get(before.email);
    const entry: DirectoryEntry = { ...before, active: false, uid: account?.uid ?? before.uid };
    if (!sameEntry(before, entry)) plan.directory.push(entry);
    planAccount(entry, account);
    if (before.active) plan.summary.left++;
  }

  plan.writes = plan.directory.length + plan.profiles.length + plan.claims.length + plan.disable.length * 2 + plan.enable.length;
  return plan;
}

/** The leavers an import may deactivate without --allow-many-leavers: a wrong or cut-off file must not empty the organisation. */
export function leaverLimit(activeBefore: number): number {
  return Math.max(3, Math.floor(activeBefore * 0.1));
}

/** One line for the person who ran it: `41 in the file: 0 added, 0 changed, 41 unchanged, 0 left (0 writes)`. */
export function summaryLine(plan: ImportPlan): string {
  const { inFile, added, changed, unchanged, left } = plan.summary;
  return `${inFile} in the file: ${added} added, ${changed} changed, ${unchanged} unchanged, ${left} left (${plan.writes} writes)`;
}

/** A person whose roles the plan changes (the file's roles column): for the audit log. */
export interface RoleChangeByImport {
  entry: DirectoryEntry;
  before: Roles;
}

/** The entries the plan writes with other roles than they had (a new person with roles included). */
export function roleChangesOf(plan: ImportPlan, current: CurrentState): RoleChangeByImport[] {
  return plan.directory.flatMap((entry) => {
    const stored = current.directory.get(entry.personId);
    const before = stored ? entryFromDoc(entry.personId, stored).roles : {};
    return canonical(normalizeRoles(before)) === canonical(normalizeRoles(entry.roles)) ? [] : [{ entry, before }];
  });
}

/** How many administrators who have not left there are before and after the plan. */
export function administrators(plan: ImportPlan, current: CurrentState): { before: number; after: number } {
  const before = new Map([...current.directory].map(([id, data]) => [id, entryFromDoc(id, data)]));
  const after = new Map(before);
  for (const entry of plan.directory) after.set(entry.personId, entry);
  const count = (entries: Map<string, DirectoryEntry>) => [...entries.values()].filter((e) => e.active && e.roles.admin).length;
  return { before: count(before), after: count(after) };
}
