// Brings the people directory and the expertise evidence into Dexie, so search and suggestions run
// locally and offline: a first sync from the server-built directory shards, every later sync from
// the change feed of per-person documents (lib/core/people-sync-plan.ts says why). Side panel and bench.
//
// Reads, as Firestore bills them:
//  - first sync: every shard once (at most 256 documents, whatever the size of the organisation,
//    in pages of SNAPSHOT_PAGE), then the feed documents changed since the oldest shard was built
//    (the server rebuilds them once REBUILD_AFTER_CHANGES documents changed: a short feed);
//  - later syncs: each profile and evidence document changed since the cursor, once; an unchanged
//    revisit 1 read for the directory feed and 1 for the evidence feed (an empty query).
// The feeds are read in (updatedAt, document id) order after the last (updatedAt, id) seen: many
// documents can share one updatedAt (a bulk import), and a plain `updatedAt >= cursor` would
// re-read all of them on every sync (the bench caught exactly that). A query ordered by updatedAt
// skips documents without it, so every writer of profiles/* and evidence/* sets updatedAt.
import {
  collection,
  documentId,
  getDocs,
  limit,
  orderBy,
  query,
  startAfter,
  Timestamp,
  type Firestore,
  type QueryDocumentSnapshot,
  type QuerySnapshot,
} from 'firebase/firestore';
import type { PrikbordDb } from '../db';
import { entriesFromShard, entryFromProfile, rowFromEntry, type ShardSnapshot } from '../../core/directory-shards';
import { paths } from '../../core/paths';
import { FEED_PAGE, PEOPLE_SCHEMA, peopleSyncStart, SNAPSHOT_PAGE, snapshotCursor, type Instant } from '../../core/people-sync-plan';
import type { SyncCursor } from '../../core/rows';
import { evidenceFromFeedDoc, evidenceFromShard } from '../../core/shard-evidence';
import { applyEvidenceFeed, applyProfileFeed, applyShards, finishSnapshot, type SnapshotHeld } from './apply-shards';

export interface PeopleSyncOptions {
  /** Also the evidence feed (the people view is shown). Default true. */
  evidence?: boolean;
  /** Shards per query of a first sync (tests page through a small organisation). */
  snapshotPage?: number;
  /** Documents per feed query. */
  feedPage?: number;
}

/** One sync at a time per database: the panel's timer and the people view opening must not read the same delta twice. */
const running = new WeakMap<PrikbordDb, Promise<unknown>>();

/**
 * One sync of the people data: the snapshot if this browser needs one, then the directory feed and
 * (unless `evidence: false`) the evidence feed. Resolves to the number of documents read (billed).
 */
export function syncPeople(fs: Firestore, db: PrikbordDb, options: PeopleSyncOptions = {}): Promise<number> {
  const previous = running.get(db) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(() => syncOnce(fs, db, options));
  running.set(db, next);
  return next;
}

async function syncOnce(
  fs: Firestore,
  db: PrikbordDb,
  { evidence = true, snapshotPage = SNAPSHOT_PAGE, feedPage = FEED_PAGE }: PeopleSyncOptions,
): Promise<number> {
  const [profilesFeed, evidenceFeed] = await db.syncCursors.bulkGet(['profilesFeed', 'evidenceFeed']);
  let reads = 0;
  let start: FeedStart | undefined;
  if (peopleSyncStart(evidence ? [profilesFeed, evidenceFeed] : [profilesFeed], Date.now()) === 'snapshot') {
    const read = await snapshot(fs, db, snapshotPage);
    reads += read.reads;
    start = read.start;
  }
  // The two feeds are independent (their own tables and cursors): read side by side, and right
  // after a snapshot already while its last pages are still being written.
  const feeds = Promise.all([readFeed(fs, db, 'profilesFeed', feedPage, start), evidence ? readFeed(fs, db, 'evidenceFeed', feedPage, start) : 0]);
  feeds.catch(() => undefined); // awaited below, after the snapshot's own writes (whose failure comes first)
  await start?.written;
  const [people, evidenceReads] = await feeds;
  return reads + people + evidenceReads;
}

// ---------- the snapshot (first sync) ----------

/** Where the feeds start after a snapshot: its cursor, once `written` (the snapshot's rows and cursors) resolves. */
interface FeedStart {
  cursor: Instant;
  written: Promise<void>;
}

/**
 * Reads every shard, in pages by shard id, and leaves both feed cursors at the oldest coveredAt.
 * Resolves once every page is read; the pages are written to Dexie one after the other meanwhile
 * and after (`start.written`), so the feeds' first queries need not wait for IndexedDB.
 * Goes on where an interrupted one stopped (the progress cursor). A limited query has one trap: on
 * a Firestore client whose memory cache holds older versions of shards it waits while the SDK
 * re-checks each of them with the server (limbo resolution, tens of seconds at 256 shards). A
 * snapshot runs at a browser's first sync, or a month after its last: its panel has no shards cached.
 */
async function snapshot(fs: Firestore, db: PrikbordDb, pageSize: number): Promise<{ reads: number; start: FeedStart }> {
  const stored = await db.syncCursors.get('peopleSnapshot');
  let progress = stored?.schema === PEOPLE_SCHEMA ? stored : undefined;
  let reads = 0;
  let first = !progress;
  // A browser's very first sync has no rows to keep or remove: it only writes.
  const empty = first && !(await db.people.toCollection().first()) && !(await db.evidence.toCollection().first());
  // Whom the shards hold, when this run reads them all (not when it goes on from an interrupted one).
  const held: SnapshotHeld | undefined = first && !empty ? { people: new Set(), evidence: new Set() } : undefined;
  let written: Promise<void> = Promise.resolve();
  let snap = await shardsAfter(fs, progress?.docId, pageSize);
  for (;;) {
    reads += Math.max(1, snap.size); // Firestore bills an empty result as one read.
    if (snap.empty) break;
    const shards = snap.docs.map(shardOf);
    for (const shard of shards) {
      for (const p of shard.people) held?.people.add(p.uid);
      for (const uid of shard.evidence.keys()) held?.evidence.add(uid);
    }
    const oldest = snapshotCursor(
      snap.docs.map((d) => instantOf(d.get('coveredAt'))),
      progress ? { seconds: progress.seconds, nanoseconds: progress.nanoseconds } : null,
    );
    progress = { id: 'peopleSnapshot', ...oldest, docId: snap.docs[snap.docs.length - 1]!.id, schema: PEOPLE_SCHEMA };
    // A full page may have more behind it: ask for the next page now; this one is written meanwhile
    // (in order, after the pages before it: each moves the progress cursor).
    const next = snap.size === pageSize ? shardsAfter(fs, progress.docId, pageSize) : null;
    const page = { shards, progress, first };
    written = written.then(() => applyShards(db, page.shards, page.progress, { first: page.first, empty }));
    first = false;
    if (!next) break;
    try {
      snap = await next;
    } catch (error) {
      await written; // what was read is kept (a failed write comes first); the next sync goes on from it
      throw error;
    }
  }
  const covered = progress ? { seconds: progress.seconds, nanoseconds: progress.nanoseconds } : { seconds: 0, nanoseconds: 0 };
  written = written.then(() => finishSnapshot(db, { ...covered, docId: '', schema: PEOPLE_SCHEMA }, held));
  written.catch(() => undefined); // awaited by the caller
  return { reads, start: { cursor: covered, written } };
}

function shardOf(d: QueryDocumentSnapshot): ShardSnapshot {
  const covered = instantOf(d.get('coveredAt'));
  return {
    id: d.id,
    updatedAt: covered ? covered.seconds * 1000 + Math.floor(covered.nanoseconds / 1e6) : 0,
    people: entriesFromShard(d.data()),
    evidence: evidenceFromShard(d.data()),
  };
}

/** A Firestore time as {seconds, nanoseconds}; null for anything else (read by shape: the rules-testing SDK has its own Timestamp class). */
function instantOf(v: unknown): Instant | null {
  const t = v as Partial<Instant> | null | undefined;
  return t && typeof t.seconds === 'number' && typeof t.nanoseconds === 'number' ? { seconds: t.seconds, nanoseconds: t.nanoseconds } : null;
}

function shardsAfter(fs: Firestore, afterId: string | undefined, pageSize: number): Promise<QuerySnapshot> {
  const after = afterId ? [startAfter(afterId)] : [];
  return getDocs(query(collection(fs, paths.directoryShards()), orderBy(documentId()), ...after, limit(pageSize)));
}

// ---------- the change feed ----------

/**
 * Reads one feed from its cursor to the end, a page at a time, each applied with the cursor moved.
 * `start`: right after a snapshot, its cursor; pages are then written only after the snapshot's own.
 */
async function readFeed(fs: Firestore, db: PrikbordDb, id: 'profilesFeed' | 'evidenceFeed', pageSize: number, start?: FeedStart): Promise<number> {
  let cursor: Omit<SyncCursor, 'id'> | undefined = start ? { ...start.cursor, docId: '' } : await db.syncCursors.get(id);
  const ref = collection(fs, id === 'profilesFeed' ? paths.profiles() : paths.evidence());
  let reads = 0;
  for (;;) {
    // A snapshot's cursor has no document id: every document changed after coveredAt (updatedAt > it).
    const at = cursor ? new Timestamp(cursor.seconds, cursor.nanoseconds) : null;
    const after = at ? [cursor?.docId ? startAfter(at, cursor.docId) : startAfter(at)] : [];
    const snap = await getDocs(query(ref, orderBy('updatedAt'), orderBy(documentId()), ...after, limit(pageSize)));
    reads += Math.max(1, snap.size);
    if (snap.empty) return reads;
    await start?.written;
    const moved = cursorAt(id, snap);
    cursor = moved;
    if (id === 'profilesFeed') {
      await applyProfileFeed(
        db,
        snap.docs.map((d) => rowFromEntry(entryFromProfile(d.id, d.data()), millisOf(d.get('updatedAt')))),
        moved,
      );
    } else {
      await applyEvidenceFeed(
        db,
        snap.docs.map((d) => ({ uid: d.id, pages: evidenceFromFeedDoc(d.data()), updatedAt: millisOf(d.get('updatedAt')) })),
        moved,
      );
    }
    if (snap.size < pageSize) return reads;
  }
}

const millisOf = (v: unknown): number => {
  const t = instantOf(v);
  return t ? t.seconds * 1000 + Math.floor(t.nanoseconds / 1e6) : 0;
};

/** The cursor after a non-empty page: the last document's (updatedAt, id). */
function cursorAt(id: SyncCursor['id'], snap: QuerySnapshot): SyncCursor {
  const lastDoc = snap.docs[snap.docs.length - 1]!;
  const last = lastDoc.get('updatedAt') as Timestamp;
  return { id, seconds: last.seconds, nanoseconds: last.nanoseconds, docId: lastDoc.id, schema: PEOPLE_SCHEMA };
}
