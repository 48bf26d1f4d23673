// Writes what the thread's Firestore listeners deliver into Dexie: comments, the person's own likes
// and anonymous-comment owner links, "this helped" marks, and each listener's cursor. Never
// overwrites a change still waiting in the outbox. lib/data/thread/thread-sync.ts decides which
// listeners run (with lib/core/listener-plan.ts) and hands each snapshot to its applier here.
import type { QuerySnapshot, Timestamp } from 'firebase/firestore';
import type { PrikbordDb } from '../db';
import { likeKey } from '../../core/schema';
import type { CommentRow, ServerTime } from '../../core/rows';
import { commentFromDoc } from '../../core/codecs';
import { newer, plainTime } from '../../core/listener-plan';
import { forgetFirstScreenOfOthers } from '../timeline/first-screen';

/** Writes the server's comment changes into Dexie, without overwriting changes still in the outbox. */
export async function applyCommentSnapshot(db: PrikbordDb, pageId: string, snap: QuerySnapshot): Promise<void> {
  const incoming: CommentRow[] = [];
  let cursor: Timestamp | undefined;
  for (const change of snap.docChanges()) {
    // A local echo of our own write has no server time yet; the confirmed version follows.
    if (change.type === 'removed' || change.doc.metadata.hasPendingWrites) continue;
    const row = commentFromDoc(change.doc.id, change.doc.data());
    if (!row || row.pageId !== pageId) continue;
    incoming.push(row);
    const updatedAt = change.doc.get('updatedAt') as Timestamp;
    if (newer(cursor, updatedAt)) cursor = updatedAt;
  }
  if (incoming.length === 0) return;
  await db.transaction('rw', db.comments, db.outbox, db.pages, async () => {
    const waiting = new Set(
      (
        await db.outbox
          .where('subject')
          .anyOf(incoming.map((row) => row.id))
          .toArray()
      ).map((item) => item.subject),
    );
    await db.comments.bulkPut(incoming.filter((row) => !waiting.has(row.id)));
    const page = await db.pages.get(pageId);
    if (page && cursor && newer(page.cursor, cursor)) await db.pages.update(pageId, { cursor: plainTime(cursor) });
  });
}

/** The newest value of a time field among a snapshot's changes. */
function latest(snap: QuerySnapshot, field: string): Timestamp | undefined {
  let max: Timestamp | undefined;
  for (const change of snap.docChanges()) {
    const value = change.doc.get(field) as Timestamp | null;
    if (value && newer(max, value)) max = value;
  }
  return max;
}

/**
 * Moves one "mine" listener's cursor to the newest document it delivered, and what it is known to
 * reflect to `through` (given only for snapshots from the server).
 */
async function moveMineCursor(
  db: PrikbordDb,
  pageId: string,
  uid: string,
  which: 'likes' | 'owned',
  to: Timestamp | undefined,
  through: ServerTime | undefined,
): Promise<void> {
  const page = await db.pages.get(pageId);
  if (!page) return;
  const mine = page.mine?.uid === uid ? { ...page.mine } : { uid };
  const throughKey = which === 'likes' ? 'likesThrough' : 'ownedThrough';
  let moved = false;
  if (to && newer(mine[which], to)) {
    mine[which] = plainTime(to);
    moved = true;
  }
  if (through && newer(mine[throughKey], through)) {
    mine[throughKey] = plainTime(through);
    moved = true;
  }
  if (moved) await db.pages.update(pageId, { mine });
}

/** Writes the person's own like documents into Dexie (what the server has), leaving queued changes alone. */
export async function applyMyLikesSnapshot(db: PrikbordDb, pageId: string, uid: string, snap: QuerySnapshot, through?: ServerTime): Promise<void> {
  await db.transaction('rw', db.likes, db.outbox, db.pages, async () => {
    for (const change of snap.docChanges()) {
      if (change.type === 'removed' || change.doc.metadata.hasPendingWrites) continue;
      const { targetId, active } = change.doc.data() as { targetId?: unknown; active?: unknown };
      if (typeof targetId !== 'string' || typeof active !== 'boolean') continue;
      const key = likeKey(pageId, targetId, uid);
      const row = await db.likes.get(key);
      const queued = (await db.outbox.where('subject').equals(key).count()) > 0;
      if (queued && row) await db.likes.update(key, { serverActive: active });
      else await db.likes.put({ key, pageId, targetId, uid, active, serverActive: active, syncState: 'synced' });
    }
    await moveMineCursor(db, pageId, uid, 'likes', latest(snap, 'updatedAt'), through);
  });
}

/** Writes the person's own owner links (their anonymous comments on this page) into Dexie. */
export async function applyOwnedSnapshot(db: PrikbordDb, pageId: string, uid: string, snap: QuerySnapshot, through?: ServerTime): Promise<void> {
  await db.transaction('rw', db.owned, db.pages, async () => {
    for (const change of snap.docChanges()) {
      if (change.type === 'removed' || change.doc.metadata.hasPendingWrites) continue;
      await db.owned.put({ commentId: change.doc.id, pageId, uid });
    }
    await moveMineCursor(db, pageId, uid, 'owned', latest(snap, 'createdAt'), through);
  });
}

/** Writes "this helped" marks into Dexie and moves the page's mark cursor. */
export async function applyHelpfulSnapshot(db: PrikbordDb, pageId: string, snap: QuerySnapshot): Promise<void> {
  await db.transaction('rw', db.helpful, db.pages, async () => {
    for (const change of snap.docChanges()) {
      if (change.type === 'removed' || change.doc.metadata.hasPendingWrites) continue;
      const parentId: unknown = change.doc.get('parentId');
      if (typeof parentId !== 'string') continue;
      await db.helpful.put({ replyId: change.doc.id, pageId, parentId, syncState: 'synced' });
    }
    const to = latest(snap, 'createdAt');
    const page = await db.pages.get(pageId);
    if (to && page && newer(page.helpfulCursor, to)) await db.pages.update(pageId, { helpfulCursor: plainTime(to) });
  });
}

/**
 * When someone else signs in to this browser profile, forgets the previous person's own facts:
 * which anonymous comments were theirs, their likes, and their unsent drafts (a half-written
 * comment must not turn up in the next person's composer, under their name). Their cursors go too,
 * so each page re-reads them when that person signs in again. (Their unsent outbox items stay, to
 * be sent when they return: nothing sent off is lost. That is the one trace a shared profile keeps.)
 * The first screenful of their timeline kept for a fast start goes too.
 */
export async function forgetOtherPeople(db: PrikbordDb, uid: string): Promise<void> {
  forgetFirstScreenOfOthers(db.name, uid);
  await db.transaction('rw', [db.owned, db.likes, db.pages, db.drafts], async () => {
    await db.owned.where('uid').notEqual(uid).delete();
    await db.likes.filter((row) => row.uid !== uid).delete();
    await db.drafts.filter((row) => row.uid !== undefined && row.uid !== uid).delete();
    await db.pages.toCollection().modify((page) => {
      if (page.mine && page.mine.uid !== uid) delete page.mine;
    });
  });
}
