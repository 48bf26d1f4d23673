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

/** The person last signed in on this browser profile, or null. */
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
