// Changing one person's roles, everywhere they are kept: the directory entry (the truth the
// sign-in function copies from), the profile (the labels colleagues see) and the ID token's custom
// claims (what the rules check), with an audit entry saying who did it, when, and before → after.
// One implementation for both ways in: the console's callable function (console.ts) and the
// command line (`npm run roles`, scripts/roles.ts), which runs this same module with the Admin SDK.
//
// Nothing half-saved: the directory entry, the profile and the audit entry are written in one
// transaction, which also re-reads who the administrators are, so the last one can't be removed
// even by two administrators revoking each other at the same moment (Firestore retries the later
// transaction, which then sees one administrator left and refuses). The token follows the
// committed roles afterwards (Auth is not part of a Firestore transaction); should that one call
// fail, the roles are saved and the same change made again sets the token (it compares the token
// with the directory every time, changed or not).
import type { Auth } from 'firebase-admin/auth';
import { FieldValue, type DocumentReference, type Firestore } from 'firebase-admin/firestore';
import { rolesAuditDoc, type AuditActor } from '../../lib/core/audit';
import { canonical, entryFromDoc, memberClaims, type DirectoryEntry } from '../../lib/core/directory';
import type { Roles } from '../../lib/core/membership';
import { paths } from '../../lib/core/paths';
import { planRoleChange, RoleChangeError, type RoleChange } from '../../lib/core/role-change';

/** Whose roles change: by e-mail address (the command line) or by Auth uid (the console). */
export type RoleTarget = { email: string } | { uid: string };

export interface RoleChangeResult {
  personId: string;
  name: string;
  email: string;
  /** Their Auth uid; null when they have never signed in. */
  uid: string | null;
  /** False for a leaver. */
  active: boolean;
  before: Roles;
  after: Roles;
  /** False when they already had exactly these roles: nothing was written, no audit entry. */
  changed: boolean;
  /** Whether their profile was written (they have one once they have signed in). */
  profile: boolean;
  /**
   * Their token's claims: 'updated' now; 'unchanged' (already right); 'no-account' (no account or
   * not a member: the sign-in function sets them at their first sign-in); 'failed' (the roles are
   * saved; the same change again sets the token).
   */
  token: 'updated' | 'unchanged' | 'no-account' | 'failed';
  auditId: string | null;
}

export interface RoleChangeOptions {
  /**
   * The console: the uid of the person asking. They must be an administrator in the directory as it
   * is now (a token can be an hour old, and a revoked administrator must not keep the power for
   * that hour); the audit entry carries their name from the directory.
   */
  adminUid?: string;
}

interface Found {
  ref: DocumentReference;
  entry: DirectoryEntry;
}

const current = (found: Found[]) => found.find((f) => f.entry.active) ?? found[0];

/** The person's directory entry: by address, or by the uid noted on it at sign-in (else through their profile's personId). */
async function findEntry(db: Firestore, target: RoleTarget): Promise<Found> {
  const entries = async (field: 'email' | 'uid', value: string) =>
    (await db.collection(paths.directory()).where(field, '==', value).limit(10).get()).docs.map((doc) => ({
      ref: doc.ref,
      entry: entryFromDoc(doc.id, doc.data()),
    }));
  if ('email' in target) {
    const address = target.email.trim().toLowerCase();
    const found = current(await entries('email', address));
    if (!found) throw new RoleChangeError('not-in-directory', `${address} is not in the directory; import it first (npm run directory:import)`);
    return found;
  }
  const found = current(await entries('uid', target.uid));
  if (found) return found;
  const personId = (await db.doc(paths.profile(target.uid)).get()).get('personId');
  if (typeof personId === 'string' && personId) {
    const doc = await db.doc(paths.directoryEntry(personId)).get();
    if (doc.exists) return { ref: doc.ref, entry: entryFromDoc(doc.id, doc.data() ?? {}) };
  }
  throw new RoleChangeError('not-in-directory', `nobody in the directory has signed in as ${target.uid}`);
}

/** The Auth account of an entry: the uid noted on it, else the account of its address. */
async function accountUid(auth: Auth, entry: DirectoryEntry): Promise<string | null> {
  if (entry.uid) return entry.uid;
  try {
    return (await auth.getUserByEmail(entry.email)).uid;
  } catch (error) {
    if ((error as { code?: string }).code === 'auth/user-not-found') return null;
    throw error;
  }
}

/** Brings the account's claims in line with `roles` (only a member's: nobody becomes a member here). */
async function syncClaims(auth: Auth, uid: string | null, roles: Roles): Promise<RoleChangeResult['token']> {
  if (!uid) return 'no-account';
  try {
    const account = await auth.getUser(uid);
    if (account.customClaims?.member !== true) return 'no-account';
    const wanted = memberClaims(roles);
    if (canonical(account.customClaims) === canonical(wanted)) return 'unchanged';
    await auth.setCustomUserClaims(uid, wanted);
    return 'updated';
  } catch (error) {
    if ((error as { code?: string }).code === 'auth/user-not-found') return 'no-account';
    console.error('roles saved, token not updated', uid, error);
    return 'failed';
  }
}

/**
 * Grants or revokes one role of one person; resolves to what was done, or throws RoleChangeError
 * (not in the directory, not an administrator, the last administrator, a bad section, …) having
 * changed nothing.
 */
export async function changeRoles(
  { db, auth }: { db: Firestore; auth: Auth },
  target: RoleTarget,
  change: RoleChange,
  actor: AuditActor,
  options: RoleChangeOptions = {},
): Promise<RoleChangeResult> {
  const found = await findEntry(db, target);
  const uid = await accountUid(auth, found.entry);
  const directory = db.collection(paths.directory());

  const outcome = await db.runTransaction(async (tx) => {
    // Every read first (a transaction's rule), all of them locked until the commit.
    const entry = entryFromDoc(found.ref.id, (await tx.get(found.ref)).data() ?? {});
    let by = actor;
    if (options.adminUid) {
      const callers = (await tx.get(directory.where('uid', '==', options.adminUid).limit(10))).docs.map((d) => entryFromDoc(d.id, d.data()));
      const caller = callers.find((c) => c.active && c.roles.admin);
      if (!caller) throw new RoleChangeError('not-admin', 'only an administrator may change roles');
      by = { uid: options.adminUid, name: caller.displayName, via: 'console' };
    }
    const admins = entry.roles.admin ? (await tx.get(directory.where('roles.admin', '==', true))).docs : [];
    const otherActiveAdmins = admins.filter((d) => d.id !== entry.personId && d.get('active') !== false).length;
    const profileRef = uid ? db.doc(paths.profile(uid)) : null;
    const profile = profileRef ? await tx.get(profileRef) : null;

    const { after, changed } = planRoleChange(entry.roles, change, otherActiveAdmins);
    if (!changed) return { entry, after, changed, profile: false, auditId: null };

    const at = FieldValue.serverTimestamp();
    tx.update(found.ref, { roles: after, updatedAt: at });
    // update() replaces the roles map whole: a revoked role does not linger in a merged map.
    if (profileRef && profile?.exists) tx.update(profileRef, { roles: after, updatedAt: at });
    const audit = db.collection(paths.audit()).doc();
    tx.create(audit, {
      ...rolesAuditDoc({
        action: change.action,
        actor: by,
        target: { kind: 'person', uid, personId: entry.personId, name: entry.displayName },
        role: change.role,
        sections: change.sections,
        before: entry.roles,
        after,
      }),
      at,
    });
    return { entry, after, changed, profile: Boolean(profile?.exists), auditId: audit.id };
  });

  return {
    personId: outcome.entry.personId,
    name: outcome.entry.displayName,
    email: outcome.entry.email,
    uid,
    active: outcome.entry.active,
    before: outcome.entry.roles,
    after: outcome.after,
    changed: outcome.changed,
    profile: outcome.profile,
    token: await syncClaims(auth, uid, outcome.after),
    auditId: outcome.auditId,
  };
}
