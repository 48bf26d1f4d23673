// Firebase for the background service worker: Auth (web-extension entry) + Firestore Lite.
// Why Firestore here, when DESIGN §10 says the full SDK fails in MV3 workers: that failure is the
// full SDK's XMLHttpRequest transport. `firebase/firestore/lite` is a plain fetch() client
// (one-shot reads and writes, no listeners, no cache), which service workers have. Auth's
// web-extension entry keeps its session in IndexedDB, shared with the side panel.
import { deleteApp, initializeApp, type FirebaseApp } from 'firebase/app';
import { connectAuthEmulator, getAuth, type Auth } from 'firebase/auth/web-extension';
import { connectFirestoreEmulator, getFirestore, type Firestore } from 'firebase/firestore/lite';
import { ORG_CONFIG } from '../../any/org-config';

export interface LiteClient {
  app: FirebaseApp;
  auth: Auth;
  firestore: Firestore;
}

let client: LiteClient | undefined;

/** The worker's client, created on first use. */
export function liteClient(): LiteClient {
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
 * Forgets the worker's client, so the next use loads the session afresh. Called when an extension
 * page signs in or out: a worker's Auth instance does not hear about sign-ins made in extension
 * pages, so it would keep a stale user.
 */
export async function resetLiteClient(): Promise<void> {
  const old = client;
  client = undefined;
  if (old) await deleteApp(old.app).catch(() => undefined);
}

/** The signed-in user's uid in the worker, or null. */
export async function workerUid(): Promise<string | null> {
  const { auth } = liteClient();
  await auth.authStateReady();
  return auth.currentUser?.uid ?? null;
}
