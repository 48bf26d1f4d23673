// Inbox items older than INBOX_KEEP_DAYS are deleted, daily: the panel shows 90 days, and nobody
// needs an older "someone replied". One collection-group query over `items` (only inboxes have a
// subcollection of that name) by createdAt, in batches; each deletion recounts its inbox
// (./inbox-count.ts), so the unread count stays true.
import { Timestamp } from 'firebase-admin/firestore';
import { onSchedule } from 'firebase-functions/v2/scheduler';
import { INBOX_KEEP_DAYS } from '../../../lib/core/notifications/model';
import { db } from '../admin';

const BATCH = 400;

/** Deletes every inbox item created before `now` − INBOX_KEEP_DAYS; resolves to how many. */
export async function deleteOldInboxItems(now = Date.now()): Promise<number> {
  const cutoff = Timestamp.fromMillis(now - INBOX_KEEP_DAYS * 86_400_000);
  let deleted = 0;
  for (;;) {
    const snap = await db.collectionGroup('items').where('createdAt', '<', cutoff).limit(BATCH).get();
    if (snap.empty) return deleted;
    const batch = db.batch();
    for (const d of snap.docs) if (d.ref.parent.parent?.parent.id === 'inboxes') batch.delete(d.ref);
    await batch.commit();
    deleted += snap.size;
    if (snap.size < BATCH) return deleted;
  }
}

export const inboxCleanup = onSchedule({ schedule: 'every day 03:30', timeZone: 'Europe/Amsterdam', timeoutSeconds: 540, retryCount: 0 }, async () => {
  await deleteOldInboxItems();
});
