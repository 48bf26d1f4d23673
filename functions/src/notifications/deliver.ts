// The one way anything reaches a person's inbox (lib/core/notifications/model.ts says what an item
// holds). Every fan-out — replies, mentions, "this helped", follows, moderators' decisions, the
// digest — calls deliver(); the unread count in `inboxes/{uid}` is kept by the inbox's own trigger
// (./inbox-count.ts), so a writer here never has to know it.
//
// Item ids are chosen by the caller so that a retried event overwrites its own item instead of
// adding a second one (Firestore triggers run at least once).
import { FieldValue } from 'firebase-admin/firestore';
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

/** Writes (or rewrites) one inbox item as unread. */
export async function deliver(uid: string, itemId: string, item: Delivery): Promise<void> {
  await db.doc(paths.inboxItem(uid, itemId)).set({
    ...item,
    excerpt: excerptOf(item.excerpt),
    createdAt: FieldValue.serverTimestamp(),
    updatedAt: FieldValue.serverTimestamp(),
    read: false,
  });
}
