// The cost bench's arithmetic (scripts/bench/cost-model.ts, storage-size.ts): how a month's actions
// are counted, the thread-visit and delta-sync models, the free tier and the storage sizes.
import { describe, expect, it } from 'vitest';
import { REBUILD_AFTER_CHANGES } from '../../lib/core/people-sync-plan';
import {
  ACTIVITY,
  ORG,
  PRICES,
  ZERO,
  billedSeconds,
  binomial,
  deltaSyncReads,
  distinctChanged,
  extrapolate,
  meanCost,
  monthlyActions,
  populatedShards,
  priceMonth,
  threadVisitReads,
  zipfWeights,
  type Measured,
  type UnitCost,
} from '../../scripts/bench/cost-model';
import { documentBytes, indexBytes, nameBytes } from '../../scripts/bench/storage-size';

const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);

describe('a month of actions', () => {
  it('splits KPN’s groups into actions as the assumptions say', () => {
    const n = monthlyActions();
    const likes = ORG.reactors * ACTIVITY.likesPerReactor;
    expect(n['like-comment']! + n['like-page']!).toBeCloseTo(likes);
    expect(n['like-comment']).toBeCloseTo(likes * ACTIVITY.likesOnComments);
    const comments = ORG.creators * ACTIVITY.commentsPerCreator;
    expect(n.comment! + n.anonymous! + n.reply!).toBeCloseTo(comments);
    expect(n.anonymous).toBeCloseTo(comments * (1 - ACTIVITY.replyShare) * ACTIVITY.anonymousShare);
    expect(n.helpful).toBeCloseTo(n.reply! * ACTIVITY.marksPerReply);
    expect(n.badge).toBe(ORG.readers * ACTIVITY.pageViewsPerDay * ACTIVITY.workingDays);
  });

  it('averages measured costs field by field', () => {
    const a: UnitCost = { ...ZERO, reads: 2, invocations: 1 };
    const b: UnitCost = { ...ZERO, reads: 4, invocations: 3, bytes: 10 };
    expect(meanCost([a, b])).toEqual({ ...ZERO, reads: 3, invocations: 2, bytes: 5 });
    expect(meanCost([])).toEqual(ZERO);
  });

  it('bills function time in 100 ms steps, at least one', () => {
    expect(billedSeconds(0)).toBeCloseTo(0.1);
    expect(billedSeconds(100)).toBeCloseTo(0.1);
    expect(billedSeconds(101)).toBeCloseTo(0.2);
    expect(billedSeconds(950)).toBeCloseTo(1.0);
  });
});

describe('thread visits', () => {
  it('has popularity weights that sum to 1, most popular first', () => {
    const w = zipfWeights(100, 0.8);
    expect(sum(w)).toBeCloseTo(1);
    expect(w[0]! / w[1]!).toBeCloseTo(2 ** 0.8);
    expect(zipfWeights(4, 0)).toEqual([0.25, 0.25, 0.25, 0.25]);
  });

  it('has binomial probabilities that sum to 1 with mean n·w', () => {
    const p = binomial(20, 0.1);
    expect(sum(p)).toBeCloseTo(1);
    expect(sum(p.map((x, k) => x * k))).toBeCloseTo(2);
    expect(binomial(3, 1)).toEqual([0, 0, 0, 1]);
  });

  it('reads the whole thread at the first visit and the changes since at each revisit', () => {
    // One page, visited 3 times: the first visit at 1/4 of the month on average, the last at 3/4.
    const r = threadVisitReads(
      { pages: 1, alpha: 1, visits: 3, commentsPerMonth: 40, commentChangesPerMonth: 20, historyMonths: 2 },
      { firstOverhead: 4, revisitOverhead: 2, perDoc: 1 },
    );
    expect(r.firstVisits).toBeCloseTo(1);
    expect(r.revisits).toBeCloseTo(2);
    expect(r.docs).toBeCloseTo(80 + 40 / 4 + (60 * 2) / 4);
    expect(r.reads).toBeCloseTo(4 + 2 * 2 + r.docs);
  });

  it('spreads every visit over first visits and revisits, and more pages mean fewer revisits', () => {
    const cost = { firstOverhead: 3, revisitOverhead: 2, perDoc: 1 };
    const few = threadVisitReads({ pages: 10, alpha: 0.8, visits: 20, commentsPerMonth: 100, commentChangesPerMonth: 0, historyMonths: 0 }, cost);
    const many = threadVisitReads({ pages: 3000, alpha: 0.8, visits: 20, commentsPerMonth: 100, commentChangesPerMonth: 0, historyMonths: 0 }, cost);
    expect(few.firstVisits + few.revisits).toBeCloseTo(20);
    expect(many.firstVisits + many.revisits).toBeCloseTo(20);
    expect(few.firstVisits).toBeLessThanOrEqual(10);
    expect(many.revisits).toBeLessThan(few.revisits);
  });
});

describe('the people delta sync', () => {
  it('counts distinct changed documents: each once when few, at most all of them when many', () => {
    expect(distinctChanged(0, 100)).toBe(0);
    expect(distinctChanged(1, 10_000)).toBeCloseTo(1, 3);
    expect(distinctChanged(1e6, 100)).toBeCloseTo(100);
    expect(distinctChanged(100, 100)).toBeCloseTo(100 * (1 - Math.exp(-1)));
  });

  it('bills one read per empty sync: a session and its resyncs every 5 minutes', () => {
    const quiet = { sessions: 8, minutes: 60, everyMinutes: 5, changesPerMonth: 0, holders: 100, workingDays: 21, workingHours: 8 };
    expect(deltaSyncReads(quiet)).toBeCloseTo(8 * 12); // at 0, 5, …, 55 minutes
    expect(deltaSyncReads({ ...quiet, minutes: 5 })).toBeCloseTo(8); // only at the start
    expect(deltaSyncReads({ ...quiet, sessions: 0 })).toBe(0);
  });

  it('reads at most every holder at a session start, and grows with the changes', () => {
    const base = { sessions: 8, minutes: 5, everyMinutes: 5, holders: 1000, workingDays: 21, workingHours: 8 };
    const busy = deltaSyncReads({ ...base, changesPerMonth: 1e7 });
    expect(busy).toBeCloseTo(8 * 1000);
    const some = deltaSyncReads({ ...base, changesPerMonth: 800 });
    expect(some).toBeGreaterThan(8);
    expect(some).toBeLessThan(800);
  });

  it('fills every one of 256 shards at 18,000 people', () => {
    expect(populatedShards(18_000, 256)).toBeCloseTo(256, 3);
    expect(populatedShards(1, 256)).toBeCloseTo(1);
  });
});

describe('prices', () => {
  const totals = { reads: 0, writes: 0, deletes: 0, storedGiB: 0, egressGiB: 0, invocations: 0, fnSeconds: 0 };

  it('prices reads per 100,000 and takes the daily free quota off each working day', () => {
    expect(priceMonth({ ...totals, reads: 1_000_000 }, false).usd).toBeCloseTo(0.3);
    expect(priceMonth({ ...totals, reads: 1_000_000 }, true).usd).toBe(0); // under 50,000 a working day
    // 2.1 M reads over 21 days: 100,000 a day, 50,000 of them free.
    expect(priceMonth({ ...totals, reads: 2_100_000 }, true).usd).toBeCloseTo(0.315);
    expect(priceMonth({ ...totals, writes: 100_000, deletes: 100_000 }, false).usd).toBeCloseTo(0.1);
  });

  it('prices functions: invocations over the free 2 million, compute per vCPU- and GiB-second', () => {
    expect(priceMonth({ ...totals, invocations: 3_000_000 }, false).usd).toBeCloseTo(1.2);
    expect(priceMonth({ ...totals, invocations: 3_000_000 }, true).usd).toBeCloseTo(0.4);
    const compute = priceMonth({ ...totals, fnSeconds: 1000 }, false);
    expect(compute.functions.cpu).toBeCloseTo(1000 * PRICES.functions.perVcpuSecond);
    expect(compute.functions.memory).toBeCloseTo(1000 * 0.25 * PRICES.functions.perGiBSecond);
  });

  it('converts to euros with the named rate; storage and egress over their free GiB', () => {
    const p = priceMonth({ ...totals, storedGiB: 11 }, true);
    expect(p.usd).toBeCloseTo(10 * PRICES.firestore.storagePerGiBMonth);
    expect(p.eur).toBeCloseTo(p.usd * PRICES.eurPerUsd);
    expect(priceMonth({ ...totals, egressGiB: 30 }, true).usd).toBeCloseTo(20 * PRICES.network.egressPerGiB);
    expect(priceMonth({ ...totals, egressGiB: 30 }, false).usd).toBeCloseTo(30 * PRICES.network.egressPerGiB);
  });
});

describe('the month', () => {
  const unit = (part: Partial<UnitCost>): UnitCost => ({ ...ZERO, ...part });
  const measured: Measured = {
    units: {
      badge: unit({ reads: 1 }),
      'like-comment': unit({ writes: 2, invocations: 2, fnReads: 9, fnWrites: 1, expertiseChanges: 1 }),
      'like-page': unit({ reads: 1, writes: 2, invocations: 2 }),
      unlike: unit({ writes: 2, invocations: 2, expertiseChanges: 1 }),
      comment: unit({ reads: 2, writes: 3, invocations: 2 }),
      anonymous: unit({ reads: 2, writes: 4, invocations: 2 }),
      reply: unit({ reads: 2, writes: 3, invocations: 2, expertiseChanges: 1 }),
      helpful: unit({ writes: 1, invocations: 1, expertiseChanges: 1 }),
      'sign-in': unit({ invocations: 1, fnReads: 3 }),
      'sign-up': unit({ invocations: 2, fnReads: 9, fnWrites: 4, profileChanges: 1 }),
      'profile-edit': unit({ writes: 1, invocations: 1, fnReads: 1, fnWrites: 1, profileChanges: 1 }),
    },
    visit: { firstOverhead: 4, revisitOverhead: 3, perDoc: 1 },
    storage: { profile: 1000, directoryEntry: 1000, shardEntry: 500, expertiseDoc: 3000, evidenceDoc: 800 },
    wire: { comment: 400, page: 300, profile: 500, evidenceDoc: 700, shardPerPerson: 300 },
  };

  it('adds up the rows, and the dominant row is the largest', () => {
    const month = extrapolate(measured, 'every-session', 256);
    expect(sum(month.rows.map((r) => r.share))).toBeCloseTo(1);
    expect(month.dominant.eur).toBe(Math.max(...month.rows.map((r) => r.eur)));
    expect(month.perThousand.list).toBeCloseTo((month.eur.list / ORG.employees) * 1000);
    expect(month.eur.free).toBeLessThanOrEqual(month.eur.list);
    const badge = month.rows.find((r) => r.kind === 'badge')!;
    expect(badge.total.reads).toBe(monthlyActions().badge);
  });

  it('counts every change to an expertise document once per reader session, and less when only the people view syncs it', () => {
    const n = monthlyActions();
    const every = extrapolate(measured, 'every-session', 256);
    expect(every.changes.expertise).toBeCloseTo(n['like-comment']! + n.unlike! + n.reply! + n.helpful!);
    const expertise = every.rows.find((r) => r.kind === 'sync-expertise')!;
    const perReader = deltaSyncReads({
      sessions: ACTIVITY.panelSessions,
      minutes: ACTIVITY.panelMinutes,
      everyMinutes: 5,
      changesPerMonth: every.changes.expertise,
      holders: ACTIVITY.expertiseHolders,
      workingDays: ACTIVITY.workingDays,
      workingHours: ACTIVITY.workingHours,
    });
    expect(expertise.total.reads).toBeCloseTo(ORG.readers * perReader);
    const lazy = extrapolate(measured, 'people-view', 256);
    expect(lazy.rows.find((r) => r.kind === 'sync-expertise')!.total.reads).toBeLessThan(expertise.total.reads / 2);
    expect(lazy.eur.list).toBeLessThan(every.eur.list);
  });

  it('sends the browsers what they read: each changed profile once, not the shard around it', () => {
    const month = extrapolate(measured, 'people-view', 256);
    const directory = month.rows.find((r) => r.kind === 'sync-directory')!;
    const docs = (month.egress['sync-directory']! * 2 ** 30) / 500;
    // Every read brings one profile, except the empty queries (1 read, no document).
    expect(docs).toBeLessThan(directory.total.reads);
    expect(docs).toBeGreaterThan(0);
    expect(month.totals.egressGiB).toBeCloseTo(sum(Object.values(month.egress)));
    const ops = (directory.total.reads / 100_000) * PRICES.firestore.readsPer100k * PRICES.eurPerUsd;
    expect(directory.eur).toBeCloseTo(ops + directory.egressGiB * PRICES.network.egressPerGiB * PRICES.eurPerUsd);
  });

  it('prices the scheduled rebuild: a check every 15 minutes, a rebuild every REBUILD_AFTER_CHANGES changes', () => {
    const month = extrapolate(measured, 'people-view', 256);
    const rebuild = month.rows.find((r) => r.kind === 'shard-rebuild')!;
    expect(rebuild.actions).toBeCloseTo((month.changes.profiles + month.changes.expertise) / REBUILD_AFTER_CHANGES);
    expect(rebuild.total.invocations).toBe(4 * 24 * 30);
    expect(month.egress['shard-rebuild']).toBe(0);
    const first = month.rows.find((r) => r.kind === 'first-sync')!;
    expect(first.total.reads / first.actions).toBeCloseTo(populatedShards(ORG.employees, 256) + REBUILD_AFTER_CHANGES / 2);
  });

  it('refuses a month with a kind that was not measured', () => {
    const { badge: _badge, ...units } = measured.units;
    expect(() => extrapolate({ ...measured, units }, 'every-session', 256)).toThrow(/badge/);
  });
});

describe('stored bytes', () => {
  // The worked example of cloud.google.com/firestore/docs/storage-size.
  const path = 'users/jeff/tasks/my_task_id';
  const task = { type: 'Personal', done: false, priority: 1, description: 'Learn Cloud Firestore' };

  it('sizes a document name and a document as Firestore does', () => {
    expect(nameBytes(path)).toBe(44);
    expect(documentBytes(path, task)).toBe(147);
  });

  it('counts an ascending and a descending entry per field, one per distinct array value', () => {
    expect(indexBytes(path, { done: false })).toBe(2 * 109);
    const one = indexBytes(path, { tags: ['a'] });
    expect(indexBytes(path, { tags: ['a', 'b', 'a'] })).toBe(2 * one);
    expect(indexBytes(path, { m: { done: false } })).toBe(2 * (109 + 2)); // field path "m.done"
  });
});
