// Keeps the directory shards (`directoryShards/{shardId}`, lib/core/directory-shards.ts) equal to
// the profiles. Clients read the shards, never one profile per person.
//
// Who writes a shard:
//  - a profile UPDATE (a member's own skills, languages or opt-out; identity fields changed by the
//    import or the roles script) rewrites that person's entry in their shard: the trigger
//    directoryShardOnProfileUpdate below, one transaction on one shard, and no write at all when the
//    entry came out the same;
//  - a profile CREATION is not a trigger, on purpose: a bulk creation (the directory import, the
//    bench's 50,000 profiles) would fan out one invocation, and one transaction on a shared shard,
//    per person. Whoever creates profiles brings the shards along instead:
//      * the sign-in function that creates a person's profile calls upsertShardEntry(db, uid, profile);
//      * a bulk writer calls rebuildDirectoryShards(db) once at the end (`npm run directory:shards`
//        runs it from the command line, scripts/directory-shards.ts): it reads every profile and
//        writes only the shards that differ;
//  - a profile deletion (an administrator's, never a client's) is not a trigger either (clearing the
//    emulator would fan out too): the next rebuild takes the person out.
// A rebuild racing with an edit can write the entry as it read it; the next edit or rebuild puts
// it right. Identical entries are never written, so a rebuild over an up-to-date directory costs
// reads only, and clients read nothing new.
import { FieldPath, FieldValue, type Firestore } from 'firebase-admin/firestore';
import { onDocumentUpdated } from 'firebase-functions/v2/firestore';
import {
  buildShards,
  DIRECTORY_FIELDS,
  entriesFromShard,
  entryFromProfile,
  sameEntry,
  shardIdOf,
  shardWrites,
  withEntry,
  type DirectoryEntry,
} from '../../lib/core/directory-shards';
import { paths } from '../../lib/core/paths';
import { db } from './admin';

/** Writes one shard's entries (the whole document: {people, updatedAt}). */
const shardDoc = (people: DirectoryEntry[]) => ({ people, updatedAt: FieldValue.serverTimestamp() });

/**
 * Puts one person's entry into their shard, from their profile document's data. Idempotent: when
 * the shard already holds the same entry nothing is written. Resolves to whether it wrote.
 */
export async function upsertShardEntry(firestore: Firestore, uid: string, profile: Record<string, unknown>): Promise<boolean> {
  const entry = entryFromProfile(uid, profile);
  const ref = firestore.doc(paths.directoryShard(shardIdOf(uid)));
  return firestore.runTransaction(async (tx) => {
    const snap = await tx.get(ref);
    const next = withEntry(snap.exists ? entriesFromShard(snap.data() ?? {}) : [], entry);
    if (!next) return false;
    tx.set(ref, shardDoc(next));
    return true;
  });
}

const PAGE = 1000;
/** Shards per batch: each is at most 1 MiB, a commit at most 10 MiB. */
const SHARDS_PER_BATCH = 8;

/**
 * Builds every shard from every profile and writes those that differ from what is stored (shards
 * left without anybody are written empty: a client's delta query cannot see a deletion). Reads
 * each profile once (only the directory fields) and each stored shard once.
 */
export async function rebuildDirectoryShards(firestore: Firestore): Promise<{ people: number; shards: number; written: number }> {
  const entries: DirectoryEntry[] = [];
  let after: string | undefined;
  for (;;) {
    let q = firestore
      .collection(paths.profiles())
      .orderBy(FieldPath.documentId())
      .select(...DIRECTORY_FIELDS)
      .limit(PAGE);
    if (after !== undefined) q = q.startAfter(after);
    const snap = await q.get();
    for (const d of snap.docs) entries.push(entryFromProfile(d.id, d.data()));
    if (snap.size < PAGE) break;
    after = snap.docs[snap.docs.length - 1]!.id;
  }
  const built = buildShards(entries);
  const stored = new Map((await firestore.collection(paths.directoryShards()).get()).docs.map((d) => [d.id, entriesFromShard(d.data())]));
  const writes = [...shardWrites(built, stored)];
  for (let i = 0; i < writes.length; i += SHARDS_PER_BATCH) {
    const batch = firestore.batch();
    for (const [id, people] of writes.slice(i, i + SHARDS_PER_BATCH)) batch.set(firestore.doc(paths.directoryShard(id)), shardDoc(people));
    await batch.commit();
  }
  return { people: entries.length, shards: built.size, written: writes.length };
}

/** A profile changed: rewrite the person's entry, unless nothing the directory shows changed. */
export const directoryShardOnProfileUpdate = onDocumentUpdated('profiles/{uid}', async (event) => {
  const change = event.data;
  if (!change) return;
  const uid = event.params.uid;
  const after = change.after.data();
  // Most profile writes that change nothing the directory shows (a sign-in refreshing the same
  // roles) stop here, without reading the shard.
  if (sameEntry(entryFromProfile(uid, change.before.data()), entryFromProfile(uid, after))) return;
  await upsertShardEntry(db, uid, after);
});
