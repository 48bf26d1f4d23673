// What extension pages tell the background worker, in one place: send the outbox now, a page's
// counts changed (badge and launcher), someone signed in or out. Extension pages only.
//
// The background worker sends the outbox (lib/data/outbox/worker.ts); pages only nudge it: after a
// change, when the browser is back online, and when their own listeners are back in sync with the
// server after an outage (then without waiting out the backoff).
import { onSnapshotsInSync, type Firestore } from 'firebase/firestore';
import { browser } from 'wxt/browser';
import type { Message, PageCounts } from '../any/messages';
import type { PrikbordDb } from './db';

/** The page → background messages. */
export interface BackgroundLink {
  /** Changes wait: send them; `now` skips the backoff. */
  kickOutbox(now?: boolean): void;
  /** A page's live counts, for the toolbar badge and the in-page launcher. */
  reportCounts(pageId: string, counts: PageCounts): void;
  /** Someone signed in or out here: the worker reloads its session. */
  announceAuth(uid: string | null): void;
  /** The person's unread notifications, for the toolbar badge (entrypoints/background/inbox.ts). */
  reportUnread(uid: string, unread: number): void;
}

/** The link over runtime messages. A worker that is starting may miss one: every message is a hint, never the only copy. */
export function backgroundLink(send: (message: Message) => Promise<unknown> = (m) => browser.runtime.sendMessage(m)): BackgroundLink {
  const post = (message: Message) => void send(message).catch(() => undefined);
  return {
    kickOutbox: (now = false) => post({ type: 'outbox:kick', now }),
    reportCounts: (pageId, counts) => post({ type: 'count:changed', pageId, counts }),
    announceAuth: (uid) => post({ type: 'auth:changed', uid }),
    reportUnread: (uid, unread) => post({ type: 'inbox:unread', uid, unread }),
  };
}

/** Snapshots flowing again nudge the worker at most this often. */
const IN_SYNC_NUDGE_MS = 5000;

/**
 * Nudges the worker for `uid` now, when the browser comes back online, and when this page's
 * listeners are in sync with the server again while changes wait. Returns a stop function.
 */
export function nudgeOutbox(fs: Firestore, db: PrikbordDb, uid: string, link: BackgroundLink): () => void {
  link.kickOutbox();
  const onOnline = () => link.kickOutbox(true);
  addEventListener('online', onOnline);
  let nudged = 0;
  const stopInSync = onSnapshotsInSync(fs, () => {
    if (Date.now() - nudged < IN_SYNC_NUDGE_MS) return;
    nudged = Date.now();
    void db.outbox
      .filter((item) => item.uid === uid && item.state !== 'refused')
      .count()
      .then((waiting) => waiting > 0 && link.kickOutbox(true));
  });
  return () => {
    removeEventListener('online', onOnline);
    stopInSync();
  };
}
