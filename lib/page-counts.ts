// Fresh comment counts for the launcher and the toolbar badge, fetched by the background worker.
// Background only. Why Firestore here, when DESIGN §10 says the full SDK fails in MV3 workers:
// that failure is the full SDK's XMLHttpRequest transport. `firebase/firestore/lite` is a plain
// fetch() client (one-shot reads, no listeners, no cache), which service workers have. Auth uses
// the web-extension entry, whose IndexedDB session is shared with the side panel.
import { deleteApp, initializeApp, type FirebaseApp } from 'firebase/app';
import { connectAuthEmulator, getAuth, type Auth } from 'firebase/auth/web-extension';
import { connectFirestoreEmulator, doc, getDoc, getFirestore, type Firestore } from 'firebase/firestore/lite';
import type { PageCounts } from './messages';
import { ORG_CONFIG } from './org-config';

/** A count younger than this is served from the cache without a Firestore read. */
export const COUNT_MAX_AGE_MS = 5 * 60_000;

let client: { app: FirebaseApp; auth: Auth; firestore: Firestore } | undefined;

function lite() {
  if (client) return client;
  const settings = ORG_CONFIG.firebase;
  // The default app name on purpose: Auth keys its stored session by app name, so only the same
  // name as the side panel's app finds the session the panel signed in.
  const app = initializeApp({ apiKey: settings.apiKey, authDomain: settings.authDomain, projectId: settings.projectId });
  const auth = getAuth(app);
  const firestore = getFirestore(app);
  if (settings.emulators) {
    connectAuthEmulator(auth, settings.emulators.authUrl, { disableWarnings: true });
    connectFirestoreEmulator(firestore, settings.emulators.firestoreHost, settings.emulators.firestorePort);
  }
  client = { app, auth, firestore };
  return client;
}

/**
 * Forgets the worker's Firebase client, so the next read loads the session afresh. Called when an
 * extension page signs in or out: a worker's Auth instance does not hear about sign-ins made in
 * extension pages (they are not clients it can message), so it would keep a stale user.
 */
export async function resetCountsClient(): Promise<void> {
  const old = client;
  client = undefined;
  if (old) await deleteApp(old.app).catch(() => undefined);
}

/** The page's counts from Firestore (1 document read); null when signed out or unreachable. */
export async function fetchPageCounts(pageId: string): Promise<PageCounts | null> {
  try {
    const { auth, firestore } = lite();
    await auth.authStateReady();
    if (!auth.currentUser) return null;
    const snap = await getDoc(doc(firestore, 'pages', pageId));
    if (!snap.exists()) return { comments: 0, likes: 0 };
    const comments: unknown = snap.get('commentCount');
    const likes: unknown = snap.get('likeCount') ?? 0;
    return typeof comments === 'number' && comments >= 0 && typeof likes === 'number' && likes >= 0 ? { comments, likes } : null;
  } catch {
    return null;
  }
}

/** Whether a cached count is recent enough to skip the read (pure; tested). */
export function isFresh(fetchedAt: number | undefined, now: number): boolean {
  return fetchedAt !== undefined && now - fetchedAt < COUNT_MAX_AGE_MS;
}
