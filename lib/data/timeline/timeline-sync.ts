// Keeps Dexie's copy of the timeline ("What's happening") in step with `timeline/*`, reading only
// what changed, for the sections this person may see. Side panel only (listeners need the full SDK).
//
// The queries come from lib/core/timeline-sections.ts (sections together under one `in`, each
// section's cursor remembered in syncCursors as `timeline:{sectionKey}`): an unchanged reopen costs
// one (empty) query per 30 sections, plus one while some section never had an entry. Each entry
// arrives as a whole (the server recomputes it); a removed one (no visible comment left) is
// deleted here, so it quietly leaves the view.
//
// A section switched off for this person: the panel no longer asks for it and forgets its entries
// (forgetHiddenEntries). If the rules refuse a query first (the panel's copy of rollout was older
// than the server's), the query is split into one per section; a section refused on its own has its
// entries and cursor dropped and is reported, the others go on.
import { collection, onSnapshot, query, Timestamp, where, type Firestore, type Query, type QuerySnapshot } from 'firebase/firestore';
import type { PrikbordDb } from '../db';
import { paths } from '../../core/paths';
import type { ServerTime, TimelineCursorId, TimelineRow } from '../../core/rows';
import { timelineContentFrom } from '../../core/timeline';
import { cursorsAfter, laterOf, planTimelineQueries, type TimelineQuery } from '../../core/timeline-sections';

/** What tests and the bench learn about a running sync (the panel needs none of it). */
export interface TimelineSyncObserver {
  /** A snapshot from the server (not the cache): which query, how many documents it holds and delivered. */
  onServerSnapshot?(query: TimelineQuery, size: number, changes: number): void;
  /** Every query this sync started has had its first answer from the server. */
  onCurrent?(queries: TimelineQuery[]): void;
  /** The rules refused one section (its local entries are gone). */
  onSectionDenied?(key: string): void;
}

const cursorId = (key: string): TimelineCursorId => `timeline:${key}`;
const plain = (t: Timestamp): ServerTime => ({ seconds: t.seconds, nanoseconds: t.nanoseconds });

/** The cursors of `keys` this browser remembers. */
async function cursorsOf(db: PrikbordDb, keys: string[]): Promise<Map<string, ServerTime>> {
  const rows = await db.syncCursors.bulkGet(keys.map(cursorId));
  const out = new Map<string, ServerTime>();
  rows.forEach((row, i) => row && out.set(keys[i]!, { seconds: row.seconds, nanoseconds: row.nanoseconds }));
  return out;
}

/** A stored entry as a local row; null for a removed entry (or anything that is not one). */
export function timelineRowFrom(pageId: string, data: Record<string, unknown>): TimelineRow | null {
  const content = timelineContentFrom(pageId, data);
  const updatedAt = data.updatedAt;
  if (!content || content.removed || !content.latest || !(updatedAt instanceof Timestamp)) return null;
  const { removed: _removed, latest, ...rest } = content;
  return { ...rest, latest, latestAt: latest.at, updatedAt: plain(updatedAt) };
}

const before = (a: ServerTime, b: ServerTime) => a.seconds < b.seconds || (a.seconds === b.seconds && a.nanoseconds <= b.nanoseconds);

/** Writes one snapshot's changes into Dexie and moves its sections' cursors (once the server confirmed it). */
async function applySnapshot(db: PrikbordDb, q: TimelineQuery, snap: QuerySnapshot): Promise<void> {
  let newest: ServerTime | undefined;
  for (const d of snap.docs) {
    const at = d.get('updatedAt');
    if (at instanceof Timestamp) newest = laterOf(newest, plain(at));
  }
  await db.transaction('rw', db.timeline, db.syncCursors, async () => {
    for (const change of snap.docChanges()) {
      const id = change.doc.id;
      const row = timelineRowFrom(id, change.doc.data());
      const known = await db.timeline.get(id);
      if (change.type === 'removed') {
        // It left this query (moved to another section): gone, unless another query already brought it back newer.
        const at = change.doc.get('updatedAt');
        if (known && q.keys.includes(known.sectionKey) && (!(at instanceof Timestamp) || before(known.updatedAt, plain(at)))) await db.timeline.delete(id);
      } else if (!row) {
        await db.timeline.delete(id);
      } else if (!known || before(known.updatedAt, row.updatedAt)) {
        await db.timeline.put(row);
      }
    }
    if (snap.metadata.fromCache) return;
    const cursors = cursorsAfter(q.keys, await cursorsOf(db, q.keys), newest);
    await db.syncCursors.bulkPut([...cursors].map(([key, t]) => ({ id: cursorId(key), ...t })));
  });
}

/** Drops one section's local entries and cursor (the rules refused it). */
async function forgetSection(db: PrikbordDb, key: string): Promise<void> {
  await db.transaction('rw', db.timeline, db.syncCursors, async () => {
    await db.timeline.where('sectionKey').equals(key).delete();
    await db.syncCursors.delete(cursorId(key));
  });
}

/**
 * Forgets the local entries of every section not in `visible`, with their cursors; `keyOf` says
 * which section an entry is in now (by the panel's current rollout, which may have moved it).
 */
export async function forgetHiddenEntries(db: PrikbordDb, visible: string[], keyOf: (row: TimelineRow) => string): Promise<void> {
  const seen = new Set(visible);
  await db.transaction('rw', db.timeline, db.syncCursors, async () => {
    await db.timeline.filter((row) => !seen.has(keyOf(row))).delete();
    const cursors = await db.syncCursors.filter((c) => c.id.startsWith('timeline:')).toArray();
    await db.syncCursors.bulkDelete(cursors.filter((c) => !seen.has(c.id.slice('timeline:'.length))).map((c) => c.id));
  });
}

const isPermissionDenied = (error: unknown) => (error as { code?: string } | null)?.code === 'permission-denied';

/**
 * Listens to the timeline entries of the sections `keys`, mirroring them into Dexie.
 * Returns a function that stops listening.
 */
export function syncTimeline(
  fs: Firestore,
  db: PrikbordDb,
  keys: string[],
  onError: (error: unknown) => void,
  observer: TimelineSyncObserver = {},
): () => void {
  const stops: Array<() => void> = [];
  let stopped = false;
  const waiting = new Set<TimelineQuery>();
  const started: TimelineQuery[] = [];
  const entries = collection(fs, paths.timeline());

  const toQuery = (q: TimelineQuery): Query => {
    const section = q.keys.length === 1 ? where('sectionKey', '==', q.keys[0]) : where('sectionKey', 'in', q.keys);
    return q.since ? query(entries, section, where('updatedAt', '>', new Timestamp(q.since.seconds, q.since.nanoseconds))) : query(entries, section);
  };

  const answered = (q: TimelineQuery) => {
    if (!waiting.delete(q) || waiting.size > 0) return;
    observer.onCurrent?.([...started]);
  };

  const listen = (q: TimelineQuery) => {
    if (stopped) return;
    started.push(q);
    waiting.add(q);
    let stop = () => {};
    stop = onSnapshot(
      toQuery(q),
      { includeMetadataChanges: true },
      (snap) => {
        void applySnapshot(db, q, snap).catch(onError);
        if (!snap.metadata.fromCache) {
          observer.onServerSnapshot?.(q, snap.size, snap.docChanges().length);
          answered(q);
        }
      },
      (error) => {
        if (!isPermissionDenied(error)) {
          onError(error);
          return;
        }
        stop();
        if (q.keys.length > 1) {
          // Which section? Ask each on its own (from the same cursor).
          for (const key of q.keys) listen({ keys: [key], since: q.since });
        } else {
          const key = q.keys[0]!;
          void forgetSection(db, key).catch(onError);
          observer.onSectionDenied?.(key);
        }
        answered(q);
      },
    );
    stops.push(() => stop());
  };

  void (async () => {
    const cursors = await cursorsOf(db, keys);
    if (stopped) return;
    const plan = planTimelineQueries(keys, cursors);
    if (plan.length === 0) observer.onCurrent?.([]);
    for (const q of plan) listen(q);
  })().catch(onError);

  return () => {
    stopped = true;
    for (const stop of stops) stop();
  };
}
