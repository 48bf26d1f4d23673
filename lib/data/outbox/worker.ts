// The outbox's sender in the background service worker: flushes the signed-in person's queued
// changes with Firestore Lite, also when no side panel is open. Background only.
//
// A service worker is stopped whenever Chrome likes (idle for 30 s, or mid-flush). Nothing is
// kept in memory that matters: the queue and each item's state are in Dexie, a flush starts on
// every wake-up (this module is created at the worker's start), and a retry is also set as an
// alarm, which wakes a stopped worker. An item left 'sending' by a stop is checked against the
// server before it is sent again (lib/core/outbox-states.ts), so it lands exactly once.
import { doc, getDoc, type Firestore } from 'firebase/firestore/lite';
import type { PrikbordDb } from '../db';
import type { LiteSession } from '../firebase/lite-client';
import { paths } from '../../core/paths';
import { firestoreSender } from './remote-operations';
import type { Author } from './commands';
import type { Premoderation } from '../../core/moderation/model';
import { OutboxRunner, retryNow } from './flusher';

/** The alarm that wakes a stopped worker for the outbox's next retry. */
export const RETRY_ALARM = 'prikbord-outbox-retry';

export interface OutboxWorker {
  /** Sends what waits; `now` first brings backed-off items forward (back online, "try now"). */
  kick(now?: boolean): Promise<void>;
  /** Someone signed in or out in an extension page: drop the old session and runner. */
  reset(): Promise<void>;
}

/**
 * The name the rules expect on this author's comments and likes: the profile the panel cached
 * in Dexie, else one read of it. Unknown is a passing failure (retried), never a refusal.
 */
async function authorOf(db: PrikbordDb, fs: Firestore, uid: string): Promise<Author> {
  const cached = await db.people.get(uid);
  if (cached?.displayName) return { uid, displayName: cached.displayName };
  const snap = await getDoc(doc(fs, paths.profile(uid)));
  const displayName = snap.get('displayName');
  if (typeof displayName !== 'string' || !displayName) throw Object.assign(new Error('no profile yet'), { code: 'unavailable' });
  return { uid, displayName };
}

/** Starts the worker's outbox sender over `lite` (the injected session); `schedule` sets the retry alarm. */
export function startOutboxWorker(
  db: PrikbordDb,
  lite: LiteSession,
  schedule: (at: number | null) => void,
  premoderation: (url: string) => Promise<Premoderation> = async () => 'off',
): OutboxWorker {
  let runner: OutboxRunner | null = null;
  let runnerUid: string | null = null;

  async function currentRunner(): Promise<OutboxRunner | null> {
    const uid = await lite.uid();
    if (uid !== runnerUid) {
      void runner?.stop();
      runnerUid = uid;
      if (uid) {
        const fs = lite.client().firestore;
        runner = new OutboxRunner(
          db,
          uid,
          firestoreSender(fs, () => authorOf(db, fs, uid), premoderation),
          console.error,
          schedule,
        );
      } else {
        runner = null;
      }
    }
    return runner;
  }

  return {
    async kick(now = false) {
      // Most wake-ups (a page report) find the outbox empty: then don't even load the session.
      if ((await db.outbox.count()) === 0) return;
      const active = await currentRunner();
      if (!active || !runnerUid) return;
      if (now) await retryNow(db, runnerUid);
      active.kick();
    },
    async reset() {
      const old = runner;
      runner = null;
      runnerUid = null;
      // Let a send under way finish before its client is deleted: a deleted client's error would
      // look like a refusal.
      await old?.stop();
      await lite.reset();
    },
  };
}
