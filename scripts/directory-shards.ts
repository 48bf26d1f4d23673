// Builds the directory shards (`directoryShards/*`, lib/core/directory-shards.ts) from the profiles.
//
//   npm run directory:shards        every profile → every shard, with the Admin SDK
//                                   (functions/src/directory-shards.ts: rebuildDirectoryShards);
//                                   against the emulators when FIRESTORE_EMULATOR_HOST is set, else
//                                   the project of GOOGLE_CLOUD_PROJECT with application default credentials.
//
// Run it after anything that creates profiles in bulk (profile creations are not triggers, see
// functions/src/directory-shards.ts). writeDirectoryShardsOverRest is the same build for the demo
// seed: over the Firestore emulator's REST API as its owner, like the rest of scripts/seed.ts.
import { pathToFileURL } from 'node:url';
import { currentOrg, takeOrgOption } from './org/org-file';
import { DEMO_PORTS } from '../demo/ports';
import { buildShards, entryFromProfile, type DirectoryEntry } from '../lib/core/directory-shards';
import { paths } from '../lib/core/paths';

type RestValue = Record<string, unknown>;

/** A REST value as plain JS (what profile documents hold). */
function plain(value: RestValue): unknown {
  if ('stringValue' in value) return value.stringValue;
  if ('integerValue' in value) return Number(value.integerValue);
  if ('doubleValue' in value) return Number(value.doubleValue);
  if ('booleanValue' in value) return value.booleanValue;
  if ('arrayValue' in value) return ((value.arrayValue as { values?: RestValue[] }).values ?? []).map(plain);
  if ('mapValue' in value) return fieldsOf((value.mapValue as { fields?: Record<string, RestValue> }).fields);
  return null;
}
const fieldsOf = (raw: Record<string, RestValue> | undefined) => Object.fromEntries(Object.entries(raw ?? {}).map(([k, v]) => [k, plain(v)]));

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

/** The batchWrite writes that store these shards, each stamped with the server's time of the write. */
export function shardRestWrites(documents: string, shards: Map<string, DirectoryEntry[]>): unknown[] {
  return [...shards].map(([id, people]) => ({
    update: { name: `${documents}/${paths.directoryShard(id)}`, fields: { people: restValue(people) } },
    updateTransforms: [{ fieldPath: 'updatedAt', setToServerValue: 'REQUEST_TIME' }],
  }));
}

/** Writes every shard over the emulator's REST API as its owner (8 shards a request: each ≤ 1 MiB). */
export async function putShardsOverRest(firestoreUrl: string, projectId: string, shards: Map<string, DirectoryEntry[]>): Promise<void> {
  const documents = `projects/${projectId}/databases/(default)/documents`;
  const writes = shardRestWrites(documents, shards);
  for (let i = 0; i < writes.length; i += 8) {
    const res = await fetch(`${firestoreUrl}/v1/${documents}:batchWrite`, {
      method: 'POST',
      headers: { Authorization: 'Bearer owner', 'Content-Type': 'application/json' },
      body: JSON.stringify({ writes: writes.slice(i, i + 8) }),
    });
    if (!res.ok) throw new Error(`directory shards: batchWrite ${res.status} ${await res.text()}`);
  }
}

/** Reads every profile from the emulator (REST, as owner), builds the shards and writes them. Resolves to the number of shards. */
export async function writeDirectoryShardsOverRest(
  firestoreUrl = `http://${process.env.FIRESTORE_EMULATOR_HOST ?? `127.0.0.1:${DEMO_PORTS.firestore}`}`,
  projectId = currentOrg().firebase.projectId,
): Promise<number> {
  const entries: DirectoryEntry[] = [];
  let pageToken = '';
  do {
    const url = `${firestoreUrl}/v1/projects/${projectId}/databases/(default)/documents/${paths.profiles()}?pageSize=300${pageToken ? `&pageToken=${pageToken}` : ''}`;
    const res = await fetch(url, { headers: { Authorization: 'Bearer owner' } });
    if (!res.ok) throw new Error(`directory shards: list profiles ${res.status} ${await res.text()}`);
    const body = (await res.json()) as { documents?: Array<{ name: string; fields?: Record<string, RestValue> }>; nextPageToken?: string };
    for (const d of body.documents ?? []) entries.push(entryFromProfile(d.name.split('/').pop()!, fieldsOf(d.fields)));
    pageToken = body.nextPageToken ?? '';
  } while (pageToken);
  const shards = buildShards(entries);
  await putShardsOverRest(firestoreUrl, projectId, shards);
  return shards.size;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  takeOrgOption(process.argv.slice(2));
  // The Admin SDK finds the emulator through FIRESTORE_EMULATOR_HOST; it needs a project id either way.
  process.env.GCLOUD_PROJECT ??= process.env.GOOGLE_CLOUD_PROJECT ?? currentOrg().firebase.projectId;
  const { rebuildDirectoryShards } = await import('../functions/src/directory-shards');
  const { db } = await import('../functions/src/admin');
  const started = Date.now();
  const result = await rebuildDirectoryShards(db);
  console.log(`${result.people} people in ${result.shards} shards; ${result.written} shard(s) written (${((Date.now() - started) / 1000).toFixed(1)} s).`);
}
