// Brings the people directory (profiles/*) and the expertise index (expertise/*) into Dexie by
// delta sync, so search and suggestions run locally and offline. Side panel and bench.
//
// Cost model: each collection is read in (updatedAt, document id) order, starting after the last
// (updatedAt, id) seen, so a first sync reads every document once and a repeat sync with nothing
// changed reads none (Firestore bills an empty query as 1 read: 2 reads for both collections).
// The id in the cursor matters: many documents can share one updatedAt (a bulk import), and a plain
// `updatedAt >= cursor` would re-read all of them on every sync (the bench caught exactly that). A query ordered by updatedAt skips documents without it,
// so the seed and the profile editor always write updatedAt (the rules pin it to server time).
import { collection, documentId, getDocs, orderBy, query, startAfter, Timestamp, type Firestore } from 'firebase/firestore';
import type { PrikbordDb } from '../db';
import { evidenceFromDoc, personFromDoc } from '../../core/codecs';
import { paths } from '../../core/paths';

/** One delta pass over both collections. Resolves to the number of documents read. */
export async function syncPeople(fs: Firestore, db: PrikbordDb): Promise<number> {
  let reads = 0;
  for (const name of ['profiles', 'expertise'] as const) {
    const cursor = await db.syncCursors.get(name);
    const ref = collection(fs, name === 'profiles' ? paths.profiles() : paths.expertise());
    const ordered = [orderBy('updatedAt'), orderBy(documentId())] as const;
    const q = cursor ? query(ref, ...ordered, startAfter(new Timestamp(cursor.seconds, cursor.nanoseconds), cursor.docId ?? '')) : query(ref, ...ordered);
    const snap = await getDocs(q);
    // Firestore bills an empty result as one read.
    reads += Math.max(1, snap.size);
    if (snap.empty) continue;
    const lastDoc = snap.docs[snap.docs.length - 1]!;
    const last = lastDoc.get('updatedAt') as Timestamp;
    await db.transaction('rw', db.people, db.evidence, db.syncCursors, async () => {
      if (name === 'profiles') await db.people.bulkPut(snap.docs.map((d) => personFromDoc(d.id, d.data())));
      else await db.evidence.bulkPut(snap.docs.map((d) => evidenceFromDoc(d.id, d.data())));
      await db.syncCursors.put({ id: name, seconds: last.seconds, nanoseconds: last.nanoseconds, docId: lastDoc.id });
    });
  }
  return reads;
}
