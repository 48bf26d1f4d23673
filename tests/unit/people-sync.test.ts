// Reading profile and evidence data defensively (lib/core/codecs.ts): whatever arrives from
// Firestore becomes a well-formed row; missing fields and counters read as empty / 0. And the
// directory shards flattened into the Dexie people and evidence tables (lib/data/people/apply-shards.ts).
import { describe, expect, it } from 'vitest';
import { evidenceFromDoc, personFromDoc } from '../../lib/core/codecs';
import { buildShards, shardIdOf, type DirectoryEntry, type ShardSnapshot } from '../../lib/core/directory-shards';
import type { EvidencePage, SyncCursor } from '../../lib/core/rows';
import { applyEvidenceFeed, applyProfileFeed, applyShards, finishSnapshot } from '../../lib/data/people/apply-shards';
import { rowFromEntry } from '../../lib/core/directory-shards';
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

describe('evidence as rows', () => {
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
    [...buildShards(people)].map(([id, list]) => ({ id, updatedAt, people: list, evidence: new Map() }));
  const cursor = (ms: number): SyncCursor => ({ id: 'peopleSnapshot', seconds: Math.floor(ms / 1000), nanoseconds: 0, docId: 'ff', schema: 2 });
  const people = Array.from({ length: 600 }, (_, i) => entry(`u${i}`));

  it('a first sync puts everybody, with the shard time and labels, and drops the cursors of browsers from before the feed', async () => {
    const db = freshDb();
    await db.syncCursors.bulkPut([
      { id: 'profiles', seconds: 1, nanoseconds: 0 },
      { id: 'expertise', seconds: 1, nanoseconds: 0 },
      { id: 'directoryShards', seconds: 1, nanoseconds: 0, docId: '7f' },
    ]);
    await applyShards(db, snapshots(people, 1000), cursor(1000), { first: true });
    expect(await db.people.count()).toBe(600);
    expect(await db.people.get('u7')).toEqual({ ...entry('u7'), updatedAt: 1000 });
    expect((await db.syncCursors.toArray()).map((c) => c.id)).toEqual(['peopleSnapshot']);
    // The snapshot done, both feeds start at the oldest coveredAt, and the progress cursor goes.
    await finishSnapshot(db, { seconds: 1, nanoseconds: 0, docId: '', schema: 2 });
    expect((await db.syncCursors.toArray()).map((c) => c.id).sort()).toEqual(['evidenceFeed', 'profilesFeed']);
  });

  it('a snapshot over an older one: edits arrive, and at its end people no shard holds any more go (not one newer than it)', async () => {
    const db = freshDb();
    await applyShards(db, snapshots(people, 1000), cursor(1000));
    const shard = shardIdOf('u7');
    const members = people.filter((p) => shardIdOf(p.uid) === shard);
    const leaver = members.find((p) => p.uid !== 'u7')!.uid;
    const next = people.filter((p) => p.uid !== leaver).map((p) => (p.uid === 'u7' ? entry('u7', ['VPN']) : p));
    // A newcomer the feed brought after the shards were built: no shard holds them yet.
    await db.people.put({ ...entry('newcomer'), updatedAt: 2500 });
    await applyShards(db, snapshots(next, 2000), cursor(2000), { first: true });
    expect((await db.people.get('u7'))?.skills).toEqual(['VPN']);
    expect(await db.people.get(leaver)).toBeDefined(); // only the whole snapshot knows who is gone
    await finishSnapshot(db, { seconds: 2, nanoseconds: 0, docId: '', schema: 2 }, { people: new Set(next.map((p) => p.uid)), evidence: new Set() });
    expect(await db.people.get(leaver)).toBeUndefined();
    expect(await db.people.get('newcomer')).toBeDefined();
    expect(await db.people.count()).toBe(600);
  });

  it("keeps the signed-in person's own row saved after the shard was written, until a newer shard brings it", async () => {
    const db = freshDb();
    await applyShards(db, snapshots(people, 1000), cursor(1000));
    await db.people.put({ ...entry('u7', ['Excel']), updatedAt: 1500 });
    const shard = shardIdOf('u7');
    const members = people.filter((p) => shardIdOf(p.uid) === shard);
    await applyShards(db, [{ id: shard, updatedAt: 1200, people: members, evidence: new Map() }], cursor(1200));
    expect((await db.people.get('u7'))?.skills).toEqual(['Excel']);
    await applyShards(
      db,
      [{ id: shard, updatedAt: 1600, people: members.map((p) => (p.uid === 'u7' ? entry('u7', ['Excel']) : p)), evidence: new Map() }],
      cursor(1600),
    );
    expect(await db.people.get('u7')).toMatchObject({ skills: ['Excel'], updatedAt: 1600 });
  });
});

describe('evidence from the shards into the evidence table', () => {
  const entry = (uid: string): DirectoryEntry => ({
    uid,
    displayName: `Person ${uid}`,
    departmentPath: ['ICT'],
    jobTitle: '',
    location: '',
    languages: [],
    skills: [],
    optOut: false,
    level: null,
    active: true,
    roles: {},
  });
  const page = (pageId: string, helpful = 0): EvidencePage => ({ pageId, title: 'ICT-helpdesk', terms: ['vpn'], answers: 1, likes: 0, helpful });
  const cursor = (ms: number): SyncCursor => ({ id: 'peopleSnapshot', seconds: Math.floor(ms / 1000), nanoseconds: 0, docId: 'ff', schema: 2 });
  const people = Array.from({ length: 600 }, (_, i) => entry(`u${i}`));
  const shard = shardIdOf('u7');
  const members = people.filter((p) => shardIdOf(p.uid) === shard);
  const neighbour = members.find((p) => p.uid !== 'u7')!.uid;
  const other = people.find((p) => shardIdOf(p.uid) !== shard)!.uid;
  const snapshot = (id: string, updatedAt: number, evidence: Array<[string, EvidencePage[]]>) => ({
    id,
    updatedAt,
    people: people.filter((p) => shardIdOf(p.uid) === id),
    evidence: new Map(evidence),
  });

  it('a first sync puts the evidence of every shard; a later snapshot replaces it and, at its end, removes what no shard holds', async () => {
    const db = freshDb();
    await applyShards(
      db,
      [
        snapshot(shard, 1000, [
          ['u7', [page('p1')]],
          [neighbour, [page('p2')]],
        ]),
        snapshot(shardIdOf(other), 1000, [[other, [page('p3')]]]),
      ],
      cursor(1000),
      { first: true },
    );
    expect(await db.evidence.get('u7')).toEqual({ uid: 'u7', pages: [page('p1')], updatedAt: 1000 });
    expect(await db.evidence.count()).toBe(3);
    // u7's answer was marked "this helped"; the neighbour's only answer was deleted.
    const later = [snapshot(shard, 2000, [['u7', [page('p1', 1)]]]), snapshot(shardIdOf(other), 2000, [[other, [page('p3')]]])];
    await applyShards(db, later, cursor(2000), { first: true });
    await finishSnapshot(
      db,
      { seconds: 2, nanoseconds: 0, docId: '', schema: 2 },
      { people: new Set(people.map((p) => p.uid)), evidence: new Set(['u7', other]) },
    );
    expect((await db.evidence.get('u7'))?.pages[0]?.helpful).toBe(1);
    expect(await db.evidence.get(neighbour)).toBeUndefined();
    expect(await db.evidence.get(other)).toMatchObject({ pages: [page('p3')] });
  });
});

describe('the change feed into the people and evidence tables', () => {
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
  const page = (pageId: string): EvidencePage => ({ pageId, title: 'ICT-helpdesk', terms: ['vpn'], answers: 1, likes: 2, helpful: 0 });
  const feedCursor = (id: 'profilesFeed' | 'evidenceFeed', ms: number, docId: string): SyncCursor => ({
    id,
    seconds: Math.floor(ms / 1000),
    nanoseconds: (ms % 1000) * 1e6,
    docId,
    schema: 2,
  });

  it('a profile page puts each changed person and a newcomer, and moves the cursor with them', async () => {
    const db = freshDb();
    await db.people.bulkPut([rowFromEntry(entry('u1'), 1000), rowFromEntry(entry('u2'), 1000)]);
    await applyProfileFeed(db, [rowFromEntry(entry('u1', ['VPN']), 2000), rowFromEntry(entry('u9'), 2100)], feedCursor('profilesFeed', 2100, 'u9'));
    expect((await db.people.get('u1'))?.skills).toEqual(['VPN']);
    expect(await db.people.get('u9')).toMatchObject({ uid: 'u9', updatedAt: 2100 });
    expect((await db.people.get('u2'))?.updatedAt).toBe(1000);
    expect(await db.syncCursors.get('profilesFeed')).toMatchObject({ seconds: 2, docId: 'u9' });
  });

  it("keeps the signed-in person's own row saved after the page was read", async () => {
    const db = freshDb();
    await db.people.put({ ...rowFromEntry(entry('me', ['Excel']), 0), updatedAt: 3000 });
    await applyProfileFeed(db, [rowFromEntry(entry('me'), 2500)], feedCursor('profilesFeed', 2500, 'me'));
    expect((await db.people.get('me'))?.skills).toEqual(['Excel']);
  });

  it('an evidence page puts new evidence and removes evidence that is gone (an empty copy)', async () => {
    const db = freshDb();
    await db.evidence.bulkPut([
      { uid: 'u1', pages: [page('p1')], updatedAt: 1000 },
      { uid: 'u2', pages: [page('p2')], updatedAt: 1000 },
    ]);
    await applyEvidenceFeed(
      db,
      [
        { uid: 'u1', pages: [], updatedAt: 2000 },
        { uid: 'u3', pages: [page('p3')], updatedAt: 2001 },
      ],
      feedCursor('evidenceFeed', 2001, 'u3'),
    );
    expect(await db.evidence.get('u1')).toBeUndefined();
    expect(await db.evidence.get('u3')).toMatchObject({ pages: [page('p3')] });
    expect(await db.evidence.get('u2')).toMatchObject({ pages: [page('p2')] });
    expect((await db.syncCursors.get('evidenceFeed'))?.docId).toBe('u3');
  });
});
