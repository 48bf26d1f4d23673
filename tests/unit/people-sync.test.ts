// Reading profile and expertise documents defensively (lib/data/people/people-sync.ts): whatever arrives from
// Firestore becomes a well-formed row; missing fields and counters read as empty / 0. And the
// directory shards flattened into the Dexie people table (lib/data/people/apply-shards.ts).
import { describe, expect, it } from 'vitest';
import { evidenceFromDoc, personFromDoc } from '../../lib/core/codecs';
import { buildShards, shardIdOf, type DirectoryEntry, type ShardSnapshot } from '../../lib/core/directory-shards';
import type { SyncCursor } from '../../lib/core/rows';
import { applyShards } from '../../lib/data/people/apply-shards';
import { freshDb } from '../helpers/fake-db';

const ts = (ms: number) => ({ seconds: Math.floor(ms / 1000), nanoseconds: 0, toMillis: () => ms });

describe('profiles as directory rows', () => {
  it('reads every directory field', () => {
    const row = personFromDoc('u1', {
      displayName: 'Daan Visser',
      department: 'ICT',
      departmentPath: ['Bedrijfsvoering', 'ICT'],
      jobTitle: 'Netwerkbeheerder',
      location: 'Stadskantoor',
      languages: ['nl', 'en'],
      skills: ['VPN'],
      optOut: true,
      updatedAt: ts(5000),
    });
    expect(row).toEqual({
      uid: 'u1',
      displayName: 'Daan Visser',
      departmentPath: ['Bedrijfsvoering', 'ICT'],
      jobTitle: 'Netwerkbeheerder',
      location: 'Stadskantoor',
      languages: ['nl', 'en'],
      skills: ['VPN'],
      optOut: true,
      updatedAt: 5000,
    });
  });

  it('reads a profile written before the directory fields: department becomes a one-level path, not opted out', () => {
    expect(personFromDoc('u2', { displayName: 'Anna', department: 'Communicatie' })).toMatchObject({
      departmentPath: ['Communicatie'],
      skills: [],
      optOut: false,
      updatedAt: 0,
    });
  });

  it('only a literal true opts out', () => {
    expect(personFromDoc('u3', { displayName: 'X', optOut: 'true' }).optOut).toBe(false);
  });
});

describe('expertise as evidence rows', () => {
  it('reads missing counters as 0 and drops nonsense numbers', () => {
    const row = evidenceFromDoc('u1', { pages: [{ pageId: 'p1', title: 'ICT-helpdesk', terms: ['vpn'], answers: 2, likes: -3 }], updatedAt: ts(1) });
    expect(row.pages).toEqual([{ pageId: 'p1', title: 'ICT-helpdesk', terms: ['vpn'], answers: 2, likes: 0, helpful: 0 }]);
  });

  it('reads a document without pages as no evidence', () => {
    expect(evidenceFromDoc('u1', {}).pages).toEqual([]);
  });
});

describe('directory shards flattened into the people table', () => {
  const entry = (uid: string, skills: string[] = []): DirectoryEntry => ({
    uid,
    displayName: `Person ${uid}`,
    departmentPath: ['ICT'],
    jobTitle: '',
    location: '',
    languages: [],
    skills,
    optOut: false,
    level: null,
    active: true,
    roles: {},
  });
  const snapshots = (people: DirectoryEntry[], updatedAt: number): ShardSnapshot[] =>
    [...buildShards(people)].map(([id, list]) => ({ id, updatedAt, people: list }));
  const cursor = (ms: number): SyncCursor => ({ id: 'directoryShards', seconds: Math.floor(ms / 1000), nanoseconds: 0, docId: 'ff' });
  const people = Array.from({ length: 600 }, (_, i) => entry(`u${i}`));

  it('a first sync puts everybody, with the shard time and labels, and drops the old profiles cursor', async () => {
    const db = freshDb();
    await db.syncCursors.put({ id: 'profiles', seconds: 1, nanoseconds: 0 });
    await applyShards(db, snapshots(people, 1000), cursor(1000), { first: true });
    expect(await db.people.count()).toBe(600);
    expect(await db.people.get('u7')).toEqual({ ...entry('u7'), updatedAt: 1000 });
    expect(await db.syncCursors.get('profiles')).toBeUndefined();
    expect((await db.syncCursors.get('directoryShards'))?.seconds).toBe(1);
  });

  it('a changed shard replaces its people: edits arrive, people it no longer holds go, other shards stay', async () => {
    const db = freshDb();
    await applyShards(db, snapshots(people, 1000), cursor(1000));
    const shard = shardIdOf('u7');
    const members = people.filter((p) => shardIdOf(p.uid) === shard);
    const leaver = members.find((p) => p.uid !== 'u7')!.uid;
    const next = members.filter((p) => p.uid !== leaver).map((p) => (p.uid === 'u7' ? entry('u7', ['VPN']) : p));
    await applyShards(db, [{ id: shard, updatedAt: 2000, people: next }], cursor(2000));
    expect((await db.people.get('u7'))?.skills).toEqual(['VPN']);
    expect(await db.people.get(leaver)).toBeUndefined();
    expect(await db.people.count()).toBe(599);
  });

  it("keeps the signed-in person's own row saved after the shard was written, until a newer shard brings it", async () => {
    const db = freshDb();
    await applyShards(db, snapshots(people, 1000), cursor(1000));
    await db.people.put({ ...entry('u7', ['Excel']), updatedAt: 1500 });
    const shard = shardIdOf('u7');
    const members = people.filter((p) => shardIdOf(p.uid) === shard);
    await applyShards(db, [{ id: shard, updatedAt: 1200, people: members }], cursor(1200));
    expect((await db.people.get('u7'))?.skills).toEqual(['Excel']);
    await applyShards(db, [{ id: shard, updatedAt: 1600, people: members.map((p) => (p.uid === 'u7' ? entry('u7', ['Excel']) : p)) }], cursor(1600));
    expect(await db.people.get('u7')).toMatchObject({ skills: ['Excel'], updatedAt: 1600 });
  });
});
