// Keeps Dexie's copy of one page's thread in step with Firestore, reading only what changed.
// Side panel only.
//
// Cost model (Firestore bills per document read): the comments listener asks only for comments
// whose updatedAt is at or after the newest change this browser has seen (the page's cursor), so a
// revisit of an unchanged page reads one comment (the cursor's own) plus the page document: 2 reads,
// whatever the thread's size. Edits and soft deletes move updatedAt, so they arrive the same way;
// hard deletes don't exist (the rules forbid them) because a delta query could never see them.
import {
  collection,
  onSnapshot,
  orderBy,
  query,
  Timestamp,
  where,
  type Firestore,
  type QuerySnapshot,
} from 'firebase/firestore';
import type { PrikbordDb } from './db';
import { pageRef } from './firestore-writes';
import { commentFromDoc, type CommentRow, type PageRow } from './schema';

/** Local facts about a page known before the server answers (from the tab's page identity). */
export interface PageSeed {
  pageId: string;
  url: string;
  title: string;
}

function newer(a: PageRow['cursor'], b: Timestamp): boolean {
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
    const waiting = new Set((await db.outbox.where('commentId').anyOf(incoming.map((row) => row.id)).toArray()).map((item) => item.commentId));
    await db.comments.bulkPut(incoming.filter((row) => !waiting.has(row.id)));
    const page = await db.pages.get(pageId);
    if (page && cursor && newer(page.cursor, cursor)) {
      await db.pages.update(pageId, { cursor: { seconds: cursor.seconds, nanoseconds: cursor.nanoseconds } });
    }
  });
}

/**
 * Listens to one page's thread and its page document, mirroring both into Dexie.
 * Returns a function that stops listening.
 */
export function syncThread(
  fs: Firestore,
  db: PrikbordDb,
  seed: PageSeed,
  onError: (error: unknown) => void,
  /** Told how many documents each snapshot delivered from the server (tests and bench count reads with it). */
  onServerDocs: (count: number) => void = () => undefined,
): () => void {
  const stops: Array<() => void> = [];
  let stopped = false;

  void (async () => {
    await db.transaction('rw', db.pages, async () => {
      const known = await db.pages.get(seed.pageId);
      if (known) await db.pages.update(seed.pageId, { url: seed.url, title: seed.title });
      else await db.pages.add({ ...seed, commentCount: null });
    });
    const cursor = (await db.pages.get(seed.pageId))?.cursor;
    if (stopped) return;
    const comments = collection(fs, 'pages', seed.pageId, 'comments');
    const changes = cursor
      ? query(comments, where('updatedAt', '>=', new Timestamp(cursor.seconds, cursor.nanoseconds)), orderBy('updatedAt'))
      : query(comments, orderBy('updatedAt'));
    stops.push(
      onSnapshot(
        changes,
        (snap) => {
          if (!snap.metadata.fromCache) onServerDocs(snap.docChanges().length);
          void applyCommentSnapshot(db, seed.pageId, snap).catch(onError);
        },
        onError,
      ),
      onSnapshot(
        pageRef(fs, seed.pageId),
        (snap) => {
          if (!snap.metadata.fromCache) onServerDocs(1);
          const count = snap.exists() ? Number(snap.get('commentCount')) : 0;
          void db.pages.update(seed.pageId, { commentCount: count, countFetchedAt: Date.now() }).catch(onError);
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
