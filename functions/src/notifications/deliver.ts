// The one way anything reaches a person's inbox (lib/core/notifications/model.ts says what an item
// holds). Every fan-out — replies, mentions, "this helped", follows, moderators' decisions, the
// digest — calls deliver() (or deliverFollow() for the one item per followed page); the unread
// count in `inboxes/{uid}` is kept by the inbox's own trigger (./inbox-count.ts), so a writer here
// never has to know it.
//
// Item ids are chosen by the caller so that a retried event overwrites its own item instead of
// adding a second one (Firestore triggers run at least once).
import { FieldValue, type Timestamp } from 'firebase-admin/firestore';
import { paths } from '../../../lib/core/paths';
import { EXCERPT_LENGTH, type InboxItem } from '../../../lib/core/notifications/model';
import { db } from '../admin';

/** What a caller says; the server adds the times and the unread mark. */
export type Delivery = Omit<InboxItem, 'createdAt' | 'updatedAt' | 'read'>;

/** The first EXCERPT_LENGTH characters of a text, on one line. */
export function excerptOf(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= EXCERPT_LENGTH ? flat : `${flat.slice(0, EXCERPT_LENGTH - 1)}…`;
}

/** Firestore refuses `undefined` fields: optional fields the caller left out are left out. */
const defined = (item: Delivery) => Object.fromEntries(Object.entries(item).filter(([, v]) => v !== undefined));

/** Writes (or rewrites) one inbox item as unread. */
export async function deliver(uid: string, itemId: string, item: Delivery): Promise<void> {
  await db.doc(paths.inboxItem(uid, itemId)).set({
    ...defined(item),
    excerpt: excerptOf(item.excerpt),
    createdAt: FieldValue.serverTimestamp(),
    updatedAt: FieldValue.serverTimestamp(),
    read: false,
  });
}

/**
 * Activity on a followed page: one item per page. While it is unread its count grows and it points
 * at the newest comment; once read (marked, or before "mark all read"), the next comment starts it
 * again at 1 as a new item (new createdAt, so it is unread after readThrough too).
 * A retried event for the same comment adds nothing: `lastCommentIds` remembers the last few.
 */
export async function deliverFollow(uid: string, itemId: string, item: Delivery): Promise<void> {
  const ref = db.doc(paths.inboxItem(uid, itemId));
  await db.runTransaction(async (tx) => {
    const [stored, inbox] = await Promise.all([tx.get(ref), tx.get(db.doc(paths.inbox(uid)))]);
    const data = stored.data();
    const readThrough = (inbox.get('readThrough') as Timestamp | null | undefined)?.toMillis() ?? null;
    const createdAt = (data?.createdAt as Timestamp | undefined)?.toMillis() ?? 0;
    const unread = data !== undefined && data.read === false && (readThrough === null || createdAt > readThrough);
    const seen: string[] = Array.isArray(data?.lastCommentIds) ? data.lastCommentIds : [];
    if (unread && item.commentId !== null && seen.includes(item.commentId)) return; // a retried event
    const recent = [...(unread ? seen : []), item.commentId ?? ''].slice(-10);
    if (unread) {
      tx.update(ref, {
        ...defined(item),
        excerpt: excerptOf(item.excerpt),
        count: FieldValue.increment(1),
        lastCommentIds: recent,
        updatedAt: FieldValue.serverTimestamp(),
      });
    } else {
      tx.set(ref, {
        ...defined(item),
        excerpt: excerptOf(item.excerpt),
        count: 1,
        lastCommentIds: recent,
        createdAt: FieldValue.serverTimestamp(),
        updatedAt: FieldValue.serverTimestamp(),
        read: false,
      });
    }
  });
}
