// Keeps `evidence/{uid}` — the capped copy of a person's expertise evidence that members read
// (lib/core/shard-evidence.ts: the cap, and why) — equal to what `expertise/{uid}` holds.
//
// Always inside a transaction that has read both the person's `expertise/{uid}` and their
// `evidence/{uid}` (in that order, so every writer takes the locks the same way round):
//  - the expertise functions' refresh (./expertise.ts refreshEvidence) writes the copy in the same
//    transaction as the expertise document it derives from, so the two never disagree;
//  - syncEvidenceCopy below copies what `expertise/{uid}` holds (the backfill, and a repair).
// The copy is written only when it changes, with updatedAt = server time: that is what a browser's
// evidence feed reads after its cursor. Evidence that is gone is written as `pages: []` rather than
// deleted (a delta query cannot see a deletion), so every browser drops it. The directory shards
// take their copy from here when they are rebuilt (./directory-shards.ts), never on each like.
import { FieldValue, type DocumentSnapshot, type Firestore, type Transaction } from 'firebase-admin/firestore';
import { paths } from '../../lib/core/paths';
import type { EvidencePage } from '../../lib/core/rows';
import { evidenceFromFeedDoc, sameShardEvidence, shardEvidenceOf } from '../../lib/core/shard-evidence';
import { storedPages } from './evidence';

/**
 * In a transaction that has read `copy` (the person's `evidence/{uid}`, after their expertise
 * document): makes it the capped copy of `pages` (all of their pages, as `expertise/{uid}` holds
 * them). Writes nothing when it already says this. Returns whether it wrote.
 */
export function putEvidenceCopy(tx: Transaction, copy: DocumentSnapshot, pages: EvidencePage[]): boolean {
  const wanted = shardEvidenceOf(pages);
  if (copy.exists ? sameShardEvidence(evidenceFromFeedDoc(copy.data() ?? {}), wanted) : wanted.length === 0) return false;
  tx.set(copy.ref, { pages: wanted, updatedAt: FieldValue.serverTimestamp() });
  return true;
}

/** Copies `expertise/{uid}` (capped) into `evidence/{uid}`. Idempotent; resolves to whether it wrote. */
export async function syncEvidenceCopy(firestore: Firestore, uid: string): Promise<boolean> {
  return firestore.runTransaction(async (tx) => {
    const [expertise, copy] = await tx.getAll(firestore.doc(`${paths.expertise()}/${uid}`), firestore.doc(paths.evidenceOf(uid)));
    return putEvidenceCopy(tx, copy!, storedPages(expertise!.data()));
  });
}

/** How many people's copies are brought up to date at a time. */
const CONCURRENCY = 16;

/**
 * Brings every `evidence/{uid}` in line with `expertise/*`: everyone with an expertise document, and
 * everyone with a copy (whose expertise document may be gone). One transaction per person; people
 * already up to date cost two reads and no write. For deployments whose evidence predates the
 * copies, and as a repair; `npm run directory:shards` runs it before rebuilding the shards.
 */
export async function backfillEvidenceCopies(firestore: Firestore): Promise<{ people: number; written: number }> {
  const [holders, copies] = await Promise.all([firestore.collection(paths.expertise()).select().get(), firestore.collection(paths.evidence()).select().get()]);
  const queue = [...new Set([...holders.docs.map((d) => d.id), ...copies.docs.map((d) => d.id)])];
  const people = queue.length;
  let written = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (let uid = queue.pop(); uid !== undefined; uid = queue.pop()) if (await syncEvidenceCopy(firestore, uid)) written++;
    }),
  );
  return { people, written };
}
