// Builds the directory shards (`directoryShards/*`, lib/core/directory-shards.ts) from the profiles
// and the evidence copies.
//
//   npm run directory:shards        first every person's evidence copy from expertise/*
//                                   (functions/src/evidence-feed.ts: backfillEvidenceCopies), then
//                                   every profile and copy → every shard, with the Admin SDK
//                                   (functions/src/directory-shards.ts: rebuildDirectoryShards);
//                                   against the emulators when FIRESTORE_EMULATOR_HOST is set, else
//                                   the project of GOOGLE_CLOUD_PROJECT with application default credentials.
//
// The scheduled refresh keeps the shards close behind the profiles and evidence without it; run it
// after deploying this version (evidence recorded before has no copy yet) and after deleting
// profiles (a feed cannot see a deletion). putShardsOverRest writes shards as the bench builds them,
// over the Firestore emulator's REST API as its owner.
import { pathToFileURL } from 'node:url';
import { currentOrg, takeOrgOption } from './org/org-file';
import type { DirectoryEntry } from '../lib/core/directory-shards';
import type { EvidencePage } from '../lib/core/rows';
import { paths } from '../lib/core/paths';

type RestValue = Record<string, unknown>;

/** Plain JS as a REST value (what shard documents hold). */
export function restValue(v: unknown): RestValue {
  if (v === null || v === undefined) return { nullValue: null };
  if (Array.isArray(v)) return { arrayValue: { values: v.map(restValue) } };
  if (v instanceof Date) return { timestampValue: v.toISOString() };
  if (typeof v === 'number') return Number.isInteger(v) ? { integerValue: String(v) } : { doubleValue: v };
  if (typeof v === 'boolean') return { booleanValue: v };
  if (typeof v === 'object') return { mapValue: { fields: Object.fromEntries(Object.entries(v).map(([k, x]) => [k, restValue(x)])) } };
  return { stringValue: String(v) };
}

/**
 * The batchWrite writes that store these shards whole (people, and `evidence`: uid → capped pages,
 * empty when not given), each covering the server's time of the write (the bench writes every
 * profile and evidence document before its shards).
 */
export function shardRestWrites(documents: string, shards: Map<string, DirectoryEntry[]>, evidence?: Map<string, Map<string, EvidencePage[]>>): unknown[] {
  return [...shards].map(([id, people]) => ({
    update: {
      name: `${documents}/${paths.directoryShard(id)}`,
      fields: { people: restValue(people), evidence: restValue(Object.fromEntries(evidence?.get(id) ?? [])) },
    },
    updateTransforms: [{ fieldPath: 'coveredAt', setToServerValue: 'REQUEST_TIME' }],
  }));
}

/** Writes every shard over the emulator's REST API as its owner (8 shards a request: each ≤ 1 MiB). */
export async function putShardsOverRest(
  firestoreUrl: string,
  projectId: string,
  shards: Map<string, DirectoryEntry[]>,
  evidence?: Map<string, Map<string, EvidencePage[]>>,
): Promise<void> {
  const documents = `projects/${projectId}/databases/(default)/documents`;
  const writes = shardRestWrites(documents, shards, evidence);
  for (let i = 0; i < writes.length; i += 8) {
    const res = await fetch(`${firestoreUrl}/v1/${documents}:batchWrite`, {
      method: 'POST',
      headers: { Authorization: 'Bearer owner', 'Content-Type': 'application/json' },
      body: JSON.stringify({ writes: writes.slice(i, i + 8) }),
    });
    if (!res.ok) throw new Error(`directory shards: batchWrite ${res.status} ${await res.text()}`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  takeOrgOption(process.argv.slice(2));
  // The Admin SDK finds the emulator through FIRESTORE_EMULATOR_HOST; it needs a project id either way.
  process.env.GCLOUD_PROJECT ??= process.env.GOOGLE_CLOUD_PROJECT ?? currentOrg().firebase.projectId;
  const { rebuildDirectoryShards } = await import('../functions/src/directory-shards');
  const { backfillEvidenceCopies } = await import('../functions/src/evidence-feed');
  const { db } = await import('../functions/src/admin');
  const started = Date.now();
  const copies = await backfillEvidenceCopies(db);
  console.log(`Evidence of ${copies.people} people checked; ${copies.written} copies brought up to date (${((Date.now() - started) / 1000).toFixed(1)} s).`);
  const result = await rebuildDirectoryShards(db);
  if (!result) throw new Error('another rebuild of the directory shards is running (directoryState/shards holds its lease): try again in 10 minutes');
  console.log(`${result.people} people in ${result.shards} shards; ${result.written} shard(s) written (${((Date.now() - started) / 1000).toFixed(1)} s).`);
}
