// The signed-in person's own profile and membership, as the panel needs them. Extension pages.
import type { User } from 'firebase/auth/web-extension';
import { doc, getDoc, type Firestore } from 'firebase/firestore';
import { membershipFromClaims } from '../../core/membership';
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

/** Whether the signed-in person belongs to the organisation, and their roles (from the token). */
export type Membership = ReturnType<typeof membershipFromClaims>;

/**
 * The membership the server put in the person's ID token (functions/src/membership.ts). First the
 * token this browser holds (no network, so the panel opens at once), then, with `refresh`, a new
 * one from the server, which carries roles granted since. A failed refresh (offline) keeps the
 * first answer: the rules decide in the end anyway.
 */
export async function readMembership(user: Pick<User, 'getIdTokenResult'>, refresh = false): Promise<Membership> {
  const token = await user.getIdTokenResult(refresh);
  return membershipFromClaims(token.claims);
}
