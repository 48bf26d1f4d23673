// Real Firebase JS SDK clients against the Auth + Firestore emulators (started by
// scripts/with-emulators.sh, which sets the *_EMULATOR_HOST variables).
import { deleteApp, initializeApp, type FirebaseApp } from 'firebase/app';
import { connectAuthEmulator, getAuth, signInWithEmailAndPassword } from 'firebase/auth';
import { connectFirestoreEmulator, initializeFirestore, memoryLocalCache, type Firestore } from 'firebase/firestore';
import { connectFirestoreEmulator as connectLiteEmulator, getFirestore as getLiteFirestore, type Firestore as LiteFirestore } from 'firebase/firestore/lite';
import { BUILD_ORG_CONFIG } from '../../lib/any/bundled-org-config';
import type { PrikbordDb } from '../../lib/data/db';
import { flushOutbox, retryNow, type FlushResult, type OutboxSender } from '../../lib/data/outbox/flusher';
import { syncThread, type PageSeed } from '../../lib/data/thread/thread-sync';
import { sleep, waitFor } from '../../scripts/poll';

/** One signed-in Firebase app in Node: full Firestore, Firestore Lite, the uid, and how to end it. */
export interface Client {
  app: FirebaseApp;
  firestore: Firestore;
  /** Firestore Lite on the same app and session: what the outbox writes with (lib/data/outbox/remote-operations.ts). */
  lite: LiteFirestore;
  uid: string;
  close(): Promise<void>;
}

let n = 0;

/** A separate app (its own auth session and Firestore connection), signed in as `email`. */
export async function signedInClient(
  email: string,
  password: string,
  /** Point Lite (the outbox's writes) elsewhere, e.g. at a closed port to play an unreachable server. */
  options: { liteAt?: { host: string; port: number } } = {},
): Promise<Client> {
  const authHost = process.env.FIREBASE_AUTH_EMULATOR_HOST;
  const [fsHost, fsPort] = (process.env.FIRESTORE_EMULATOR_HOST ?? '').split(':');
  if (!authHost || !fsHost || !fsPort) throw new Error('Run under the emulators: bash scripts/with-emulators.sh "npx vitest run"');
  const { apiKey, authDomain, projectId } = BUILD_ORG_CONFIG.firebase;
  const app = initializeApp({ apiKey, authDomain, projectId }, `client-${++n}`);
  const auth = getAuth(app);
  connectAuthEmulator(auth, `http://${authHost}`, { disableWarnings: true });
  const firestore = initializeFirestore(app, { localCache: memoryLocalCache() });
  connectFirestoreEmulator(firestore, fsHost, Number(fsPort));
  const lite = getLiteFirestore(app);
  connectLiteEmulator(lite, options.liteAt?.host ?? fsHost, options.liteAt?.port ?? Number(fsPort));
  const { user } = await signInWithEmailAndPassword(auth, email, password);
  return { app, firestore, lite, uid: user.uid, close: () => deleteApp(app) };
}

/**
 * Flushes like the background runner does: a passing failure (a dropped keep-alive connection, a
 * busy emulator) is retried at once, a few times, instead of after the backoff. Returns the
 * last result, so a test still sees a queue that never empties.
 */
export async function flushAll(db: PrikbordDb, uid: string, sender: OutboxSender): Promise<FlushResult> {
  let result = await flushOutbox(db, uid, sender);
  for (let tries = 0; result.status === 'retry' && tries < 5; tries++) {
    await sleep(100);
    await retryNow(db, uid);
    result = await flushOutbox(db, uid, sender);
  }
  return result;
}

/**
 * Starts syncing a thread and resolves once every one of its listeners has had its first answer
 * from the server; returns the function that stops it. Tests that write after a reader starts
 * listening wait for this first: the Firestore emulator can drop a change committed while a
 * listener is still being registered (we saw about 1 in 50 under load, always the new page
 * document, never again after the listener was current). Production Firestore registers a
 * listener and its changes atomically, so this only removes an emulator race, not a product one.
 */
export async function syncThreadCurrent(fs: Firestore, db: PrikbordDb, seed: PageSeed, uid: string): Promise<() => void> {
  let current = false;
  const errors: unknown[] = [];
  const stop = syncThread(fs, db, seed, uid, (error) => errors.push(error), { onCurrent: () => void (current = true) });
  try {
    await waitFor(
      () => {
        if (errors.length > 0) throw errors[0];
        return current;
      },
      { what: 'every listener of the thread to have its first answer from the server' },
    );
  } catch (error) {
    stop();
    throw error;
  }
  return () => {
    stop();
    if (errors.length > 0) console.error('thread sync failed after it was current:', errors);
  };
}
