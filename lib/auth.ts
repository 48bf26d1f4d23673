// Signing in and the signed-in person's profile. Extension pages only.
// Email/password against the Auth emulator for the demo. Enterprise SSO (Entra ID / Google via
// chrome.identity.launchWebAuthFlow + signInWithCredential) plugs in beside signInWithPassword.
import { onAuthStateChanged, signInWithEmailAndPassword, signOut, type Auth, type User } from 'firebase/auth/web-extension';
import { doc, getDoc, type Firestore } from 'firebase/firestore';
import type { PrikbordDb } from './db';
import type { MessageKey } from './i18n';
import type { Profile } from './schema';

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
export async function loadProfile(fs: Firestore, db: PrikbordDb, uid: string): Promise<Profile | null> {
  try {
    const snap = await getDoc(doc(fs, 'profiles', uid));
    if (!snap.exists()) return null;
    const data = snap.data();
    const profile: Profile = { uid, displayName: String(data.displayName ?? ''), department: String(data.department ?? '') };
    await db.profiles.put(profile);
    return profile;
  } catch (error) {
    const cached = await db.profiles.get(uid);
    if (cached) return cached;
    throw error;
  }
}
