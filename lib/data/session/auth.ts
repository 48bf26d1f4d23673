// Signing in and the signed-in person's profile. Extension pages only.
// Email/password against the Auth emulator for the demo. Enterprise SSO (Entra ID / Google via
// chrome.identity.launchWebAuthFlow + signInWithCredential) plugs in beside signInWithPassword.
import { onAuthStateChanged, signInWithEmailAndPassword, signOut, type Auth, type User } from 'firebase/auth/web-extension';
import { doc, getDoc, type Firestore } from 'firebase/firestore';
import type { PrikbordDb } from '../db';
import type { MessageKey } from '../../any/i18n';
import { paths } from '../../core/paths';
import type { PersonRow } from '../../core/rows';
import { personFromDoc } from '../../core/codecs';

/** Signs in; resolves to null on success or to the i18n key (and code) of what went wrong. */
export async function signInWithPassword(auth: Auth, email: string, password: string): Promise<{ key: MessageKey; code: string } | null> {
  if (!email.trim() || !password) return { key: 'authErrorMissing', code: '' };
  try {
    await signInWithEmailAndPassword(auth, email.trim(), password);
    return null;
  } catch (error) {
    const code = String((error as { code?: unknown }).code ?? 'unknown');
    return { key: authErrorKey(code), code };
  }
}

/** Maps a Firebase Auth error code to the message a person can act on. */
export function authErrorKey(code: string): MessageKey {
  switch (code) {
    case 'auth/invalid-credential':
    case 'auth/invalid-email':
    case 'auth/user-not-found':
    case 'auth/wrong-password':
    case 'auth/user-disabled':
      return 'authErrorInvalid';
    case 'auth/network-request-failed':
      return 'authErrorNetwork';
    case 'auth/too-many-requests':
      return 'authErrorTooMany';
    default:
      return 'authErrorGeneric';
  }
}

export { onAuthStateChanged, signOut, type User };

/**
 * The user's profile: from Firestore when reachable (and then cached), else from the local cache,
 * so an offline panel still knows the name to write under. Null when the user has no profile;
 * throws when Firestore is unreachable and nothing is cached (the caller retries).
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

/** Who was signed in on this browser profile last, as far as this device knows. */
export interface RememberedUser {
  uid: string;
  email: string | null;
}

const REMEMBERED_KEY = 'prikbord:lastUser';

/**
 * Firebase Auth confirms a restored session over the network (accounts:lookup) before it reports
 * anyone signed in, so a panel that waits for it shows nothing until the network answers (or
 * fails, offline). The panel instead renders Dexie's copy at once for the person last signed in on
 * this profile, and follows Auth as soon as it reports (signed out: the sign-in form). This shows
 * nothing new: the same profile's IndexedDB holds that data anyway. Firestore itself still waits
 * for Auth before it sends anything.
 */
export function rememberedUser(): RememberedUser | null {
  try {
    const value = JSON.parse(localStorage.getItem(REMEMBERED_KEY) ?? 'null') as Partial<RememberedUser> | null;
    return typeof value?.uid === 'string' ? { uid: value.uid, email: typeof value.email === 'string' ? value.email : null } : null;
  } catch {
    return null;
  }
}

/** Called with every auth state Firebase reports. */
export function rememberUser(user: { uid: string; email: string | null } | null): void {
  try {
    if (user) localStorage.setItem(REMEMBERED_KEY, JSON.stringify({ uid: user.uid, email: user.email }));
    else localStorage.removeItem(REMEMBERED_KEY);
  } catch {
    // no storage (tests): the panel just waits for Auth
  }
}
