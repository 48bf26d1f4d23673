// What the side panel keeps in sync of the people data, and from where (lib/core/people-sync-plan.ts):
// the evidence feed only while the people view is shown, the directory whenever a member is signed
// in; the shards only for a first sync (or after a month away, or another schema), the change feed
// after; and when the server rebuilds the shards.
import { describe, expect, it } from 'vitest';
import {
  feedRowsToPut,
  PEOPLE_RESYNC_MS,
  PEOPLE_SCHEMA,
  peopleSyncStart,
  peopleToSync,
  planEvidenceFeed,
  REBUILD_AFTER_CHANGES,
  REBUILD_AFTER_MS,
  RESNAPSHOT_AFTER_MS,
  shouldRebuildShards,
  snapshotCursor,
} from '../../lib/core/people-sync-plan';

describe('people sync plan', () => {
  it('syncs nothing while nobody is signed in', () => {
    expect(peopleToSync(null, false)).toEqual([]);
    expect(peopleToSync(null, true)).toEqual([]);
  });

  it('syncs only the directory while the thread or the profile is shown', () => {
    expect(peopleToSync('uid-anna', false)).toEqual(['directory']);
  });

  it('syncs the expertise evidence too while the people view is shown', () => {
    expect(peopleToSync('uid-anna', true)).toEqual(['directory', 'expertise']);
  });

  it('repeats every five minutes', () => {
    expect(PEOPLE_RESYNC_MS).toBe(300_000);
  });
});

describe('snapshot or change feed', () => {
  const now = Date.UTC(2026, 10, 25);
  const at = (ms: number, schema = PEOPLE_SCHEMA) => ({ seconds: Math.floor(ms / 1000), nanoseconds: 0, docId: 'u1', schema });

  it('a browser without a feed cursor reads the shards first', () => {
    expect(peopleSyncStart([undefined], now)).toBe('snapshot');
    expect(peopleSyncStart([at(now - 60_000), undefined], now)).toBe('snapshot');
  });

  it('a browser with fresh cursors of this schema reads only the feed', () => {
    expect(peopleSyncStart([at(now - 60_000)], now)).toBe('feed');
    expect(peopleSyncStart([at(now - 60_000), at(now - 3 * 24 * 3600_000)], now)).toBe('feed');
  });

  it('another schema (a browser from before the feed) or a month away starts over from the shards', () => {
    expect(peopleSyncStart([at(now - 60_000, 1)], now)).toBe('snapshot');
    expect(peopleSyncStart([{ seconds: now / 1000, nanoseconds: 0 }], now)).toBe('snapshot');
    expect(peopleSyncStart([at(now - RESNAPSHOT_AFTER_MS - 1000)], now)).toBe('snapshot');
    expect(peopleSyncStart([at(now - RESNAPSHOT_AFTER_MS + 1000)], now)).toBe('feed');
  });

  it('a snapshot leaves the oldest coveredAt as the cursor: nothing changed after any shard was built is missed', () => {
    const t = (seconds: number, nanoseconds = 0) => ({ seconds, nanoseconds });
    expect(snapshotCursor([t(300), t(100, 5), t(200)])).toEqual(t(100, 5));
    expect(snapshotCursor([t(100, 7), t(100, 5)])).toEqual(t(100, 5));
    // Across pages: the oldest so far is kept.
    expect(snapshotCursor([t(300)], t(250))).toEqual(t(250));
    expect(snapshotCursor([t(200)], t(250))).toEqual(t(200));
  });

  it('a shard without coveredAt (written before shards carried it) covers nothing: the feed starts at the beginning', () => {
    expect(snapshotCursor([{ seconds: 300, nanoseconds: 0 }, null])).toEqual({ seconds: 0, nanoseconds: 0 });
    expect(snapshotCursor([])).toEqual({ seconds: 0, nanoseconds: 0 });
  });
});

describe('a feed page', () => {
  it('puts every changed row, but not over a local row newer than it (one’s own save)', () => {
    const local = new Map([
      ['a', 1000],
      ['me', 5000],
    ]);
    const rows = [
      { uid: 'a', updatedAt: 2000 },
      { uid: 'me', updatedAt: 4000 },
      { uid: 'new', updatedAt: 2000 },
      { uid: 'a2', updatedAt: 1000 },
    ];
    expect(feedRowsToPut(rows, local).map((r) => r.uid)).toEqual(['a', 'new', 'a2']);
  });

  it('removes people whose evidence is gone (an empty copy: a deletion is invisible to a feed)', () => {
    const plan = planEvidenceFeed([
      { uid: 'a', pages: [{}] },
      { uid: 'b', pages: [] },
    ]);
    expect(plan.put.map((r) => r.uid)).toEqual(['a']);
    expect(plan.remove).toEqual(['b']);
  });
});

describe('when the server rebuilds the shards', () => {
  const now = Date.UTC(2026, 10, 25, 12);

  it('not for a few changes: a first sync reads them from the feed', () => {
    expect(shouldRebuildShards(0, now - 3 * REBUILD_AFTER_MS, now)).toBe(false);
    expect(shouldRebuildShards(REBUILD_AFTER_CHANGES - 1, now - 60_000, now)).toBe(false);
  });

  it('once enough changed, or a day after the last rebuild when anything changed', () => {
    expect(shouldRebuildShards(REBUILD_AFTER_CHANGES, now - 60_000, now)).toBe(true);
    expect(shouldRebuildShards(1, now - REBUILD_AFTER_MS, now)).toBe(true);
  });
});
