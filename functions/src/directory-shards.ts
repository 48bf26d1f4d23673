// Keeps the directory shards (`directoryShards/{shardId}`, lib/core/directory-shards.ts) — the
// snapshot a browser reads at its first sync — close behind the per-person documents every later
// sync reads (`profiles/*`, `evidence/*`: lib/core/people-sync-plan.ts).
//
// Shards are rebuilt in batches, never per change: a like, a profile edit or a newcomer writes only
// their own document, which is what readers who synced before read. Rewriting a shard on each of
// them cost nothing in reads as long as no reader re-read shards, but it fanned out one invocation
// and one transaction per change; batching does the same work a few times a day.
//  - refreshDirectoryShards (every 15 minutes, directoryShardsRefresh below): counts the documents
//    changed since the shards' coveredAt (2 aggregation reads); from REBUILD_AFTER_CHANGES of them
//    on, or a day after the last rebuild when anything changed, folds exactly those documents into
//    their shards (reads them, and each shard they touch) and moves every shard's coveredAt.
//  - rebuildDirectoryShards (`npm run directory:shards`, the seed, after bulk writes): reads every
//    profile and evidence document and writes the shards that differ. The only one that takes a
//    deleted profile out (a feed cannot see a deletion; only administrators delete profiles).
//
// coveredAt, the promise a first sync relies on: "this shard reflects every change of its people's
// documents with updatedAt ≤ coveredAt". A rebuild sets it to the readTime of its FIRST read of
// the documents: every change committed later carries a later updatedAt (a server timestamp is the
// commit time), so the feed after coveredAt brings it; everything before, the rebuild read. A
// shard no change touched is moved to the new coveredAt without rewriting its people.
// One rebuild at a time (a lease in `directoryState/shards`, server only): two interleaved rebuilds
// could move a shard's coveredAt past a change only the other had read.
import { FieldPath, FieldValue, Timestamp, type Firestore, type Query } from 'firebase-admin/firestore';
import { onSchedule } from 'firebase-functions/v2/scheduler';
import { randomUUID } from 'node:crypto';
import {
  buildShardContents,
  DIRECTORY_FIELDS,
  entriesFromShard,
  entryFromProfile,
  shardIdOf,
  shardWrites,
  withEntry,
  type DirectoryEntry,
  type ShardContent,
} from '../../lib/core/directory-shards';
import { paths } from '../../lib/core/paths';
import { shouldRebuildShards } from '../../lib/core/people-sync-plan';
import type { EvidencePage } from '../../lib/core/rows';
import { evidenceFromFeedDoc, evidenceFromShard } from '../../lib/core/shard-evidence';
import { db } from './admin';

const PAGE = 1000;
/** Shards per batch: each is at most 1 MiB, a commit at most 10 MiB. */
const SHARDS_PER_BATCH = 8;
/** From this many changes on, a refresh rebuilds from every document instead of folding in the changes. */
const FULL_REBUILD_AFTER_CHANGES = 5000;
/** Longer than a rebuild may run (the scheduled function's timeout is 300 s). */
const LEASE_MS = 10 * 60_000;

/** A shard document: people, their evidence (uid → pages) and what it covers. */
const shardDoc = (content: ShardContent, coveredAt: Timestamp) => ({
  people: content.people,
  evidence: Object.fromEntries(content.evidence),
  coveredAt,
});

const contentOf = (data: Record<string, unknown>): ShardContent => ({ people: entriesFromShard(data), evidence: evidenceFromShard(data) });

/** Runs `work` holding the rebuild lease; resolves to null (nothing done) while another rebuild holds it. */
async function withLease<T>(firestore: Firestore, work: (coveredAt: Timestamp | null, shardIds: string[]) => Promise<T>): Promise<T | null> {
  const ref = firestore.doc(paths.directoryShardsState());
  const token = randomUUID();
  const state = await firestore.runTransaction(async (tx) => {
    const snap = await tx.get(ref);
    const until = snap.get('leaseUntil') as Timestamp | undefined;
    if (until && until.toMillis() > Date.now()) return null;
    tx.set(ref, { leaseUntil: Timestamp.fromMillis(Date.now() + LEASE_MS), leaseToken: token }, { merge: true });
    const ids = snap.get('shardIds') as unknown;
    return { coveredAt: (snap.get('coveredAt') as Timestamp | undefined) ?? null, shardIds: Array.isArray(ids) ? ids.map(String) : [] };
  });
  if (!state) return null;
  try {
    return await work(state.coveredAt, state.shardIds);
  } finally {
    await firestore.runTransaction(async (tx) => {
      const snap = await tx.get(ref);
      if (snap.get('leaseToken') === token) tx.update(ref, { leaseUntil: FieldValue.delete(), leaseToken: FieldValue.delete() });
    });
  }
}

/**
 * Writes the changed shards whole and moves every other known shard's coveredAt, then records the
 * new coveredAt and the shard ids. Changed shards go first: coveredAt only ever moves with (or after)
 * the content it vouches for.
 */
async function commitShards(firestore: Firestore, changed: Map<string, ShardContent>, others: Iterable<string>, coveredAt: Timestamp): Promise<void> {
  const writes = [...changed];
  for (let i = 0; i < writes.length; i += SHARDS_PER_BATCH) {
    const batch = firestore.batch();
    for (const [id, content] of writes.slice(i, i + SHARDS_PER_BATCH)) batch.set(firestore.doc(paths.directoryShard(id)), shardDoc(content, coveredAt));
    await batch.commit();
  }
  const moved = [...others].filter((id) => !changed.has(id));
  for (let i = 0; i < moved.length; i += 400) {
    const batch = firestore.batch();
    for (const id of moved.slice(i, i + 400)) batch.update(firestore.doc(paths.directoryShard(id)), { coveredAt });
    await batch.commit();
  }
  const ids = [...new Set([...changed.keys(), ...moved])].sort();
  await firestore.doc(paths.directoryShardsState()).set({ coveredAt, shardIds: ids }, { merge: true });
}

/** Every document of a query, in pages by id (only `fields`, if given); and the first page's readTime. */
async function readAll(base: Query, fields?: readonly string[]): Promise<{ docs: FirebaseFirestore.QueryDocumentSnapshot[]; readTime: Timestamp }> {
  const docs: FirebaseFirestore.QueryDocumentSnapshot[] = [];
  let readTime: Timestamp | undefined;
  let after: string | undefined;
  for (;;) {
    let q = base.orderBy(FieldPath.documentId()).limit(PAGE);
    if (fields) q = q.select(...fields);
    if (after !== undefined) q = q.startAfter(after);
    const snap = await q.get();
    readTime ??= snap.readTime;
    docs.push(...snap.docs);
    if (snap.size < PAGE) return { docs, readTime };
    after = snap.docs[snap.docs.length - 1]!.id;
  }
}

/**
 * Builds every shard from every profile and evidence document and writes those that differ (shards
 * left without anybody are written empty); every shard's coveredAt moves to the time of the first
 * read. Resolves to null when another rebuild holds the lease.
 */
export async function rebuildDirectoryShards(firestore: Firestore): Promise<{ people: number; shards: number; written: number } | null> {
  return withLease(firestore, async () => {
    // Profiles first: the first page's readTime is what every shard will cover.
    const profiles = await readAll(firestore.collection(paths.profiles()), DIRECTORY_FIELDS);
    const evidenceDocs = await readAll(firestore.collection(paths.evidence()));
    const entries: DirectoryEntry[] = profiles.docs.map((d) => entryFromProfile(d.id, d.data()));
    const evidence = new Map<string, EvidencePage[]>(evidenceDocs.docs.map((d) => [d.id, evidenceFromFeedDoc(d.data())]));
    const built = buildShardContents(entries, evidence);
    const stored = new Map((await firestore.collection(paths.directoryShards()).get()).docs.map((d) => [d.id, contentOf(d.data())]));
    const changed = shardWrites(built, stored);
    await commitShards(firestore, changed, stored.keys(), profiles.readTime);
    return { people: entries.length, shards: built.size, written: changed.size };
  });
}

/** What a refresh did: nothing (too few changes, or another rebuild running), or the shards it rewrote. */
export interface RefreshResult {
  changes: number;
  rebuilt: boolean;
  written: number;
}

/**
 * Folds the documents changed since the shards' coveredAt into their shards, when enough changed
 * (lib/core/people-sync-plan.ts shouldRebuildShards) or `force`. Without a coveredAt yet (shards
 * never built), a full rebuild.
 */
export async function refreshDirectoryShards(firestore: Firestore, { force = false, now = Date.now() } = {}): Promise<RefreshResult> {
  const state = await firestore.doc(paths.directoryShardsState()).get();
  const since = state.get('coveredAt') as Timestamp | undefined;
  if (!since) {
    const full = await rebuildDirectoryShards(firestore);
    return { changes: full?.people ?? 0, rebuilt: full !== null, written: full?.written ?? 0 };
  }
  const changedSince = (path: string) => firestore.collection(path).where('updatedAt', '>', since);
  // Aggregations: one billed read per 1,000 index entries counted.
  const [profileCount, evidenceCount] = await Promise.all([changedSince(paths.profiles()).count().get(), changedSince(paths.evidence()).count().get()]);
  const changes = profileCount.data().count + evidenceCount.data().count;
  if (!force && !shouldRebuildShards(changes, since.toMillis(), now)) return { changes, rebuilt: false, written: 0 };
  // A bulk change (a large directory import) is cheaper read whole, in pages, than as one feed query.
  if (changes > FULL_REBUILD_AFTER_CHANGES) {
    const full = await rebuildDirectoryShards(firestore);
    return { changes, rebuilt: full !== null, written: full?.written ?? 0 };
  }

  const done = await withLease(firestore, async (coveredAt, shardIds) => {
    const from = coveredAt ?? since;
    const after = (path: string) => firestore.collection(path).where('updatedAt', '>', from);
    // The profiles' readTime is what the shards will cover (the first read of the documents).
    const profiles = await after(paths.profiles())
      .select(...DIRECTORY_FIELDS)
      .get();
    const evidence = await after(paths.evidence()).get();
    const touched = new Map<string, { people: DirectoryEntry[]; evidence: Map<string, EvidencePage[]> }>();
    const of = (uid: string) => {
      const id = shardIdOf(uid);
      if (!touched.has(id)) touched.set(id, { people: [], evidence: new Map() });
      return touched.get(id)!;
    };
    for (const d of profiles.docs) of(d.id).people.push(entryFromProfile(d.id, d.data()));
    for (const d of evidence.docs) of(d.id).evidence.set(d.id, evidenceFromFeedDoc(d.data()));

    const ids = [...touched.keys()];
    const snaps = ids.length > 0 ? await firestore.getAll(...ids.map((id) => firestore.doc(paths.directoryShard(id)))) : [];
    const changed = new Map<string, ShardContent>();
    snaps.forEach((snap, i) => {
      const id = ids[i]!;
      const content = contentOf(snap.data() ?? {});
      const delta = touched.get(id)!;
      let people = content.people;
      let moved = !snap.exists;
      for (const entry of delta.people) {
        const next = withEntry(people, entry);
        if (next) [people, moved] = [next, true];
      }
      const next = new Map(content.evidence);
      for (const [uid, pages] of delta.evidence) {
        if (pages.length > 0) next.set(uid, pages);
        else next.delete(uid);
      }
      if (JSON.stringify([...next].sort()) !== JSON.stringify([...content.evidence].sort())) moved = true;
      // A shard whose documents changed without anything it shows changing only moves its coveredAt.
      if (moved) changed.set(id, { people, evidence: next });
    });
    await commitShards(firestore, changed, [...shardIds, ...ids.filter((id) => !changed.has(id) && snaps[ids.indexOf(id)]!.exists)], profiles.readTime);
    return changed.size;
  });
  return { changes, rebuilt: done !== null, written: done ?? 0 };
}

/** Every 15 minutes: a rebuild when enough changed (most runs read 2 aggregations and stop). */
export const directoryShardsRefresh = onSchedule({ schedule: 'every 15 minutes', timeoutSeconds: 300, retryCount: 0 }, async () => {
  await refreshDirectoryShards(db);
});
