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
import type { EvidencePage, EvidenceRow, PersonRow } from '../../core/expertise';

type Data = Record<string, unknown>;

const str = (v: unknown, max = 200) => (typeof v === 'string' ? v.slice(0, max) : '');
const strList = (v: unknown, maxItems: number) => (Array.isArray(v) ? v.slice(0, maxItems).map((x) => String(x)) : []);
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? Math.floor(v) : 0);
const millis = (v: unknown) => (v && typeof (v as Timestamp).toMillis === 'function' ? (v as Timestamp).toMillis() : 0);

/** A profile document as a directory row. Missing directory fields read as empty (older profiles). */
export function personFromDoc(uid: string, data: Data): PersonRow {
  const department = str(data.department, 80);
  const path = strList(data.departmentPath, 4);
  return {
    uid,
    displayName: str(data.displayName, 80),
    departmentPath: path.length > 0 ? path : department ? [department] : [],
    jobTitle: str(data.jobTitle, 80),
    location: str(data.location, 80),
    languages: strList(data.languages, 8),
    skills: strList(data.skills, 20),
    optOut: data.optOut === true,
    updatedAt: millis(data.updatedAt),
  };
}

/** An expertise document as a row; counters read defensively (missing → 0). */
export function evidenceFromDoc(uid: string, data: Data): EvidenceRow {
  const pages: EvidencePage[] = (Array.isArray(data.pages) ? data.pages : []).slice(0, 50).map((p: Data) => ({
    pageId: str(p.pageId, 64),
    title: str(p.title, 300),
    terms: strList(p.terms, 40),
    answers: num(p.answers),
    likes: num(p.likes),
    helpful: num(p.helpful),
  }));
  return { uid, pages, updatedAt: millis(data.updatedAt) };
}

export interface SyncCursor {
  id: 'profiles' | 'expertise';
  seconds: number;
  nanoseconds: number;
  /** Id of the last document read at that time. */
  docId?: string;
}

/** One delta pass over both collections. Resolves to the number of documents read. */
export async function syncPeople(fs: Firestore, db: PrikbordDb): Promise<number> {
  let reads = 0;
  for (const name of ['profiles', 'expertise'] as const) {
    const cursor = await db.syncCursors.get(name);
    const ref = collection(fs, name);
    const ordered = [orderBy('updatedAt'), orderBy(documentId())] as const;
    const q = cursor
      ? query(ref, ...ordered, startAfter(new Timestamp(cursor.seconds, cursor.nanoseconds), cursor.docId ?? ''))
      : query(ref, ...ordered);
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
