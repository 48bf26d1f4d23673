// The signed-in person's own profile and roles, as the panel needs them to write. Extension pages.
import { doc, getDoc, type Firestore } from 'firebase/firestore';
import { personFromDoc } from '../../core/codecs';
import { paths } from '../../core/paths';
import type { PersonRow } from '../../core/rows';
import type { PrikbordDb } from '../db';

/**
 * The person's profile: from Firestore when reachable (and then kept as their row in the people
 * table), else from that row, so an offline panel still knows the name to write under. Null when
 * the person has no profile; throws when Firestore is unreachable and nothing is cached (the
 * caller retries).
 */
export async function loadProfile(fs: Firestore, db: PrikbordDb, uid: string): Promise<PersonRow | null> {
  try {
    const snap = await getDoc(doc(fs, paths.profile(uid)));
    if (!snap.exists()) return null;
    const profile = personFromDoc(uid, snap.data());
    await db.people.put(profile);
    return profile;
  } catch (error) {
    const cached = await db.people.get(uid);
    if (cached) return cached;
    throw error;
  }
}

/** What the person may do beyond writing their own comments. */
export interface Roles {
  /** May hide anyone's comment (Firestore `moderators/{uid}`). */
  moderator: boolean;
}

export const NO_ROLES: Roles = { moderator: false };

/** The person's roles. Unknown (offline) means none: the rules decide in the end anyway. */
export async function loadRoles(fs: Firestore, uid: string): Promise<Roles> {
  try {
    return { moderator: (await getDoc(doc(fs, paths.moderator(uid)))).exists() };
  } catch {
    return NO_ROLES;
  }
}
