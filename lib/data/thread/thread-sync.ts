// Keeps Dexie's copy of one page's thread in step with Firestore, reading only what changed.
// Side panel only: listeners need the full SDK (the outbox writes with Lite, lib/data/outbox/firestore-writes.ts;
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
//
// Firestore still bills one read for a query that returns nothing, so on a revisit the two "mine"
// listeners start only when the thread changed since they last ran: every like and every
// anonymous comment is written in one batch with a comment or the page document, at the same
// server time, so a change to what they would read always shows up first as a comment or page
// document newer than the change they are known to reflect (`mine.likesThrough/ownedThrough`).
// "This helped" marks are written on their own, but only ever on a reply (the rules check it),
// and every reply reaches Dexie through the comments listener: so the marks listener starts only
// once the page has a reply. An unchanged revisit of a page then bills 2 reads (page document,
// the cursor's comment) instead of 5, or 3 where the thread has replies.
import {
  collection,
  doc,
  onSnapshot,
  orderBy,
  query,
  Timestamp,
  where,
  type Firestore,
  type Query,
  type QuerySnapshot,
} from 'firebase/firestore';
import type { PrikbordDb } from '../db';
import { likeKey } from '../../core/schema';
import type { CommentRow, PageRow, ServerTime } from '../../core/rows';
import { commentFromDoc } from '../../core/codecs';

/** Local facts about a page known before the server answers (from the tab's page identity). */
export interface PageSeed {
  pageId: string;
  url: string;
  title: string;
}

function newer(a: ServerTime | undefined, b: ServerTime): boolean {
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

const plain = (t: ServerTime): ServerTime => ({ seconds: t.seconds, nanoseconds: t.nanoseconds });

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
    mine[which] = plain(to);
    moved = true;
  }
  if (through && newer(mine[throughKey], through)) {
    mine[throughKey] = plain(through);
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
    if (to && page && newer(page.helpfulCursor, to)) {
      await db.pages.update(pageId, { helpfulCursor: { seconds: to.seconds, nanoseconds: to.nanoseconds } });
    }
  });
}

/** The listeners one thread may run, named in what `syncThread` tells its observer. */
export const THREAD_LISTENERS = ['comments', 'page', 'myLikes', 'marks', 'owned'] as const;
export type ThreadListener = (typeof THREAD_LISTENERS)[number];

/** What tests and the bench learn about a running sync (the panel needs none of it). */
export interface ThreadSyncObserver {
  /** For each snapshot from the server: how many documents it delivered, and to which listener. */
  onServerDocs?(count: number, listener: ThreadListener): void;
  /**
   * Once every listener this visit runs has had its first answer from the server, and whether
   * the "mine" listeners are needed has been decided; tells which listeners run.
   */
  onCurrent?(running: ThreadListener[]): void;
}

/**
 * Every listener also hears when its results turn from "cache" to "confirmed by the server" with
 * nothing else changed (a thread already in the SDK's cache): that moment is its first answer.
 */
const WITH_METADATA = { includeMetadataChanges: true } as const;

/** "Reflects nothing yet": a first visit's "mine" listeners record at least this. */
const BEGINNING: ServerTime = { seconds: 0, nanoseconds: 0 };

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
  observer: ThreadSyncObserver = {},
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

    // The newest thread change seen from the server so far (stored, then from this visit's
    // snapshots): what a "mine" listener's server snapshot is known to reflect.
    let observed: ServerTime | undefined;
    const observe = (t: ServerTime | undefined) => {
      if (t && newer(observed, t)) observed = plain(t);
    };
    observe(cursor);
    observe(known?.pageUpdatedAt);
    // The mine listeners are needed when they never ran here, or once the thread shows a change
    // newer than what both reflect.
    const reflected = mine?.likesThrough && mine.ownedThrough ? (newer(mine.likesThrough, mine.ownedThrough) ? mine.likesThrough : mine.ownedThrough) : undefined;
    const changedSince = (t: ServerTime) => reflected !== undefined && newer(reflected, t);

    const running = new Set<ThreadListener>(['comments', 'page']);
    const answered = new Set<ThreadListener>();
    let toldCurrent = false;
    const answer = (listener: ThreadListener, count: number) => {
      observer.onServerDocs?.(count, listener);
      answered.add(listener);
      // Never ran here: start them once the thread has answered, so that what they record as
      // reflected covers the whole thread and the next visit can leave them off.
      if (reflected === undefined && answered.has('comments') && answered.has('page')) startMine();
      // Comments and page document both answered without a change: the mine listeners stay off.
      if (!toldCurrent && [...running].every((name) => answered.has(name))) {
        toldCurrent = true;
        observer.onCurrent?.([...running]);
      }
    };

    const after = (field: string, at: ServerTime | undefined) =>
      at ? [where(field, '>', new Timestamp(at.seconds, at.nanoseconds))] : [];
    /** Runs one query listener: each snapshot goes to `apply`, and counts as that listener's answer. */
    const listen = (name: ThreadListener, target: Query, apply: (snap: QuerySnapshot) => Promise<void>) => {
      stops.push(
        onSnapshot(
          target,
          WITH_METADATA,
          (snap) => {
            void apply(snap).catch(onError);
            if (!snap.metadata.fromCache) answer(name, snap.docChanges().length);
          },
          onError,
        ),
      );
    };
    const throughNow = (snap: QuerySnapshot) => (snap.metadata.fromCache ? undefined : (observed ?? BEGINNING));

    const startMine = () => {
      if (stopped || running.has('myLikes')) return;
      running.add('myLikes');
      running.add('owned');
      const myLikes = query(collection(fs, 'pages', seed.pageId, 'likes'), where('uid', '==', uid), ...after('updatedAt', mine?.likes));
      const myOwned = query(
        collection(fs, 'commentOwners'),
        where('uid', '==', uid),
        where('pageId', '==', seed.pageId),
        ...after('createdAt', mine?.owned),
      );
      // `through` is captured in the callback, synchronously: the snapshot reflects at least every
      // change seen before it.
      listen('myLikes', myLikes, (snap) => applyMyLikesSnapshot(db, seed.pageId, uid, snap, throughNow(snap)));
      listen('owned', myOwned, (snap) => applyOwnedSnapshot(db, seed.pageId, uid, snap, throughNow(snap)));
    };

    // "This helped" marks are never changed after they are made: strictly after the cursor.
    const startMarks = () => {
      if (stopped || running.has('marks')) return;
      running.add('marks');
      const marks = query(collection(fs, 'pages', seed.pageId, 'helpful'), ...after('createdAt', known?.helpfulCursor));
      listen('marks', marks, (snap) => applyHelpfulSnapshot(db, seed.pageId, snap));
    };
    const hasReplies = (await db.comments.where('pageId').equals(seed.pageId).filter((row) => row.parentId !== null).count()) > 0;
    if (stopped) return;
    if (hasReplies) startMarks();
    const comments = collection(fs, 'pages', seed.pageId, 'comments');
    const changes = cursor
      ? query(comments, where('updatedAt', '>=', new Timestamp(cursor.seconds, cursor.nanoseconds)), orderBy('updatedAt'))
      : query(comments, orderBy('updatedAt'));
    listen('comments', changes, (snap) => {
      // Before this snapshot counts as an answer: which other listeners its changes call for.
      for (const change of snap.docChanges()) {
        if (change.doc.get('parentId')) startMarks();
        const updatedAt = change.doc.get('updatedAt') as Timestamp | null;
        if (snap.metadata.fromCache || change.doc.metadata.hasPendingWrites || !updatedAt) continue;
        if (changedSince(updatedAt)) startMine();
        observe(updatedAt);
      }
      return applyCommentSnapshot(db, seed.pageId, snap);
    });
    stops.push(
      onSnapshot(
        doc(fs, 'pages', seed.pageId),
        WITH_METADATA,
        (snap) => {
          const updatedAt = snap.exists() ? (snap.get('updatedAt') as Timestamp | null) : null;
          if (!snap.metadata.fromCache && !snap.metadata.hasPendingWrites && updatedAt) {
            if (changedSince(updatedAt)) startMine();
            observe(updatedAt);
          }
          const count = snap.exists() ? Number(snap.get('commentCount')) : 0;
          const likes = snap.exists() ? Number(snap.get('likeCount') ?? 0) : 0;
          const fields = { commentCount: count, likeCount: likes, countFetchedAt: Date.now(), ...(updatedAt ? { pageUpdatedAt: plain(updatedAt) } : {}) };
          void db.pages.update(seed.pageId, fields).catch(onError);
          if (!snap.metadata.fromCache) answer('page', 1);
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
