// Writes what the people sync read into the Dexie people and evidence tables: a page of directory
// shards (a first sync: lib/core/directory-shards.ts planShardRows and lib/core/shard-evidence.ts
// planShardEvidence decide) or a page of the change feed (lib/core/people-sync-plan.ts). Each in one
// transaction with its cursor, so an interrupted sync reads the same page again. Side panel and bench.
import { planShardRows, shardIdOf, type DirectoryPersonRow, type ShardSnapshot } from '../../core/directory-shards';
import { feedRowsToPut, planEvidenceFeed } from '../../core/people-sync-plan';
import type { EvidenceRow, SyncCursor } from '../../core/rows';
import { planShardEvidence } from '../../core/shard-evidence';
import type { PrikbordDb } from '../db';

/** Cursors of browsers from before the change feed: dropped when a snapshot starts. */
const LEGACY_CURSORS: SyncCursor['id'][] = ['profiles', 'expertise', 'directoryShards'];

/** Applies a page of shards and moves the snapshot's progress cursor. `first`: the first page of this snapshot. */
export async function applyShards(db: PrikbordDb, shards: ShardSnapshot[], progress: SyncCursor, options: { first?: boolean } = {}): Promise<void> {
  await db.transaction('rw', db.people, db.evidence, db.syncCursors, async () => {
    // The local rows these shards speak for: the people hashed to them, and anybody they name.
    // Only keys are read for the whole table (cheap); rows only for those few hundred people.
    const changed = new Set(shards.map((s) => s.id));
    const named = new Set(shards.flatMap((s) => s.people.map((p) => p.uid)));
    const keys = (await db.people.toCollection().primaryKeys()) as string[];
    const relevant = keys.filter((uid) => named.has(uid) || changed.has(shardIdOf(uid)));
    const rows = relevant.length > 0 ? await db.people.bulkGet(relevant) : [];
    const local = new Map<string, number>();
    rows.forEach((row, i) => row && local.set(relevant[i]!, row.updatedAt));
    const { put, remove } = planShardRows(shards, local);
    if (remove.length > 0) await db.people.bulkDelete(remove);
    await db.people.bulkPut(put);

    const evidence = planShardEvidence(shards, (await db.evidence.toCollection().primaryKeys()) as string[]);
    if (evidence.remove.length > 0) await db.evidence.bulkDelete(evidence.remove);
    await db.evidence.bulkPut(evidence.put);

    await db.syncCursors.put(progress);
    if (options.first) await db.syncCursors.bulkDelete(LEGACY_CURSORS);
  });
}

/** A finished snapshot: both feeds start at `cursor` (the oldest coveredAt), the progress cursor goes. */
export async function finishSnapshot(db: PrikbordDb, cursor: Omit<SyncCursor, 'id'>): Promise<void> {
  await db.transaction('rw', db.syncCursors, async () => {
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
