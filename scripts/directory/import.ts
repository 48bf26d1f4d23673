// The directory import's writes, with the Admin SDK (rules do not apply to it): reads the current
// directory, accounts and profiles, plans (scripts/directory/plan.ts) and carries out the plan.
// Used by `npm run directory:import` (scripts/directory-import.ts) and by the demo seed.
import { deleteApp, initializeApp, type App } from 'firebase-admin/app';
import { getAuth, type Auth, type UserIdentifier } from 'firebase-admin/auth';
import { FieldValue, getFirestore, type Firestore, type WriteBatch } from 'firebase-admin/firestore';
import { userInfo } from 'node:os';
import { rolesAuditDoc, type AuditActor } from '../../lib/core/audit';
import { membershipPolicyFrom, type DirectoryPerson } from '../../lib/core/directory';
import { paths } from '../../lib/core/paths';
import { currentOrg } from '../org/org-file';
import { administrators, leaverLimit, planImport, roleChangesOf, type Account, type CurrentState, type ImportPlan, type RoleChangeByImport } from './plan';

/** Firestore and Auth as the server. */
export interface AdminServices {
  db: Firestore;
  auth: Auth;
  /** Ends the connections (a script's last step). */
  close(): Promise<void>;
}

let counter = 0;

/**
 * The Admin SDK for this organisation's project: the emulators when FIRESTORE_EMULATOR_HOST and
 * FIREBASE_AUTH_EMULATOR_HOST are set, otherwise the real project with the credentials in
 * GOOGLE_APPLICATION_CREDENTIALS. A `demo-` project exists only in the emulators.
 */
export function adminServices(projectId = process.env.GCLOUD_PROJECT ?? currentOrg().firebase.projectId): AdminServices {
  checkAdminEnvironment(projectId);
  const app: App = initializeApp({ projectId }, `prikbord-admin-${++counter}`);
  return { db: getFirestore(app), auth: getAuth(app), close: () => deleteApp(app) };
}

/** Throws what is missing for the Admin SDK to reach `projectId`: the emulators' addresses, or a real project's credentials. */
export function checkAdminEnvironment(projectId: string): void {
  const emulated = Boolean(process.env.FIRESTORE_EMULATOR_HOST && process.env.FIREBASE_AUTH_EMULATOR_HOST);
  if (!emulated && projectId.startsWith('demo-')) {
    throw new Error(
      `${projectId} exists only in the emulators: set FIRESTORE_EMULATOR_HOST and FIREBASE_AUTH_EMULATOR_HOST (bash scripts/with-emulators.sh "…", or npm run demo), or GCLOUD_PROJECT and GOOGLE_APPLICATION_CREDENTIALS for a real project`,
    );
  }
  if (!emulated && !process.env.GOOGLE_APPLICATION_CREDENTIALS) {
    throw new Error(`set GOOGLE_APPLICATION_CREDENTIALS to a service account key of ${projectId} (or run against the emulators)`);
  }
}

const chunks = <T>(items: T[], size: number): T[][] => Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

/** Runs `work` on every item, at most `width` at a time (Auth calls: a few thousand people must not take an hour, nor hit the quota). */
async function inPool<T>(items: T[], width: number, work: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, items.length) }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

/** The current state the plan compares the file with. */
export async function readCurrentState({ db, auth }: AdminServices, people: DirectoryPerson[]): Promise<CurrentState> {
  const directory = new Map<string, Record<string, unknown>>();
  for (const doc of (await db.collection(paths.directory()).get()).docs) directory.set(doc.id, doc.data());

  const emails = [...new Set([...people.map((p) => p.email), ...[...directory.values()].map((d) => String(d.email ?? '').toLowerCase())])].filter(Boolean);
  const accounts = new Map<string, Account>();
  for (const batch of chunks(emails, 100)) {
    const { users } = await auth.getUsers(batch.map((email): UserIdentifier => ({ email })));
    for (const user of users) {
      if (!user.email) continue;
      accounts.set(user.email.toLowerCase(), { uid: user.uid, email: user.email.toLowerCase(), disabled: user.disabled, claims: user.customClaims ?? {} });
    }
  }

  const profiles = new Map<string, Record<string, unknown>>();
  const refs = [...accounts.values()].map((account) => db.doc(paths.profile(account.uid)));
  for (const batch of chunks(refs, 300)) {
    if (batch.length === 0) continue;
    for (const snap of await db.getAll(...batch)) if (snap.exists) profiles.set(snap.id, snap.data()!);
  }

  const config = (await db.doc(paths.membershipConfig()).get()).data();
  return { directory, accounts, profiles, policy: membershipPolicyFrom(currentOrg().membership.domains, config) };
}

/** Carries out a plan: the Auth changes first (so an import that stops half-way is re-planned in full), then Firestore in batches of ≤ 500. */
/** The name of the operating-system user running a command (for the audit log), or a generic one. */
export function osUserName(): string {
  try {
    return userInfo().username || 'admin script';
  } catch {
    return 'admin script'; // no user database entry (a container)
  }
}

/** Who the audit log names for roles the import sets: the OS user running it, by the directory import. */
export function importActor(): AuditActor {
  return { uid: null, name: osUserName(), via: 'directory-import' };
}

export async function applyPlan({ db, auth }: AdminServices, plan: ImportPlan, roleChanges: RoleChangeByImport[] = [], actor = importActor()): Promise<void> {
  await inPool(plan.enable, 10, (uid) => auth.updateUser(uid, { disabled: false }));
  await inPool(plan.claims, 10, ({ uid, claims }) => auth.setCustomUserClaims(uid, claims));
  await inPool(plan.disable, 10, async (uid) => {
    await auth.updateUser(uid, { disabled: true });
    await auth.revokeRefreshTokens(uid);
  });

  // A changed role goes into the audit log in the same batch as the directory entry it changes.
  const changed = new Map(roleChanges.map((change) => [change.entry.personId, change]));
  const writes: Array<(batch: WriteBatch) => void> = [
    ...plan.directory.map((entry) => (batch: WriteBatch) => {
      batch.set(db.doc(paths.directoryEntry(entry.personId)), { ...entry, updatedAt: FieldValue.serverTimestamp() });
      const change = changed.get(entry.personId);
      if (!change) return;
      const target = { kind: 'person' as const, uid: entry.uid, personId: entry.personId, name: entry.displayName };
      const audit = rolesAuditDoc({ action: 'set', actor, target, role: null, sections: [], before: change.before, after: entry.roles });
      batch.create(db.collection(paths.audit()).doc(), { ...audit, at: FieldValue.serverTimestamp() });
    }),
    ...plan.profiles.map(({ uid, create, fields }) => (batch: WriteBatch) => {
      const data = { ...fields, updatedAt: FieldValue.serverTimestamp() };
      // update() replaces each named field whole (a revoked role disappears); set() only for a new profile.
      if (create) batch.set(db.doc(paths.profile(uid)), data);
      else batch.update(db.doc(paths.profile(uid)), data);
    }),
  ];
  // At most 500 writes a batch; a directory entry with its audit entry counts two.
  for (const group of chunks(writes, 250)) {
    const batch = db.batch();
    for (const write of group) write(batch);
    await batch.commit();
  }
}

export interface ImportRun {
  plan: ImportPlan;
  /** False for a dry run. */
  written: boolean;
}

/**
 * Imports validated people: plans, refuses a suspicious number of leavers unless allowed, and
 * writes (unless a dry run). Throws before writing anything when refused.
 */
export async function importDirectory(
  services: AdminServices,
  people: DirectoryPerson[],
  options: { fileHasRoles: boolean; dryRun?: boolean; allowManyLeavers?: boolean },
): Promise<ImportRun> {
  const current = await readCurrentState(services, people);
  const plan = planImport(people, current, { fileHasRoles: options.fileHasRoles });
  const activeBefore = [...current.directory.values()].filter((d) => d.active !== false).length;
  if (plan.summary.left > leaverLimit(activeBefore) && !options.allowManyLeavers) {
    throw new Error(
      `this file would mark ${plan.summary.left} of ${activeBefore} people as leavers (more than ${leaverLimit(activeBefore)}): is it the whole organisation? Nothing was changed. If it is right, run again with --allow-many-leavers`,
    );
  }
  // The file's roles column is the truth when it has one: it must not leave the organisation without
  // anyone who can manage roles (the console refuses the same for the last administrator).
  const admins = administrators(plan, current);
  if (admins.before > 0 && admins.after === 0) {
    throw new Error(
      'this file leaves no administrator (its roles column gives nobody "admin"): nobody could manage roles any more. Nothing was changed. Give someone "admin" in the file, or leave out the roles column to keep the roles as they are',
    );
  }
  if (options.dryRun) return { plan, written: false };
  await applyPlan(services, plan, roleChangesOf(plan, current));
  return { plan, written: true };
}
