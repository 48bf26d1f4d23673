// Keeps Dexie's copy of one page's thread in step with Firestore, reading only what changed.
// Side panel only: listeners need the full SDK (the outbox writes with Lite, lib/data/outbox/remote-operations.ts;
// a reference made by one SDK can't be used with the other).
//
// Cost model (Firestore bills per document read): the comments listener asks only for comments
// whose updatedAt is at or after the newest change this browser has seen (the page's cursor), so a
// revisit of an unchanged page reads one comment (the cursor's own) plus the page document: 2 reads,
// whatever the thread's size. Edits and soft deletes move updatedAt, so they arrive the same way;
// hard deletes don't exist (the rules forbid them) because a delta query could never see them.
//
// Three more listeners ask strictly after their own cursor, so an unchanged page costs them no
// documents: the signed-in person's likes (to show "you like this" and confirm the outbox), the
// owner links of their anonymous comments (to show "you (anonymous)" and allow edits, also in a
// browser where they never posted), and the page's "this helped" marks (immutable once made).
// Even an empty query bills a read, so whether and when each of them runs is decided by the
// listener plan (lib/core/listener-plan.ts); this file only runs the listeners it asks for, feeds
// it what they see, and writes the snapshots into Dexie (./apply-snapshots.ts).
import { collection, doc, onSnapshot, orderBy, query, Timestamp, where, type Firestore, type Query, type QuerySnapshot } from 'firebase/firestore';
import type { PrikbordDb } from '../db';
import type { ServerTime } from '../../core/rows';
import { paths } from '../../core/paths';
import { aliasFromDoc, announcementFromDoc } from '../../core/page-admin';
import { mineFor, mineThrough, planVisit, plainTime, step, type PlanEvent, type PlanStep, type ThreadListener } from '../../core/listener-plan';
import { applyCommentSnapshot, applyHelpfulSnapshot, applyMyLikesSnapshot, applyOwnedSnapshot } from './apply-snapshots';

export { THREAD_LISTENERS, type ThreadListener } from '../../core/listener-plan';
export { forgetOtherPeople } from './apply-snapshots';

/** Local facts about a page known before the server answers (from the tab's page identity). */
export interface PageSeed {
  pageId: string;
  url: string;
  title: string;
}

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

/** Query constraints for "strictly after `at`" (everything when there is no cursor yet). */
const after = (field: string, at: ServerTime | undefined) => (at ? [where(field, '>', new Timestamp(at.seconds, at.nanoseconds))] : []);

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
    const hasReplies =
      (await db.comments
        .where('pageId')
        .equals(seed.pageId)
        .filter((row) => row.parentId !== null)
        .count()) > 0;
    if (stopped) return;
    const cursor = known?.cursor;
    const mine = mineFor(known, uid);

    const visit = planVisit({ uid, hasReplies, cursor, pageUpdatedAt: known?.pageUpdatedAt, mine: known?.mine });
    let plan = visit.state;
    /** Does what the plan answered: starts listeners, tells the observer once the visit is current. */
    const follow = (next: PlanStep) => {
      plan = next.state;
      for (const name of next.start) if (!stopped) start[name]();
      if (next.current) observer.onCurrent?.(next.current);
    };
    const see = (event: PlanEvent) => follow(step(plan, event));
    const answered = (name: ThreadListener, count: number) => {
      observer.onServerDocs?.(count, name);
      see({ type: 'serverAnswered', listener: name });
    };

    /** Runs one query listener: each snapshot goes to `apply`, and counts as that listener's answer. */
    const listen = (name: ThreadListener, target: Query, apply: (snap: QuerySnapshot) => Promise<void>) => {
      stops.push(
        onSnapshot(
          target,
          WITH_METADATA,
          (snap) => {
            void apply(snap).catch(onError);
            if (!snap.metadata.fromCache) answered(name, snap.docChanges().length);
          },
          onError,
        ),
      );
    };

    const comments = collection(fs, paths.comments(seed.pageId));
    const start: Record<ThreadListener, () => void> = {
      comments: () =>
        listen(
          'comments',
          cursor
            ? query(comments, where('updatedAt', '>=', new Timestamp(cursor.seconds, cursor.nanoseconds)), orderBy('updatedAt'))
            : query(comments, orderBy('updatedAt')),
          (snap) => {
            // Before this snapshot counts as an answer: which other listeners its changes call for.
            for (const change of snap.docChanges()) {
              see({
                type: 'commentSeen',
                isReply: Boolean(change.doc.get('parentId')),
                updatedAt: change.doc.get('updatedAt') as Timestamp | null,
                fromServer: !snap.metadata.fromCache,
                pending: change.doc.metadata.hasPendingWrites,
              });
            }
            return applyCommentSnapshot(db, seed.pageId, snap);
          },
        ),
      page: () =>
        stops.push(
          onSnapshot(
            doc(fs, paths.page(seed.pageId)),
            WITH_METADATA,
            (snap) => {
              const updatedAt = snap.exists() ? (snap.get('updatedAt') as Timestamp | null) : null;
              see({ type: 'pageSeen', updatedAt, fromServer: !snap.metadata.fromCache, pending: snap.metadata.hasPendingWrites });
              const count = snap.exists() ? Number(snap.get('commentCount')) : 0;
              const likes = snap.exists() ? Number(snap.get('likeCount') ?? 0) : 0;
              const data = snap.exists() ? snap.data() : {};
              const fields = {
                commentCount: count,
                likeCount: likes,
                countFetchedAt: Date.now(),
                ...(updatedAt ? { pageUpdatedAt: plainTime(updatedAt) } : {}),
                // Server-written (the comms console): whom this page stands for, and its announcement.
                aliasOf: aliasFromDoc(data),
                aliasUrl: typeof data.aliasUrl === 'string' ? data.aliasUrl : null,
                announcement: announcementFromDoc(data.announcement),
              };
              void db.pages.update(seed.pageId, fields).catch(onError);
              if (!snap.metadata.fromCache) answered('page', 1);
            },
            onError,
          ),
        ),
      // "This helped" marks are never changed after they are made: strictly after the cursor.
      marks: () =>
        listen('marks', query(collection(fs, paths.helpfulMarks(seed.pageId)), ...after('createdAt', known?.helpfulCursor)), (snap) =>
          applyHelpfulSnapshot(db, seed.pageId, snap),
        ),
      // `through` is read in the callback, synchronously: the snapshot reflects at least every
      // change seen before it.
      myLikes: () =>
        listen('myLikes', query(collection(fs, paths.likes(seed.pageId)), where('uid', '==', uid), ...after('updatedAt', mine?.likes)), (snap) =>
          applyMyLikesSnapshot(db, seed.pageId, uid, snap, mineThrough(plan, !snap.metadata.fromCache)),
        ),
      owned: () =>
        listen(
          'owned',
          query(collection(fs, paths.commentOwners()), where('uid', '==', uid), where('pageId', '==', seed.pageId), ...after('createdAt', mine?.owned)),
          (snap) => applyOwnedSnapshot(db, seed.pageId, uid, snap, mineThrough(plan, !snap.metadata.fromCache)),
        ),
    };
    follow(visit);
  })().catch(onError);

  return () => {
    stopped = true;
    for (const stop of stops) stop();
  };
}

/**
 * While the panel shows the thread of the page an alias stands for: listens to the alias's own
 * page document only (one read per visit, the one the full sync would make anyway), so the panel
 * hears at once when the alias is removed or re-pointed. Returns a function that stops listening.
 */
export function followAlias(fs: Firestore, db: PrikbordDb, pageId: string, onError: (error: unknown) => void): () => void {
  return onSnapshot(
    doc(fs, paths.page(pageId)),
    (snap) => {
      const data = snap.exists() ? snap.data() : {};
      void db.pages
        .update(pageId, {
          aliasOf: aliasFromDoc(data),
          aliasUrl: typeof data.aliasUrl === 'string' ? data.aliasUrl : null,
          announcement: announcementFromDoc(data.announcement),
        })
        .catch(onError);
    },
    onError,
  );
}
