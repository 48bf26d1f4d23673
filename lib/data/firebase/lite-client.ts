// Firebase for the background service worker: Auth (web-extension entry) + Firestore Lite.
// Why Firestore here, when the full SDK fails in MV3 workers (firebase-js-sdk#6483: its transport
// needs XMLHttpRequest, which service workers lack): `firebase/firestore/lite` is a plain fetch()
// client (one-shot reads and writes, no listeners, no cache), which service workers have. Auth's
// web-extension entry keeps its session in IndexedDB, shared with the side panel.
import { deleteApp, initializeApp, type FirebaseApp } from 'firebase/app';
import { connectAuthEmulator, getAuth, type Auth } from 'firebase/auth/web-extension';
import { connectFirestoreEmulator, getFirestore, type Firestore } from 'firebase/firestore/lite';
import type { FirebaseSettings } from '../../any/org-config';

export interface LiteClient {
  app: FirebaseApp;
  auth: Auth;
  firestore: Firestore;
}

/** The worker's Firebase session: one client, made on first use and dropped when the person changes. */
export interface LiteSession {
  /** The current client, created on first use. */
  client(): LiteClient;
  /**
   * Forgets the client, so the next use loads the session afresh. Called when an extension page
   * signs in or out: a worker's Auth instance does not hear about sign-ins made in extension
   * pages, so it would keep a stale user.
   */
  reset(): Promise<void>;
  /** The signed-in user's uid in the worker, or null. */
  uid(): Promise<string | null>;
}

/** `appName`: the side panel's app name for the same project (lib/data/project-scope.ts); default: the default app. */
export function liteSession(settings: FirebaseSettings, appName?: string): LiteSession {
  let current: LiteClient | undefined;
  const client = (): LiteClient => {
    if (current) return current;
    // The side panel's app name on purpose: Auth keys its stored session by app name, so only the
    // same name as the side panel's app finds the session the panel signed in.
    const app = initializeApp({ apiKey: settings.apiKey, authDomain: settings.authDomain, projectId: settings.projectId }, appName);
    const auth = getAuth(app);
    const firestore = getFirestore(app);
    if (settings.emulators) {
      connectAuthEmulator(auth, settings.emulators.authUrl, { disableWarnings: true });
      connectFirestoreEmulator(firestore, settings.emulators.firestoreHost, settings.emulators.firestorePort);
    }
    current = { app, auth, firestore };
    return current;
  };
  return {
    client,
    async reset() {
      const old = current;
      current = undefined;
      if (old) await deleteApp(old.app).catch(() => undefined);
    },
    async uid() {
      const { auth } = client();
      await auth.authStateReady();
      return auth.currentUser?.uid ?? null;
    },
  };
}
