// The only initializeApp. Extension pages only (side panel, options): the full Firestore SDK does
// not work in an MV3 service worker (firebase-js-sdk#6483), and tokens must never reach a page.
import { initializeApp, type FirebaseApp } from 'firebase/app';
import { connectAuthEmulator, getAuth, type Auth } from 'firebase/auth/web-extension';
import { connectFirestoreEmulator, initializeFirestore, memoryLocalCache, type Firestore } from 'firebase/firestore';
import type { FirebaseSettings } from '../../any/org-config';

export interface FirebaseServices {
  app: FirebaseApp;
  auth: Auth;
  firestore: Firestore;
}

let services: FirebaseServices | undefined;

/**
 * Firebase for this context, created on first use.
 * Firestore keeps only a memory cache: Dexie is the durable read model (it renders the thread before
 * the network answers and syncs deltas across days), so a second persistent cache would only double
 * the disk and the ways to disagree.
 */
export function firebase(settings: FirebaseSettings, appName?: string): FirebaseServices {
  if (services) return services;
  // appName: another project's app of its own (lib/data/project-scope.ts); the default app otherwise.
  const app = initializeApp({ apiKey: settings.apiKey, authDomain: settings.authDomain, projectId: settings.projectId }, appName);
  // getAuth from the web-extension entry persists the session in IndexedDB, shared by all extension pages.
  const auth = getAuth(app);
  const firestore = initializeFirestore(app, { localCache: memoryLocalCache() });
  if (settings.emulators) {
    connectAuthEmulator(auth, settings.emulators.authUrl, { disableWarnings: true });
    connectFirestoreEmulator(firestore, settings.emulators.firestoreHost, settings.emulators.firestorePort);
  }
  services = { app, auth, firestore };
  return services;
}
