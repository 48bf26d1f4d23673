// Brings the people directory (server-built shards, `directoryShards/*`) and the expertise index
// (`expertise/*`) into Dexie by delta sync, so search and suggestions run locally and offline.
// Side panel and bench.
//
// Cost model: each collection is read in (updatedAt, document id) order, starting after the last
// (updatedAt, id) seen, so a first sync reads every document once and a repeat sync with nothing
// changed reads none (Firestore bills an empty query as 1 read: 2 reads for both collections).
// The directory comes as at most 256 shards of a few hundred people each
// (lib/core/directory-shards.ts), so a first sync of 50,000 people reads at most 256 documents;
// one colleague's edit rewrites their shard, which the next sync reads (1 read). The expertise
// index is still one document per person with evidence (server-written, expertise/{uid}): a first
// sync reads each of those once.
// The id in the cursor matters: many documents can share one updatedAt (a bulk import), and a plain
// `updatedAt >= cursor` would re-read all of them on every sync (the bench caught exactly that). A
// query ordered by updatedAt skips documents without it, so every writer sets updatedAt.
import { collection, documentId, getDocs, orderBy, query, startAfter, Timestamp, type Firestore, type QuerySnapshot } from 'firebase/firestore';
import type { PrikbordDb } from '../db';
import { evidenceFromDoc } from '../../core/codecs';
import { entriesFromShard, type ShardSnapshot } from '../../core/directory-shards';
import { paths } from '../../core/paths';
import type { SyncCursor } from '../../core/rows';
import { applyShards } from './apply-shards';

/** One delta pass over the directory shards and the expertise index. Resolves to the number of documents read (billed). */
export async function syncPeople(fs: Firestore, db: PrikbordDb): Promise<number> {
  return (await syncDirectory(fs, db)) + (await syncExpertise(fs, db));
}

/** The directory: changed shards since the cursor, flattened into the people table. Resolves to the reads billed. */
export async function syncDirectory(fs: Firestore, db: PrikbordDb): Promise<number> {
  const cursor = await db.syncCursors.get('directoryShards');
  const snap = await readAfter(fs, paths.directoryShards(), cursor);
  if (snap.empty) return 1; // Firestore bills an empty result as one read.
  const shards: ShardSnapshot[] = snap.docs.map((d) => ({
    id: d.id,
    updatedAt: (d.get('updatedAt') as Timestamp).toMillis(),
    people: entriesFromShard(d.data()),
  }));
  await applyShards(db, shards, cursorAt('directoryShards', snap), { first: !cursor });
  return snap.size;
}

/** The expertise index: changed evidence documents since the cursor. Resolves to the reads billed. */
export async function syncExpertise(fs: Firestore, db: PrikbordDb): Promise<number> {
  const snap = await readAfter(fs, paths.expertise(), await db.syncCursors.get('expertise'));
  if (snap.empty) return 1;
  await db.transaction('rw', db.evidence, db.syncCursors, async () => {
    await db.evidence.bulkPut(snap.docs.map((d) => evidenceFromDoc(d.id, d.data())));
    await db.syncCursors.put(cursorAt('expertise', snap));
  });
  return snap.size;
}

/** The cursor after a non-empty delta: the last document's (updatedAt, id). */
function cursorAt(id: SyncCursor['id'], snap: QuerySnapshot): SyncCursor {
  const lastDoc = snap.docs[snap.docs.length - 1]!;
  const last = lastDoc.get('updatedAt') as Timestamp;
  return { id, seconds: last.seconds, nanoseconds: last.nanoseconds, docId: lastDoc.id };
}

function readAfter(fs: Firestore, path: string, cursor: SyncCursor | undefined): Promise<QuerySnapshot> {
  const ref = collection(fs, path);
  const ordered = [orderBy('updatedAt'), orderBy(documentId())] as const;
  return getDocs(cursor ? query(ref, ...ordered, startAfter(new Timestamp(cursor.seconds, cursor.nanoseconds), cursor.docId ?? '')) : query(ref, ...ordered));
}
