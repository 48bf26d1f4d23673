// The directory as server-built shards (lib/core/directory-shards.ts): which shard a person is in,
// what an entry holds, how a shard changes, and that 50,000 people fit Firestore's 1 MiB per document.
import { describe, expect, it } from 'vitest';
import {
  buildShards,
  DIRECTORY_SHARD_COUNT,
  entriesFromShard,
  entryFromProfile,
  MAX_DOCUMENT_BYTES,
  planShardRows,
  shardBytes,
  shardIdOf,
  shardWrites,
  buildShardContents,
  withEntry,
  type DirectoryEntry,
} from '../../lib/core/directory-shards';
import type { EvidencePage } from '../../lib/core/rows';
import { entry, fullestShardAt50k, largest, uids } from '../helpers/directory-entries';

/** A uid in the same shard as `uid` (or in another one). */
const sameShardAs = (uid: string) => uids(2000, 5).find((u) => shardIdOf(u) === shardIdOf(uid))!;
const otherShardThan = (uid: string) => uids(10, 5).find((u) => shardIdOf(u) !== shardIdOf(uid))!;

describe('which shard a person is in', () => {
  it('is two hex digits from the uid alone, the same every time', () => {
    expect(shardIdOf('daan')).toMatch(/^[0-9a-f]{2}$/);
    expect(shardIdOf('daan')).toBe(shardIdOf('daan'));
    // Pinned: every writer (trigger, sign-in function, builder, clients) must agree forever.
    expect([shardIdOf('gen000000'), shardIdOf('gen049999'), shardIdOf('xYz')]).toEqual(['4d', '64', '79']);
    expect(DIRECTORY_SHARD_COUNT).toBe(256);
  });

  it('spreads 50,000 people evenly: every shard used, none far above the 195 average', () => {
    const counts = new Map<string, number>();
    for (const uid of uids(50_000)) counts.set(shardIdOf(uid), (counts.get(shardIdOf(uid)) ?? 0) + 1);
    expect(counts.size).toBe(256);
    expect(Math.max(...counts.values())).toBeLessThan(260);
    expect(Math.min(...counts.values())).toBeGreaterThan(130);
  });

  it('spreads sequential ids (an import numbering people) just as well', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 50_000; i++) {
      const id = shardIdOf(`gen${String(i).padStart(6, '0')}`);
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    expect(counts.size).toBe(256);
    expect(Math.max(...counts.values())).toBeLessThan(260);
  });
});

describe('size: Firestore allows 1 MiB per document', () => {
  // The fullest of the 256 shards at 50,000 people, filled with its own people.
  const fullest = fullestShardAt50k;

  it('50,000 people with every field at its limit still fit, with room to spare', () => {
    const people = fullest();
    expect(people.length).toBeGreaterThan(195);
    const [id, shard] = [...buildShards(people.map(largest))][0]!;
    expect(shardBytes(id, shard)).toBeLessThan(MAX_DOCUMENT_BYTES * 0.75);
  });

  it('typical people take a tenth of that', () => {
    const [id, shard] = [...buildShards(fullest().map((uid) => entry(uid)))][0]!;
    expect(shardBytes(id, shard)).toBeLessThan(MAX_DOCUMENT_BYTES / 10);
  });

  it('refuses to build a shard over the limit instead of letting the write fail half-way', () => {
    const crowded = uids(200_000, 11)
      .filter((uid) => shardIdOf(uid) === '00')
      .slice(0, 700);
    expect(crowded).toHaveLength(700);
    expect(() => buildShards(crowded.map(largest))).toThrow(/directory shard 00 would be/);
  });
});

describe('an entry: the directory row and its labels, read defensively', () => {
  it('takes what the directory shows from a profile, not its e-mail, manager or time', () => {
    const e = entryFromProfile('u1', {
      displayName: 'Daan Visser',
      email: 'daan@lindeveen.nl',
      department: 'ICT',
      departmentPath: ['Bedrijfsvoering', 'ICT'],
      jobTitle: 'Netwerkbeheerder',
      location: 'Stadskantoor',
      languages: ['nl', 'en'],
      skills: ['VPN'],
      optOut: false,
      managerId: 'p9',
      personId: 'p1',
      level: 4,
      active: true,
      roles: { moderator: ['ict'], ambassador: true },
      updatedAt: new Date(5),
    });
    expect(e).toEqual({
      uid: 'u1',
      displayName: 'Daan Visser',
      departmentPath: ['Bedrijfsvoering', 'ICT'],
      jobTitle: 'Netwerkbeheerder',
      location: 'Stadskantoor',
      languages: ['nl', 'en'],
      skills: ['VPN'],
      optOut: false,
      level: 4,
      active: true,
      roles: { moderator: ['ict'], ambassador: true },
    });
  });

  it('reads an older profile: no level, active, no roles; unknown or malformed roles are dropped', () => {
    expect(entryFromProfile('u2', { displayName: 'Anna', department: 'Communicatie', roles: { admin: 'yes', superuser: true, leader: true } })).toMatchObject({
      departmentPath: ['Communicatie'],
      level: null,
      active: true,
      roles: { leader: true },
    });
    expect(entryFromProfile('u3', { displayName: 'Leaver', active: false, level: 0 })).toMatchObject({ active: false, level: null });
  });

  it('reads a shard document, skipping entries without a uid', () => {
    const people = entriesFromShard({ people: [entry('a'), { displayName: 'no uid' }, null, entry('b')], updatedAt: new Date() });
    expect(people.map((p) => p.uid)).toEqual(['a', 'b']);
    expect(entriesFromShard({})).toEqual([]);
  });
});

describe('changing a shard', () => {
  it('adds a person in uid order, replaces a changed entry, and reports an identical one as no change', () => {
    const shard = [entry('a'), entry('c')];
    expect(withEntry(shard, entry('b'))!.map((p) => p.uid)).toEqual(['a', 'b', 'c']);
    expect(withEntry(shard, entry('c', { skills: ['Printers'] }))![1]!.skills).toEqual(['Printers']);
    expect(withEntry(shard, entry('c'))).toBeNull();
    // A map read back from Firestore may list its keys in another order: still the same entry.
    const roles = entry('a', { roles: { leader: true, admin: true } });
    expect(withEntry([roles], entry('a', { roles: { admin: true, leader: true } }))).toBeNull();
  });

  it('groups people into shards sorted by uid, and only makes shards that hold somebody', () => {
    const shards = buildShards(['z1', 'a1', 'm1'].map((uid) => entry(uid)));
    for (const [id, people] of shards) {
      expect(people.every((p) => shardIdOf(p.uid) === id)).toBe(true);
      expect(people.map((p) => p.uid)).toEqual([...people.map((p) => p.uid)].sort());
    }
    expect([...shards.values()].flat()).toHaveLength(3);
  });

  it('a rebuild writes only changed shards, and an emptied shard as empty (a deletion is invisible to a delta query)', () => {
    const [a, b, d] = ['a', otherShardThan('a'), 'd'];
    const people = [a, b, d!].filter((uid, i, all) => all.findIndex((u) => shardIdOf(u) === shardIdOf(uid)) === i);
    const build = (entries: DirectoryEntry[], evidence: Array<[string, EvidencePage[]]> = []) => buildShardContents(entries, new Map(evidence));
    const stored = build(people.map((uid) => entry(uid)));
    expect(shardWrites(build(people.map((uid) => entry(uid))), stored).size).toBe(0);
    const changed = shardWrites(build(people.map((uid) => entry(uid, uid === b ? { skills: ['Excel'] } : {}))), stored);
    expect([...changed.keys()]).toEqual([shardIdOf(b!)]);
    const gone = shardWrites(build(people.filter((uid) => uid !== a).map((uid) => entry(uid))), stored);
    expect([...gone]).toEqual([[shardIdOf(a!), { people: [], evidence: new Map() }]]);
    // New evidence of d's rewrites d's shard only; evidence of someone not in the directory is left out.
    const page: EvidencePage = { pageId: 'p1', title: 'ICT', terms: ['vpn'], answers: 1, likes: 0, helpful: 0 };
    const helped = shardWrites(
      build(
        people.map((uid) => entry(uid)),
        [
          [d!, [page]],
          ['nobody', [page]],
        ],
      ),
      stored,
    );
    expect([...helped.keys()]).toEqual([shardIdOf(d!)]);
    expect(helped.get(shardIdOf(d!))!.evidence.get(d!)).toEqual([page]);
  });
});

describe('applying changed shards to the local people table', () => {
  const shardOf = (id: string, updatedAt: number, people: DirectoryEntry[]) => ({ id, updatedAt, people, evidence: new Map() });

  it('puts every entry as of its shard time, with the labels', () => {
    const { put, remove } = planShardRows([shardOf(shardIdOf('a'), 100, [entry('a', { roles: { comms: true } })])], new Map());
    expect(put).toEqual([{ ...entry('a', { roles: { comms: true } }), updatedAt: 100 }]);
    expect(remove).toEqual([]);
  });

  it('removes people a changed shard no longer holds, and only from that shard', () => {
    const [gone, other] = [sameShardAs('a'), otherShardThan('a')];
    const local = new Map([
      ['a', 50],
      [gone, 50],
      [other, 50],
    ]);
    expect(planShardRows([shardOf(shardIdOf('a'), 100, [entry('a')])], local).remove).toEqual([gone]);
  });

  it('keeps the own row when it is newer than the shard (saved a moment ago), and takes the shard once it is as new', () => {
    const mine = new Map([['a', 200]]);
    expect(planShardRows([shardOf(shardIdOf('a'), 100, [entry('a')])], mine).put).toEqual([]);
    expect(planShardRows([shardOf(shardIdOf('a'), 100, [])], mine).remove).toEqual([]);
    expect(planShardRows([shardOf(shardIdOf('a'), 300, [entry('a')])], mine).put).toHaveLength(1);
  });
});
