// Keeps Dexie's copy of one page's thread in step with Firestore, reading only what changed.
// Side panel only: listeners need the full SDK (the outbox writes with Lite, lib/firestore-writes.ts;
// a reference made by one SDK can't be used with the other).
//
// Cost model (Firestore bills per document read): the comments listener asks only for comments
// whose updatedAt is at or after the newest change this browser has seen (the page's cursor), so a
// revisit of an unchanged page reads one comment (the cursor's own) plus the page document: 2 reads,
// whatever the thread's size. Edits and soft deletes move updatedAt, so they arrive the same way;
// hard deletes don't exist (the rules forbid them) because a delta query could never see them.
//
// Two more listeners carry only the signed-in person's own facts about the page: their likes
// (to show "you like this" and confirm the outbox) and the owner links of their anonymous
// comments (to show "you (anonymous)" and allow edits, also in a browser where they never posted).
// A third brings the page's "this helped" marks (immutable once made). All three ask strictly
// after their cursor, so an unchanged page costs them no documents at all.
import {
  collection,
  doc,
  onSnapshot,
  orderBy,
  query,
  Timestamp,
  where,
  type Firestore,
  type QuerySnapshot,
} from 'firebase/firestore';
import type { PrikbordDb } from './db';
import { commentFromDoc, likeKey, type CommentRow, type PageRow, type ServerTime } from './schema';

/** Local facts about a page known before the server answers (from the tab's page identity). */
export interface PageSeed {
  pageId: string;
  url: string;
  title: string;
}

function newer(a: ServerTime | undefined, b: Timestamp): boolean {
  return !a || b.seconds > a.seconds || (b.seconds === a.seconds && b.nanoseconds > a.nanoseconds);
}

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
    if (!cursor || updatedAt > cursor) cursor = updatedAt;
  }
  if (incoming.length === 0) return;
  await db.transaction('rw', db.comments, db.outbox, db.pages, async () => {
    const waiting = new Set((await db.outbox.where('subject').anyOf(incoming.map((row) => row.id)).toArray()).map((item) => item.subject));
    await db.comments.bulkPut(incoming.filter((row) => !waiting.has(row.id)));
    const page = await db.pages.get(pageId);
    if (page && cursor && newer(page.cursor, cursor)) {
      await db.pages.update(pageId, { cursor: { seconds: cursor.seconds, nanoseconds: cursor.nanoseconds } });
    }
  });
}

function latest(snap: QuerySnapshot, field: string): Timestamp | undefined {
  let max: Timestamp | undefined;
  for (const change of snap.docChanges()) {
    const value = change.doc.get(field) as Timestamp | null;
    if (value && (!max || value > max)) max = value;
  }
  return max;
}

async function moveMineCursor(db: PrikbordDb, pageId: string, uid: string, which: 'likes' | 'owned', to: Timestamp | undefined): Promise<void> {
  if (!to) return;
  const page = await db.pages.get(pageId);
  if (!page) return;
  const mine = page.mine?.uid === uid ? page.mine : { uid };
  if (newer(mine[which], to)) {
    await db.pages.update(pageId, { mine: { ...mine, [which]: { seconds: to.seconds, nanoseconds: to.nanoseconds } } });
  }
}

/** Writes the person's own like documents into Dexie (what the server has), leaving queued changes alone. */
export async function applyMyLikesSnapshot(db: PrikbordDb, pageId: string, uid: string, snap: QuerySnapshot): Promise<void> {
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
    await moveMineCursor(db, pageId, uid, 'likes', latest(snap, 'updatedAt'));
  });
}

/** Writes the person's own owner links (their anonymous comments on this page) into Dexie. */
export async function applyOwnedSnapshot(db: PrikbordDb, pageId: string, uid: string, snap: QuerySnapshot): Promise<void> {
  await db.transaction('rw', db.owned, db.pages, async () => {
    for (const change of snap.docChanges()) {
      if (change.type === 'removed' || change.doc.metadata.hasPendingWrites) continue;
      await db.owned.put({ commentId: change.doc.id, pageId, uid });
    }
    await moveMineCursor(db, pageId, uid, 'owned', latest(snap, 'createdAt'));
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
    if (to && page && newer(page.helpfulCursor, to)) {
      await db.pages.update(pageId, { helpfulCursor: { seconds: to.seconds, nanoseconds: to.nanoseconds } });
    }
  });
}

/** The listeners one thread runs, named in what `syncThread` tells `onServerDocs`. */
export const THREAD_LISTENERS = ['comments', 'page', 'myLikes', 'marks', 'owned'] as const;
export type ThreadListener = (typeof THREAD_LISTENERS)[number];

/**
 * Listens to one page's thread and its page document, mirroring both into Dexie.
 * Returns a function that stops listening.
 */
export function syncThread(
  fs: Firestore,
  db: PrikbordDb,
  seed: PageSeed,
  /** The signed-in person, whose own likes and anonymous comments are synced too. */
  uid: string,
  onError: (error: unknown) => void,
  /**
   * Told, for each snapshot from the server, how many documents it delivered and which listener
   * it came to (tests and the bench count reads with it, and wait for every listener's first one).
   */
  onServerDocs: (count: number, listener: ThreadListener) => void = () => undefined,
): () => void {
  const stops: Array<() => void> = [];
  let stopped = false;

  void (async () => {
    await db.transaction('rw', db.pages, async () => {
      const known = await db.pages.get(seed.pageId);
      if (known) await db.pages.update(seed.pageId, { url: seed.url, title: seed.title });
      else await db.pages.add({ ...seed, commentCount: null });
    });
    const known = await db.pages.get(seed.pageId);
    const cursor = known?.cursor;
    const mine = known?.mine?.uid === uid ? known.mine : undefined;
    if (stopped) return;
    const after = (field: string, at: ServerTime | undefined) =>
      at ? [where(field, '>', new Timestamp(at.seconds, at.nanoseconds))] : [];
    const myLikes = query(collection(fs, 'pages', seed.pageId, 'likes'), where('uid', '==', uid), ...after('updatedAt', mine?.likes));
    // "This helped" marks are never changed after they are made: strictly after the cursor.
    const marks = query(collection(fs, 'pages', seed.pageId, 'helpful'), ...after('createdAt', known?.helpfulCursor));
    const myOwned = query(
      collection(fs, 'commentOwners'),
      where('uid', '==', uid),
      where('pageId', '==', seed.pageId),
      ...after('createdAt', mine?.owned),
    );
    const comments = collection(fs, 'pages', seed.pageId, 'comments');
    const changes = cursor
      ? query(comments, where('updatedAt', '>=', new Timestamp(cursor.seconds, cursor.nanoseconds)), orderBy('updatedAt'))
      : query(comments, orderBy('updatedAt'));
    stops.push(
      onSnapshot(
        changes,
        (snap) => {
          if (!snap.metadata.fromCache) onServerDocs(snap.docChanges().length, 'comments');
          void applyCommentSnapshot(db, seed.pageId, snap).catch(onError);
        },
        onError,
      ),
      onSnapshot(
        doc(fs, 'pages', seed.pageId),
        (snap) => {
          if (!snap.metadata.fromCache) onServerDocs(1, 'page');
          const count = snap.exists() ? Number(snap.get('commentCount')) : 0;
          const likes = snap.exists() ? Number(snap.get('likeCount') ?? 0) : 0;
          void db.pages.update(seed.pageId, { commentCount: count, likeCount: likes, countFetchedAt: Date.now() }).catch(onError);
        },
        onError,
      ),
      onSnapshot(
        myLikes,
        (snap) => {
          if (!snap.metadata.fromCache) onServerDocs(snap.docChanges().length, 'myLikes');
          void applyMyLikesSnapshot(db, seed.pageId, uid, snap).catch(onError);
        },
        onError,
      ),
      onSnapshot(
        marks,
        (snap) => {
          if (!snap.metadata.fromCache) onServerDocs(snap.docChanges().length, 'marks');
          void applyHelpfulSnapshot(db, seed.pageId, snap).catch(onError);
        },
        onError,
      ),
      onSnapshot(
        myOwned,
        (snap) => {
          if (!snap.metadata.fromCache) onServerDocs(snap.docChanges().length, 'owned');
          void applyOwnedSnapshot(db, seed.pageId, uid, snap).catch(onError);
        },
        onError,
      ),
    );
  })().catch(onError);

  return () => {
    stopped = true;
    for (const stop of stops) stop();
  };
}

/**
 * When someone else signs in to this browser profile, forgets the previous person's own facts:
 * which anonymous comments were theirs, and their likes. Their cursors go too, so each page
 * re-reads them when that person signs in again. (Their unsent outbox items stay, to be sent
 * when they return: nothing typed is lost. That is the one trace a shared profile keeps.)
 */
export async function forgetOtherPeople(db: PrikbordDb, uid: string): Promise<void> {
  await db.transaction('rw', db.owned, db.likes, db.pages, async () => {
    await db.owned.where('uid').notEqual(uid).delete();
    await db.likes.filter((row) => row.uid !== uid).delete();
    await db.pages.toCollection().modify((page) => {
      if (page.mine && page.mine.uid !== uid) delete page.mine;
    });
  });
}
