// What the owner writes to their own inbox (the rules allow nothing else): mark one item read,
// mark everything read (readThrough), and note that they were around (seenAt, for the digest).
// Written straight to Firestore, not through the outbox: each is idempotent, small, and if it is
// lost offline the worst case is an item still shown unread until the next click.
// Works with the full SDK (panel) and Firestore Lite (worker, tests): both take the same calls.
import { doc as fullDoc, serverTimestamp as fullNow, setDoc as fullSet, updateDoc as fullUpdate, type Firestore } from 'firebase/firestore';
import { paths } from '../../core/paths';

/** Marks one item read: read false → true, updatedAt now (what the other browsers' delta listeners pick up). */
export async function markItemRead(fs: Firestore, uid: string, itemId: string): Promise<void> {
  await fullUpdate(fullDoc(fs, paths.inboxItem(uid, itemId)), { read: true, updatedAt: fullNow() });
}

/** "Mark all read": every item created up to now counts as read; the functions recount. */
export async function markAllRead(fs: Firestore, uid: string): Promise<void> {
  await fullSet(fullDoc(fs, paths.inbox(uid)), { readThrough: fullNow() }, { merge: true });
}

/** A day, for seenAt: written at most once per day per browser. */
export const SEEN_EVERY_MS = 86_400_000;

/** Notes that the person opened the panel (the digest goes only to those away a week). */
export async function noteSeen(fs: Firestore, uid: string): Promise<void> {
  await fullSet(fullDoc(fs, paths.inbox(uid)), { seenAt: fullNow() }, { merge: true });
}
