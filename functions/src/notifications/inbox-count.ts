// The unread count and newest time in `inboxes/{uid}` (InboxSummary), kept by triggers so that a
// browser with no panel open learns everything it needs from that one document (one read).
//
// Recounted, never patched (as the timeline and expertise are): each run counts the unread items
// (read == false and created after readThrough) with one aggregation query and finds the newest
// updatedAt, in a transaction that first reads the summary (the lock that orders the recounts of
// one inbox), so racing runs and retried events converge on the truth. It writes only when the
// figures changed, and never touches the owner's fields (readThrough, seenAt).
//
// Cost per item write: 1 (summary) + 1 (count: an aggregation over up to 1,000 entries bills 1 read)
// + 1 (newest item) reads, at most 1 write.
import { FieldValue, Timestamp, type DocumentSnapshot } from 'firebase-admin/firestore';
import { onDocumentUpdated, onDocumentWritten } from 'firebase-functions/v2/firestore';
import { paths } from '../../../lib/core/paths';
import { db } from '../admin';

const millis = (v: unknown): number | null => (v instanceof Timestamp ? v.toMillis() : null);

/** Recounts `uid`'s unread items and stores them with the newest updatedAt. Resolves to the unread count. */
export async function recountInbox(uid: string): Promise<number> {
  const summaryRef = db.doc(paths.inbox(uid));
  const items = db.collection(paths.inboxItems(uid));
  return db.runTransaction(async (tx) => {
    const summary = await tx.get(summaryRef);
    const readThrough = summary.get('readThrough');
    let unreadQuery = items.where('read', '==', false);
    if (readThrough instanceof Timestamp) unreadQuery = unreadQuery.where('createdAt', '>', readThrough);
    const [count, newest] = await Promise.all([tx.get(unreadQuery.count()), tx.get(items.orderBy('updatedAt', 'desc').limit(1))]);
    const unread = count.data().count;
    const latest = newest.docs[0]?.get('updatedAt');
    const latestAt = latest instanceof Timestamp ? latest : null;
    const same = summary.exists && summary.get('unread') === unread && millis(summary.get('latestAt')) === millis(latestAt);
    if (!same) tx.set(summaryRef, { unread, latestAt, countedAt: FieldValue.serverTimestamp() }, { merge: true });
    return unread;
  });
}

const readThroughOf = (snap: DocumentSnapshot | undefined) => millis(snap?.get('readThrough'));

// Retried on failure: safe, each run recounts.
export const inboxCountOnItem = onDocumentWritten({ document: 'inboxes/{uid}/items/{itemId}', retry: true }, async (event) => {
  await recountInbox(event.params.uid);
});

/** "Mark all read" moves readThrough: recount. The recount's own write leaves readThrough alone, so it does not loop. */
export const inboxCountOnReadThrough = onDocumentUpdated({ document: 'inboxes/{uid}', retry: true }, async (event) => {
  if (readThroughOf(event.data?.before) === readThroughOf(event.data?.after)) return;
  await recountInbox(event.params.uid);
});
