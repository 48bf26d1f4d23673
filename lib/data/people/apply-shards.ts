// Writes a batch of directory shards into the Dexie people table (lib/core/directory-shards.ts
// decides what changes: planShardRows). One transaction: the people of a shard and the cursor move
// together, so an interrupted sync reads the same shards again. Side panel and bench.
import { planShardRows, shardIdOf, type ShardSnapshot } from '../../core/directory-shards';
import type { SyncCursor } from '../../core/rows';
import type { PrikbordDb } from '../db';

/** Applies changed shards and moves the shard cursor. `first`: the first shard sync of this browser. */
export async function applyShards(db: PrikbordDb, shards: ShardSnapshot[], cursor: SyncCursor, options: { first?: boolean } = {}): Promise<void> {
  await db.transaction('rw', db.people, db.syncCursors, async () => {
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
    await db.syncCursors.put(cursor);
    // Clients from before the shards synced profiles/* with their own cursor: no longer used.
    if (options.first) await db.syncCursors.delete('profiles');
  });
}
