// Who was signed in on this browser profile last, so the panel can open at once. Extension pages.
//
// Firebase Auth confirms a restored session over the network (accounts:lookup) before it reports
// anyone signed in, so a panel that waits for it shows nothing until the network answers (or
// fails, offline). The panel instead renders Dexie's copy at once for the person last signed in on
// this profile, and follows Auth as soon as it reports (signed out: the sign-in form). This shows
// nothing new: the same profile's IndexedDB holds that data anyway. Firestore itself still waits
// for Auth before it sends anything.

/** The person last signed in here, as far as this device knows. */
export interface RememberedUser {
  uid: string;
  email: string | null;
}

const REMEMBERED_KEY = 'prikbord:lastUser';
/** Set by an explicit sign-out, until someone signs in: a session that ends then did not lapse. */
const SIGNED_OUT_KEY = 'prikbord:signedOut';

/** The person last signed in on this browser profile, or null. */
export function rememberedUser(): RememberedUser | null {
  try {
    const value = JSON.parse(localStorage.getItem(REMEMBERED_KEY) ?? 'null') as Partial<RememberedUser> | null;
    return typeof value?.uid === 'string' ? { uid: value.uid, email: typeof value.email === 'string' ? value.email : null } : null;
  } catch {
    return null;
  }
}

/** Called with every auth state Firebase reports (a signed-in person also ends an explicit sign-out). */
export function rememberUser(user: { uid: string; email: string | null } | null): void {
  try {
    if (user) {
      localStorage.setItem(REMEMBERED_KEY, JSON.stringify({ uid: user.uid, email: user.email }));
      localStorage.removeItem(SIGNED_OUT_KEY);
    } else localStorage.removeItem(REMEMBERED_KEY);
  } catch {
    // no storage (tests): the panel just waits for Auth
  }
}

/**
 * Records that the person signs out on purpose (before Firebase is told), so no extension page
 * takes the end of the session for a lapse and signs them in again silently, and the next sign-in
 * through the identity provider asks which account.
 */
export function markSignedOut(): void {
  try {
    localStorage.setItem(SIGNED_OUT_KEY, '1');
  } catch {
    // no storage: nothing to tell other pages
  }
}

/** Whether the last session here ended by an explicit sign-out (and nobody signed in since). */
export function signedOutOnPurpose(): boolean {
  try {
    return localStorage.getItem(SIGNED_OUT_KEY) === '1';
  } catch {
    return false;
  }
}
