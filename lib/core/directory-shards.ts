// The people directory as server-built snapshots: `directoryShards/{shardId}`, each holding the
// directory rows of a few hundred people and their capped expertise evidence ({people:
// DirectoryEntry[], evidence: {[uid]: EvidencePage[]}, coveredAt}). Shards are what a browser reads
// at its FIRST sync only; every later sync reads the per-person documents changed since
// (`profiles/*` and `evidence/*`, lib/data/people/people-sync.ts), so a colleague's edit or like
// costs every reader one small document, not a shard of a few hundred people.
// `coveredAt` is the snapshot's promise: the shard reflects every change of its people's profile
// and evidence documents with updatedAt ≤ coveredAt. A first sync keeps the oldest coveredAt of
// the shards it read as its feed cursor, so nothing changed after a shard was built is missed.
// The server rebuilds shards in batches, not on every change (functions/src/directory-shards.ts).
// Pure: everything that turns profiles into shards and shards back into rows, in one place.
//
// Why shards: a first directory sync of 50,000 people read 50,000 profile documents (56 s in the
// emulator, 50,000 billed reads). With 256 shards it reads at most 256 documents, whatever the size
// of the organisation, and a repeat sync with nothing changed still reads none (1 billed read for
// the empty delta query).
//
// Shard assignment: a fixed DIRECTORY_SHARD_COUNT = 256, and a person's shard is a hash of their
// uid (FNV-1a, then murmur3's finaliser; the low byte as two hex digits, '00'…'ff'). Fixed, not
// chosen per organisation size, because every writer computes it on its own, with nothing to read
// or agree on: the rebuilds, the seed, the bench and the client (which uses it to find the people a
// shard no longer holds). A person therefore never moves
// between shards, and a growing organisation never re-shards. Changing the count would move almost
// everybody: it would need a new collection name (clients then sync it from scratch).
// The cost of a fixed count: a small organisation reads up to min(people, 256) documents at its
// first sync (the 41-person demo: about 40) instead of a handful.
//
// Size (Firestore's limit is 1 MiB per document, counted as in firestoreBytes below): at 50,000
// people a shard holds 195 on average, the fullest about 240. A typical row is about 300 bytes
// (about 60 KB a shard); a row with every field at the limit the rules allow (20 skills of 40
// characters, 8 languages, 4 department levels of 80, every role, …) is about 1.9 KB, so even the
// fullest shard of such rows (about 450 KB) fits. Typical rows would fit up to about 3,000 a shard
// (some 750,000 people); rows at the limit up to about 540 a shard (some 130,000 people). Evidence
// adds at most 1,280 bytes a person (lib/core/shard-evidence.ts): the fullest shard of rows at the
// limit, everyone at the evidence cap, is still about 810 KB.
// buildShards refuses to make a shard over the limit rather than let a write fail half-way
// (tests/unit/directory-shards.test.ts checks the fullest shard at 50,000).
//
// An entry holds exactly what the directory shows (PersonRow's fields) and the labels (level,
// active, roles); not the profile's updatedAt, so rewriting a profile without changing what the
// directory shows changes no shard (the rebuilds compare shards and skip identical ones).
// Over 250 lines on purpose: the shard format, its size limit, building and applying are one concept.
import { personFromDoc } from './codecs';
import type { Roles } from './membership';
import type { EvidencePage, PersonRow } from './rows';

export const DIRECTORY_SHARD_COUNT = 256;
/** Firestore's maximum document size. */
export const MAX_DOCUMENT_BYTES = 1_048_576;

/** The profile fields a directory entry is made of (a builder reading profiles needs no others). */
export const DIRECTORY_FIELDS = [
  'displayName',
  'department',
  'departmentPath',
  'jobTitle',
  'location',
  'languages',
  'skills',
  'optOut',
  'level',
  'active',
  'roles',
] as const;

/** One person's row in a shard. Field names are the profile's, so one decoder reads both. */
export interface DirectoryEntry {
  uid: string;
  displayName: string;
  departmentPath: string[];
  jobTitle: string;
  location: string;
  languages: string[];
  skills: string[];
  optOut: boolean;
  /** Place in the hierarchy, 1 = top; null when the directory does not say. */
  level: number | null;
  /** False for a leaver (kept, so their old comments still have a card). */
  active: boolean;
  /** The roles colleagues see as labels. */
  roles: Roles;
}

/** A person as the client keeps them in Dexie: the directory row and the labels. */
export type DirectoryPersonRow = PersonRow & Pick<DirectoryEntry, 'level' | 'active' | 'roles'>;

/** The shard a person belongs to: '00'…'ff'. Stable: depends on the uid only. */
export function shardIdOf(uid: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < uid.length; i++) {
    h ^= uid.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  // murmur3's finaliser, so the low byte depends on every character.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return ((h >>> 0) % DIRECTORY_SHARD_COUNT).toString(16).padStart(2, '0');
}

const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

/** Only the role labels the organisation knows, in their documented shapes (anything else is dropped). */
export function rolesFrom(value: unknown): Roles {
  if (typeof value !== 'object' || value === null) return {};
  const v = value as Record<string, unknown>;
  const roles: Roles = {};
  if (v.admin === true) roles.admin = true;
  if (v.comms === true) roles.comms = true;
  if (v.moderator === true) roles.moderator = true;
  else if (isStringList(v.moderator)) roles.moderator = v.moderator.slice(0, 50);
  if (isStringList(v.communityManager)) roles.communityManager = v.communityManager.slice(0, 50);
  if (v.ambassador === true) roles.ambassador = true;
  if (v.leader === true) roles.leader = true;
  return roles;
}

/** A profile document (or a shard's entry: same field names) as a directory entry, read defensively. */
export function entryFromProfile(uid: string, data: Record<string, unknown>): DirectoryEntry {
  const { updatedAt: _ignored, ...row } = personFromDoc(uid, data);
  const level = typeof data.level === 'number' && Number.isInteger(data.level) && data.level >= 1 ? data.level : null;
  return { ...row, level, active: data.active !== false, roles: rolesFrom(data.roles) };
}

/** The entries of a shard document; entries without a uid are skipped. */
export function entriesFromShard(data: Record<string, unknown>): DirectoryEntry[] {
  const people = Array.isArray(data.people) ? (data.people as unknown[]) : [];
  const out: DirectoryEntry[] = [];
  for (const raw of people) {
    if (typeof raw !== 'object' || raw === null) continue;
    const uid = (raw as Record<string, unknown>).uid;
    if (typeof uid === 'string' && uid.length > 0) out.push(entryFromProfile(uid, raw as Record<string, unknown>));
  }
  return out;
}

/** An entry as the row the panel reads; `updatedAt` is the shard's time (epoch ms). */
export function rowFromEntry(entry: DirectoryEntry, updatedAt: number): DirectoryPersonRow {
  return { ...entry, updatedAt };
}

/** JSON with object keys sorted: equal for equal entries, whatever order a map came back in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    typeof v === 'object' && v !== null && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

export function sameEntry(a: DirectoryEntry, b: DirectoryEntry): boolean {
  return canonical(a) === canonical(b);
}

/** Two shard contents hold the same entries (both sorted by uid, as every writer keeps them). */
export function sameEntries(a: DirectoryEntry[], b: DirectoryEntry[]): boolean {
  return a.length === b.length && canonical(a) === canonical(b);
}

const byUid = (a: DirectoryEntry, b: DirectoryEntry) => (a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0);

/** The shard's entries with `entry` added or replaced (sorted by uid), or null when it is already there as it is. */
export function withEntry(people: DirectoryEntry[], entry: DirectoryEntry): DirectoryEntry[] | null {
  const at = people.findIndex((p) => p.uid === entry.uid);
  if (at >= 0 && sameEntry(people[at]!, entry)) return null;
  const next = at >= 0 ? people.map((p, i) => (i === at ? entry : p)) : [...people, entry];
  return next.sort(byUid);
}

/** Groups entries into shards (only shards with people), each sorted by uid. Throws if one would exceed 1 MiB. */
export function buildShards(entries: Iterable<DirectoryEntry>): Map<string, DirectoryEntry[]> {
  const shards = new Map<string, DirectoryEntry[]>();
  for (const entry of entries) {
    const id = shardIdOf(entry.uid);
    const list = shards.get(id);
    if (list) list.push(entry);
    else shards.set(id, [entry]);
  }
  for (const [id, list] of shards) {
    list.sort(byUid);
    const bytes = shardBytes(id, list);
    if (bytes > MAX_DOCUMENT_BYTES)
      throw new Error(`directory shard ${id} would be ${bytes} bytes (limit ${MAX_DOCUMENT_BYTES}): too many people for ${DIRECTORY_SHARD_COUNT} shards`);
  }
  return shards;
}

/** A shard's content: its people (sorted by uid) and their capped evidence. */
export interface ShardContent {
  people: DirectoryEntry[];
  evidence: ReadonlyMap<string, EvidencePage[]>;
}

/**
 * Every shard with its people and their evidence (`evidence`: uid → capped pages; people not in the
 * directory any more are left out). Throws if a shard would exceed 1 MiB.
 */
export function buildShardContents(entries: Iterable<DirectoryEntry>, evidence: ReadonlyMap<string, EvidencePage[]>): Map<string, ShardContent> {
  const out = new Map<string, ShardContent>();
  for (const [id, people] of buildShards(entries)) {
    const own = new Map<string, EvidencePage[]>();
    for (const p of people) {
      const pages = evidence.get(p.uid);
      if (pages && pages.length > 0) own.set(p.uid, pages);
    }
    const bytes = shardBytes(id, people, own);
    if (bytes > MAX_DOCUMENT_BYTES) throw new Error(`directory shard ${id} would be ${bytes} bytes with evidence (limit ${MAX_DOCUMENT_BYTES})`);
    out.set(id, { people, evidence: own });
  }
  return out;
}

/** Two shard contents say the same (people as sameEntries; evidence by uid, whatever the map order). */
export function sameShard(a: ShardContent, b: ShardContent): boolean {
  const ev = (m: ReadonlyMap<string, EvidencePage[]>) => canonical(Object.fromEntries([...m].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))));
  return sameEntries(a.people, b.people) && ev(a.evidence) === ev(b.evidence);
}

/**
 * What needs writing to make the stored shards equal the built ones: changed or new shards, and
 * stored shards that no longer hold anybody (written empty, not deleted, so a first sync finds
 * every shard id it knows). Unchanged shards need only their coveredAt moved.
 */
export function shardWrites(built: Map<string, ShardContent>, stored: Map<string, ShardContent>): Map<string, ShardContent> {
  const writes = new Map<string, ShardContent>();
  for (const [id, content] of built) {
    const before = stored.get(id);
    if (!before || !sameShard(before, content)) writes.set(id, content);
  }
  for (const [id, before] of stored)
    if (!built.has(id) && (before.people.length > 0 || before.evidence.size > 0)) writes.set(id, { people: [], evidence: new Map() });
  return writes;
}

// ---------- applying shards on the client ----------

/**
 * A shard as the client read it: its id, the time it covers (coveredAt, epoch ms; 0 for a shard
 * written before shards carried it), its entries and its people's evidence (lib/core/shard-evidence.ts).
 */
export interface ShardSnapshot {
  id: string;
  updatedAt: number;
  people: DirectoryEntry[];
  evidence: Map<string, EvidencePage[]>;
}

/**
 * What a batch of changed shards does to the local people table. `local` holds the local rows'
 * times, at least for every uid of the batch's shards (by shardIdOf) and every uid the shards name.
 *  - every entry is put, as of its shard's time;
 *  - a local row of one of these shards that none of them holds any more is removed (the person
 *    left the directory);
 *  - except a local row newer than its shard: the signed-in person's own profile just saved, or a
 *    row the change feed brought (newer than the snapshot), is kept: the feed after the snapshot
 *    brings whatever changed since.
 */
export function planShardRows(shards: ShardSnapshot[], local: ReadonlyMap<string, number>): { put: DirectoryPersonRow[]; remove: string[] } {
  const put: DirectoryPersonRow[] = [];
  const held = new Set<string>();
  const shardTime = new Map<string, number>();
  for (const shard of shards) {
    shardTime.set(shard.id, shard.updatedAt);
    for (const entry of shard.people) {
      held.add(entry.uid);
      const mine = local.get(entry.uid);
      if (mine === undefined || mine <= shard.updatedAt) put.push(rowFromEntry(entry, shard.updatedAt));
    }
  }
  const remove: string[] = [];
  for (const [uid, updatedAt] of local) {
    if (held.has(uid)) continue;
    const at = shardTime.get(shardIdOf(uid));
    if (at !== undefined && updatedAt <= at) remove.push(uid);
  }
  return { put, remove };
}

// ---------- document size (Firestore's storage size rules) ----------

const ASCII = /^[ -~]*$/; // printable ASCII: one byte each (control characters take the slow path)
/** UTF-8 length without encoding (a rebuild measures every string of 50,000 people). */
function utf8(s: string): number {
  if (ASCII.test(s)) return s.length;
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      i++; // a surrogate pair: 2 code units, 4 bytes
      n += 2;
    } else if (c >= 0x800) n += 2;
    else if (c >= 0x80) n += 1;
  }
  return n;
}

/** A value's size as Firestore counts it: strings UTF-8 + 1, numbers and times 8, booleans and null 1, maps their keys + values. */
export function firestoreBytes(value: unknown): number {
  if (value === null || value === undefined || typeof value === 'boolean') return 1;
  if (typeof value === 'number' || value instanceof Date) return 8;
  if (typeof value === 'string') return utf8(value) + 1;
  if (Array.isArray(value)) return value.reduce((n: number, v) => n + firestoreBytes(v), 0);
  if (typeof value === 'object') return Object.entries(value).reduce((n, [k, v]) => n + utf8(k) + 1 + firestoreBytes(v), 0);
  return 8;
}

/** A shard document's size: its name, its fields ({people, evidence, coveredAt}) and the 32 bytes of overhead. */
export function shardBytes(shardId: string, people: DirectoryEntry[], evidence: ReadonlyMap<string, EvidencePage[]> = new Map()): number {
  const name = ['directoryShards', shardId].reduce((n, s) => n + utf8(s) + 1, 16);
  return name + firestoreBytes({ people, evidence: Object.fromEntries(evidence), coveredAt: 0 }) + 32;
}
