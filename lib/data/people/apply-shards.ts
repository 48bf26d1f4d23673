// Writes what the people sync read into the Dexie people and evidence tables: a page of directory
// shards (a first sync: lib/core/directory-shards.ts planShardRows and lib/core/shard-evidence.ts
// planShardEvidence decide) or a page of the change feed (lib/core/people-sync-plan.ts). Each in one
// transaction with its cursor, so an interrupted sync reads the same page again. Side panel and bench.
import { planShardRows, type DirectoryPersonRow, type ShardSnapshot } from '../../core/directory-shards';
import { feedRowsToPut, planEvidenceFeed } from '../../core/people-sync-plan';
import type { EvidenceRow, SyncCursor } from '../../core/rows';
import { planShardEvidence } from '../../core/shard-evidence';
import type { PrikbordDb } from '../db';

/** Cursors of browsers from before the change feed: dropped when a snapshot starts. */
const LEGACY_CURSORS: SyncCursor['id'][] = ['profiles', 'expertise', 'directoryShards'];

/**
 * Applies a page of shards and moves the snapshot's progress cursor. `first`: the first page of
 * this snapshot; `empty`: the local tables were empty when it began (a browser's very first sync). Only the rows the page names are read (a key scan of the whole table per page cost
 * seconds at 50,000 people); who is no longer in any shard is found once, at finishSnapshot.
 */
export async function applyShards(
  db: PrikbordDb,
  shards: ShardSnapshot[],
  progress: SyncCursor,
  options: { first?: boolean; empty?: boolean } = {},
): Promise<void> {
  await db.transaction('rw', db.people, db.evidence, db.syncCursors, async () => {
    // `empty`: the tables held nobody when the snapshot began, so there is no local row to keep.
    const named = options.empty ? [] : shards.flatMap((s) => s.people.map((p) => p.uid));
    const rows = named.length > 0 ? await db.people.bulkGet(named) : [];
    const local = new Map<string, number>();
    rows.forEach((row, i) => row && local.set(named[i]!, row.updatedAt));
    await db.people.bulkPut(planShardRows(shards, local).put);
    await db.evidence.bulkPut(planShardEvidence(shards, []).put);
    await db.syncCursors.put(progress);
    if (options.first) await db.syncCursors.bulkDelete(LEGACY_CURSORS);
  });
}

/** Whom a whole snapshot held: everybody in a shard, and everybody with evidence in one. */
export interface SnapshotHeld {
  people: Set<string>;
  evidence: Set<string>;
}

/**
 * A finished snapshot: both feeds start at `cursor` (the oldest coveredAt), the progress cursor
 * goes. With `held` (the snapshot read every shard in this run), local rows no shard holds any
 * more are removed — unless newer than the cursor (a newcomer the feed brought, or one's own save):
 * a person deleted from the directory, evidence that is gone.
 */
export async function finishSnapshot(db: PrikbordDb, cursor: Omit<SyncCursor, 'id'>, held?: SnapshotHeld): Promise<void> {
  const until = cursor.seconds * 1000 + Math.floor(cursor.nanoseconds / 1e6);
  await db.transaction('rw', db.people, db.evidence, db.syncCursors, async () => {
    if (held) {
      const stale = async (table: PrikbordDb['people'] | PrikbordDb['evidence'], keep: Set<string>) => {
        const gone = ((await table.toCollection().primaryKeys()) as string[]).filter((uid) => !keep.has(uid));
        const rows = gone.length > 0 ? await table.bulkGet(gone) : [];
        return gone.filter((_, i) => (rows[i]?.updatedAt ?? 0) <= until);
      };
      const people = await stale(db.people, held.people);
      if (people.length > 0) await db.people.bulkDelete(people);
      const evidence = await stale(db.evidence, held.evidence);
      if (evidence.length > 0) await db.evidence.bulkDelete(evidence);
    }
    await db.syncCursors.bulkPut([
      { ...cursor, id: 'profilesFeed' },
      { ...cursor, id: 'evidenceFeed' },
    ]);
    await db.syncCursors.delete('peopleSnapshot');
  });
}

/** Applies a page of changed profiles (the directory feed) and moves its cursor. */
export async function applyProfileFeed(db: PrikbordDb, rows: DirectoryPersonRow[], cursor: SyncCursor): Promise<void> {
  await db.transaction('rw', db.people, db.syncCursors, async () => {
    const stored = await db.people.bulkGet(rows.map((r) => r.uid));
    const local = new Map<string, number>();
    stored.forEach((row, i) => row && local.set(rows[i]!.uid, row.updatedAt));
    await db.people.bulkPut(feedRowsToPut(rows, local));
    await db.syncCursors.put(cursor);
  });
}

/** Applies a page of changed evidence documents and moves its cursor. */
export async function applyEvidenceFeed(db: PrikbordDb, rows: EvidenceRow[], cursor: SyncCursor): Promise<void> {
  const { put, remove } = planEvidenceFeed(rows);
  await db.transaction('rw', db.evidence, db.syncCursors, async () => {
    if (remove.length > 0) await db.evidence.bulkDelete(remove);
    await db.evidence.bulkPut(put);
    await db.syncCursors.put(cursor);
  });
}
