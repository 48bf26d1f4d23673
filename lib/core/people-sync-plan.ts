// Which people data the side panel keeps in sync, how often, and from where (components/people/
// use-people.ts runs it; lib/data/people/people-sync.ts reads the documents). Pure.
//
// Snapshot, then change feed. A browser's first sync reads the directory shards (256 documents of
// a few hundred people each, with their capped evidence: lib/core/directory-shards.ts) and keeps as
// its cursor the oldest `coveredAt` of the shards it read. Every later sync reads only the
// per-person documents changed after the cursor: `profiles/*` (the directory) and `evidence/*` (the
// capped evidence members read), each in (updatedAt, id) order, in pages. So:
//  - a like, reply or "this helped" mark costs each reader one small evidence document at their
//    next sync, never a shard of a few hundred people (folding evidence into the shards, and
//    syncing the shards, made every like a shard that every reader downloaded again: three times
//    the month's bill, README "What it costs");
//  - a browser that synced before never misses a change: everything after the cursor is read, and
//    the snapshot it started from covers everything before;
//  - an unchanged revisit reads nothing (Firestore bills an empty query as 1 read: 1 for the
//    directory, 2 with the evidence).
// The shards are rebuilt in batches on the server (functions/src/directory-shards.ts), only for
// the first syncs of new browsers.
//
// The directory (names, departments, roles) is shown everywhere in the panel: comment cards,
// mentions, the people view. The evidence is read only by the people view's expert lookup, and it
// changes with every like, reply and "this helped" mark of anybody's: its feed is synced only while
// the people view is shown (synced whenever the panel was open, it was most of the bill).

/** How often a running sync repeats while the panel is open. */
export const PEOPLE_RESYNC_MS = 5 * 60_000;

/** The two people feeds the panel syncs. */
export type PeopleData = 'directory' | 'expertise';

/** What to keep in sync for the signed-in member `uid` (null: nobody, nothing), given whether the people view is shown. */
export function peopleToSync(uid: string | null, peopleViewShown: boolean): PeopleData[] {
  if (!uid) return [];
  return peopleViewShown ? ['directory', 'expertise'] : ['directory'];
}

/**
 * The version of what the local people tables hold. A browser whose cursors carry another one
 * starts over from the shards (its rows may have come from documents shaped otherwise: before
 * this version, evidence came from expertise/* uncapped and the directory from shards alone).
 */
export const PEOPLE_SCHEMA = 2;

/**
 * A feed cursor older than this starts over from the shards: after a month away the feed would
 * read most of the organisation's changed documents one by one, and a deleted profile (only an
 * administrator deletes one; a leaver is kept, marked inactive) is invisible to a feed, so this
 * also bounds how long a browser can keep someone who was deleted.
 */
export const RESNAPSHOT_AFTER_MS = 30 * 24 * 60 * 60_000;

/** Shards per query of a first sync (one page is written to IndexedDB while the next is fetched). */
export const SNAPSHOT_PAGE = 50;
/** Documents per feed query. */
export const FEED_PAGE = 200;

/** The cursors the plan looks at (lib/core/rows.ts SyncCursor). */
export interface FeedCursor {
  seconds: number;
  nanoseconds: number;
  docId?: string;
  schema?: number;
}

/**
 * Where the next directory sync starts: 'snapshot' (read the shards, then the feed) when this
 * browser has no feed cursor of this schema, or one older than RESNAPSHOT_AFTER_MS; else 'feed'.
 * `feeds` are the cursors of the feeds this sync will read (the directory's, and the evidence's
 * when the people view is shown); `nowMs` the client's clock.
 */
export function peopleSyncStart(feeds: Array<FeedCursor | undefined>, nowMs: number): 'snapshot' | 'feed' {
  for (const cursor of feeds) {
    if (!cursor || cursor.schema !== PEOPLE_SCHEMA) return 'snapshot';
    if (nowMs - (cursor.seconds * 1000 + Math.floor(cursor.nanoseconds / 1e6)) > RESNAPSHOT_AFTER_MS) return 'snapshot';
  }
  return 'feed';
}

/** A time as Firestore keeps it. */
export interface Instant {
  seconds: number;
  nanoseconds: number;
}

const before = (a: Instant, b: Instant) => a.seconds < b.seconds || (a.seconds === b.seconds && a.nanoseconds < b.nanoseconds);

/**
 * The feed cursor a snapshot leaves: the oldest coveredAt of the shards read (a shard without one,
 * written before shards carried it, covers nothing: the feed then starts at the beginning). Every
 * change after it is read by the feed; every change before it is in every shard.
 */
export function snapshotCursor(covered: Array<Instant | null>, soFar: Instant | null = null): Instant {
  let oldest = soFar;
  for (const at of covered) {
    const t = at ?? { seconds: 0, nanoseconds: 0 };
    if (!oldest || before(t, oldest)) oldest = t;
  }
  return oldest ?? { seconds: 0, nanoseconds: 0 };
}

// ---------- the server's batched rebuild (functions/src/directory-shards.ts) ----------

/**
 * The shards are rebuilt when this many per-person documents changed since they were built: a
 * first sync then reads at most about this many feed documents after its 256 shards.
 */
export const REBUILD_AFTER_CHANGES = 200;
/** …or when anything changed and the shards are older than this (a quiet organisation's first syncs still read a short feed). */
export const REBUILD_AFTER_MS = 24 * 60 * 60_000;

/** Whether the scheduled refresh should rebuild the shards now. `coveredMs`: the shards' coveredAt; `changes`: documents changed since. */
export function shouldRebuildShards(changes: number, coveredMs: number, nowMs: number): boolean {
  if (changes >= REBUILD_AFTER_CHANGES) return true;
  return changes > 0 && nowMs - coveredMs >= REBUILD_AFTER_MS;
}

// ---------- applying a feed page ----------

/**
 * The rows of a feed page to put: each document is the person's current version, so it replaces
 * the local row, except a local row newer than it (the signed-in person's own profile, saved a
 * moment ago and shown at once, is not taken back by a page that was read before the save).
 * `local`: the local rows' times by uid.
 */
export function feedRowsToPut<T extends { uid: string; updatedAt: number }>(rows: T[], local: ReadonlyMap<string, number>): T[] {
  return rows.filter((row) => {
    const mine = local.get(row.uid);
    return mine === undefined || mine <= row.updatedAt;
  });
}

/** An evidence feed page: people with pages are put, people whose evidence is gone (no pages) removed. */
export function planEvidenceFeed<T extends { uid: string; pages: unknown[] }>(rows: T[]): { put: T[]; remove: string[] } {
  return { put: rows.filter((r) => r.pages.length > 0), remove: rows.filter((r) => r.pages.length === 0).map((r) => r.uid) };
}
