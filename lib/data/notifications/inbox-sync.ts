// Keeps Dexie's copy of one person's inbox in step with `inboxes/{uid}` and its items, while the
// panel is open. Side panel only (listeners need the full SDK).
//
// Two listeners: the summary (one document: unread count, readThrough, seenAt) and the items
// changed since the newest updatedAt this browser has seen (cursor `inbox:{uid}` in syncCursors).
// An unchanged reopen costs 2 reads (the summary, and one for the empty delta query); each new or
// changed item one more. A read mark made in another browser moves the item's updatedAt, so it
// arrives here too; "mark all read" arrives as the summary's readThrough.
import { collection, doc, onSnapshot, query, Timestamp, where, type Firestore } from 'firebase/firestore';
import type { PrikbordDb } from '../db';
import { paths } from '../../core/paths';
import { INBOX_KINDS, type InboxKind, type InboxRow, type InboxStateRow } from '../../core/notifications/model';
import { millisOf } from '../../core/timeline';

const cursorId = (uid: string) => `inbox:${uid}` as const;

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** A stored item as a local row; null for anything that is not one. */
export function inboxRowFrom(uid: string, itemId: string, data: Record<string, unknown>): InboxRow | null {
  const kind = data.kind as InboxKind;
  if (!INBOX_KINDS.includes(kind)) return null;
  const actor = data.actor as { uid?: unknown; name?: unknown } | null | undefined;
  return {
    key: `${uid}/${itemId}`,
    uid,
    itemId,
    kind,
    pageId: str(data.pageId),
    url: str(data.url),
    title: str(data.title),
    commentId: str(data.commentId),
    actor: actor && typeof actor.uid === 'string' ? { uid: actor.uid, name: String(actor.name ?? '') } : null,
    excerpt: str(data.excerpt) ?? '',
    count: typeof data.count === 'number' ? data.count : 1,
    ...(typeof data.outcome === 'string' ? { outcome: data.outcome as InboxRow['outcome'] } : {}),
    ...(typeof data.reason === 'string' ? { reason: data.reason } : {}),
    ...(Array.isArray(data.digest) ? { digest: data.digest as InboxRow['digest'] } : {}),
    ...(Array.isArray(data.unseen) ? { unseen: data.unseen.filter((n): n is string => typeof n === 'string') } : {}),
    createdAt: millisOf(data.createdAt),
    updatedAt: millisOf(data.updatedAt),
    read: data.read === true,
  };
}

export function inboxStateFrom(uid: string, data: Record<string, unknown> | undefined): InboxStateRow {
  const time = (v: unknown) => (v instanceof Timestamp ? v.toMillis() : null);
  return {
    uid,
    unread: typeof data?.unread === 'number' ? data.unread : 0,
    latestAt: time(data?.latestAt),
    readThrough: time(data?.readThrough),
    seenAt: time(data?.seenAt),
  };
}

export interface InboxSyncObserver {
  /** A server snapshot of the items query: its size (each document a billed read). */
  onItemsSnapshot?(size: number): void;
  onCurrent?(): void;
}

/** Listens to `uid`'s inbox, mirroring it into Dexie. Returns a function that stops listening. */
export function syncInbox(fs: Firestore, db: PrikbordDb, uid: string, onError: (e: unknown) => void, observer: InboxSyncObserver = {}): () => void {
  const stops: Array<() => void> = [];
  let stopped = false;
  let summaryCurrent = false;
  let itemsCurrent = false;
  const current = () => summaryCurrent && itemsCurrent && observer.onCurrent?.();

  stops.push(
    onSnapshot(
      doc(fs, paths.inbox(uid)),
      (snap) => {
        void db.inboxState.put(inboxStateFrom(uid, snap.data())).catch(onError);
        if (!snap.metadata.fromCache && !summaryCurrent) {
          summaryCurrent = true;
          current();
        }
      },
      onError,
    ),
  );

  void (async () => {
    const cursor = await db.syncCursors.get(cursorId(uid));
    if (stopped) return;
    const items = collection(fs, paths.inboxItems(uid));
    const q = cursor ? query(items, where('updatedAt', '>', new Timestamp(cursor.seconds, cursor.nanoseconds))) : items;
    stops.push(
      onSnapshot(
        q,
        (snap) => {
          void (async () => {
            let newest: Timestamp | null = cursor ? new Timestamp(cursor.seconds, cursor.nanoseconds) : null;
            const rows: InboxRow[] = [];
            for (const change of snap.docChanges()) {
              const row = inboxRowFrom(uid, change.doc.id, change.doc.data());
              if (row) rows.push(row);
            }
            for (const d of snap.docs) {
              const at = d.get('updatedAt');
              if (at instanceof Timestamp && (!newest || at.toMillis() > newest.toMillis())) newest = at;
            }
            await db.transaction('rw', db.inbox, db.syncCursors, async () => {
              await db.inbox.bulkPut(rows);
              if (!snap.metadata.fromCache && newest) await db.syncCursors.put({ id: cursorId(uid), seconds: newest.seconds, nanoseconds: newest.nanoseconds });
            });
          })().catch(onError);
          if (!snap.metadata.fromCache) {
            observer.onItemsSnapshot?.(snap.size);
            if (!itemsCurrent) {
              itemsCurrent = true;
              current();
            }
          }
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

/** Marks an item read locally at once (the server's echo confirms it). */
export async function markReadLocally(db: PrikbordDb, uid: string, itemId: string): Promise<void> {
  await db.inbox.update(`${uid}/${itemId}`, { read: true });
}
