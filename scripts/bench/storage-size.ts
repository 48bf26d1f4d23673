// How many bytes Firestore bills a document for: the document itself and the entries of its
// automatic single-field indexes (and of our composite indexes), as "Storage size calculations"
// (cloud.google.com/firestore/docs/storage-size) counts them. Pure; used by the cost bench
// (scripts/bench/cost.ts) for the bytes each kind of action adds, tested in tests/unit/cost-model.test.ts.
//
// - A string is its UTF-8 bytes + 1; booleans and null 1; numbers and timestamps 8; an array the
//   sum of its values; a map the sum of its keys (as strings) and values.
// - A document name is the sum of its collection and document ids (as strings) + 16.
// - A document is its name + its fields (name as string + value) + 32.
// - Automatic indexing (no exemptions in firebase/firestore.indexes.json): every field that is not
//   an array or a map, also inside maps, has an ascending and a descending index; every array an
//   array-contains index with one entry per distinct value. A single-field entry of collection scope
//   is the document's name + its parent document's name + the field path (as a string) + the value + 32.
// - A composite index entry: the document's name + its parent's name + the indexed values + 32.
// Index entries of collection-group indexes and the 1,500-byte truncation of long indexed values
// are left out: neither applies to more than a handful of our fields.

/** Firestore's byte count of a string: UTF-8 bytes + 1. */
export const stringBytes = (s: string) => Buffer.byteLength(s, 'utf8') + 1;

/** Size of a document name given its path ("pages/p_1/comments/c_1"): ids as strings + 16; 0 for the database root. */
export function nameBytes(path: string): number {
  if (path === '') return 0;
  return path.split('/').reduce((n, id) => n + stringBytes(id), 0) + 16;
}

const isTimestamp = (v: object): boolean => 'seconds' in v && 'nanoseconds' in v && typeof (v as { toMillis?: unknown }).toMillis === 'function';
const isGeoPoint = (v: object): boolean => 'latitude' in v && 'longitude' in v;
const isReference = (v: object): boolean => typeof (v as { path?: unknown }).path === 'string' && 'firestore' in v;

/** Size of one field value, by type. */
export function valueBytes(value: unknown): number {
  if (value === null || value === undefined || typeof value === 'boolean') return 1;
  if (typeof value === 'number' || typeof value === 'bigint' || value instanceof Date) return 8;
  if (typeof value === 'string') return stringBytes(value);
  if (value instanceof Uint8Array) return value.byteLength;
  if (Array.isArray(value)) return value.reduce((n: number, v) => n + valueBytes(v), 0);
  if (typeof value === 'object') {
    if (isTimestamp(value)) return 8;
    if (isGeoPoint(value)) return 16;
    if (isReference(value)) return nameBytes((value as { path: string }).path);
    return Object.entries(value).reduce((n, [k, v]) => n + stringBytes(k) + valueBytes(v), 0);
  }
  return 0;
}

/** The stored size of the document itself (no index entries). */
export function documentBytes(path: string, data: Record<string, unknown>): number {
  return nameBytes(path) + valueBytes(data) + 32;
}

const isMap = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' &&
  v !== null &&
  !Array.isArray(v) &&
  !(v instanceof Date) &&
  !(v instanceof Uint8Array) &&
  !isTimestamp(v) &&
  !isGeoPoint(v) &&
  !isReference(v);

/** A composite index: the collection it applies to (last collection id of the path) and its fields. */
export interface CompositeIndex {
  collectionGroup: string;
  fields: string[];
}

/** The stored size of the document's index entries (automatic single-field indexes, and `composites`). */
export function indexBytes(path: string, data: Record<string, unknown>, composites: CompositeIndex[] = []): number {
  const ids = path.split('/');
  const base = nameBytes(path) + nameBytes(ids.slice(0, -2).join('/')) + 32;
  let total = 0;
  const walk = (prefix: string, fields: Record<string, unknown>) => {
    for (const [key, value] of Object.entries(fields)) {
      const fieldPath = prefix ? `${prefix}.${key}` : key;
      if (isMap(value)) walk(fieldPath, value);
      else if (Array.isArray(value)) {
        const distinct = new Map(value.map((v) => [JSON.stringify(v), v]));
        for (const v of distinct.values()) total += base + stringBytes(fieldPath) + valueBytes(v);
      } else total += 2 * (base + stringBytes(fieldPath) + valueBytes(value));
    }
  };
  walk('', data);
  const collection = ids[ids.length - 2];
  for (const index of composites) {
    if (index.collectionGroup !== collection || !index.fields.every((f) => f in data)) continue;
    total += base + index.fields.reduce((n, f) => n + valueBytes(data[f]), 0);
  }
  return total;
}

/** Document + index entries: what the document adds to the storage bill. */
export function storedBytes(path: string, data: Record<string, unknown> | undefined, composites: CompositeIndex[] = []): number {
  return data ? documentBytes(path, data) + indexBytes(path, data, composites) : 0;
}
