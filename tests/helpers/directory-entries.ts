// Directory entries for the shard tests (tests/unit/directory-shards.test.ts, shard-evidence.test.ts):
// Firebase-like uids, a typical entry, and one with every field at the longest the rules allow.
import { shardIdOf, type DirectoryEntry } from '../../lib/core/directory-shards';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** `n` Firebase Auth uids (28 letters and digits), the same for the same seed. */
export function uids(n: number, seed = 7): string[] {
  let s = seed;
  const next = () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
  return Array.from({ length: n }, () => Array.from({ length: 28 }, () => ALPHABET[Math.floor(next() * ALPHABET.length)]).join(''));
}

/** The people of the fullest of the 256 shards when 50,000 people are spread over them. */
export function fullestShardAt50k(): string[] {
  const byShard = new Map<string, string[]>();
  for (const uid of uids(50_000)) byShard.set(shardIdOf(uid), [...(byShard.get(shardIdOf(uid)) ?? []), uid]);
  return [...byShard.values()].sort((a, b) => b.length - a.length)[0]!;
}

export function entry(uid: string, overrides: Partial<DirectoryEntry> = {}): DirectoryEntry {
  return {
    uid,
    displayName: `Name ${uid}`,
    departmentPath: ['Bedrijfsvoering', 'ICT'],
    jobTitle: 'Adviseur',
    location: 'Stadhuis',
    languages: ['nl'],
    skills: ['VPN'],
    optOut: false,
    level: 3,
    active: true,
    roles: {},
    ...overrides,
  };
}

/** An entry with every field at the longest the rules allow. */
export function largest(uid: string): DirectoryEntry {
  const text = (n: number, c: string) => c.repeat(n);
  return entry(uid, {
    displayName: text(80, 'é'),
    departmentPath: Array.from({ length: 4 }, () => text(80, 'd')),
    jobTitle: text(80, 'j'),
    location: text(80, 'l'),
    languages: Array.from({ length: 8 }, () => text(20, 'n')),
    skills: Array.from({ length: 20 }, (_, i) => `${i}`.padEnd(40, 's')),
    optOut: true,
    level: 12,
    active: false,
    roles: { admin: true, comms: true, moderator: ['nieuws', 'ict', 'hr'], communityManager: ['vpn', 'thuiswerken'], ambassador: true, leader: true },
  });
}
