// The listener plan of a thread visit, rule by rule: which listeners start when, when the visit is
// current, and what the person's own listeners are known to reflect (each empty query bills a read).
import { describe, expect, it } from 'vitest';
import {
  BEGINNING,
  mineFor,
  mineThrough,
  newer,
  planVisit,
  step,
  type KnownPage,
  type PlanEvent,
  type PlanStep,
  type ThreadListener,
} from '../../lib/core/listener-plan';
import type { ServerTime } from '../../lib/core/rows';

const uid = 'uid-bram';
const t = (seconds: number, nanoseconds = 0): ServerTime => ({ seconds, nanoseconds });

/** What the page row says after a visit whose own listeners recorded `through`. */
const revisited = (through: ServerTime, more: Partial<KnownPage> = {}): KnownPage => ({
  uid,
  hasReplies: false,
  cursor: through,
  pageUpdatedAt: through,
  mine: { uid, likes: t(5), owned: t(5), likesThrough: through, ownedThrough: through },
  ...more,
});
const firstVisit = (more: Partial<KnownPage> = {}): KnownPage => ({ uid, hasReplies: false, ...more });

const answered = (listener: ThreadListener): PlanEvent => ({ type: 'serverAnswered', listener });
const comment = (updatedAt: ServerTime | null, more: Partial<Extract<PlanEvent, { type: 'commentSeen' }>> = {}): PlanEvent => ({
  type: 'commentSeen',
  updatedAt,
  isReply: false,
  fromServer: true,
  pending: false,
  ...more,
});
const pageDoc = (updatedAt: ServerTime | null, more: Partial<Extract<PlanEvent, { type: 'pageSeen' }>> = {}): PlanEvent => ({
  type: 'pageSeen',
  updatedAt,
  fromServer: true,
  pending: false,
  ...more,
});

/** Runs a visit through `events`, collecting every start and every "current" the plan gave. */
function visit(known: KnownPage, ...events: PlanEvent[]) {
  const steps: PlanStep[] = [planVisit(known)];
  for (const event of events) steps.push(step(steps.at(-1)!.state, event));
  return {
    state: steps.at(-1)!.state,
    last: steps.at(-1)!,
    started: steps.flatMap((s) => s.start),
    currents: steps.flatMap((s) => (s.current ? [s.current] : [])),
  };
}

describe('newer', () => {
  it('a later second or, within the same second, a later nanosecond is newer', () => {
    expect(newer(t(10, 5), t(11, 0))).toBe(true);
    expect(newer(t(10, 5), t(10, 6))).toBe(true);
    expect(newer(t(10, 5), t(10, 4))).toBe(false);
    expect(newer(t(11, 0), t(10, 999_999_999))).toBe(false);
  });
  it('an equal time is not newer', () => expect(newer(t(10, 5), t(10, 5))).toBe(false));
  it('anything is newer than an unknown time', () => expect(newer(undefined, t(0))).toBe(true));
});

describe('mineFor', () => {
  it('another person’s record on this browser counts as none', () => {
    expect(mineFor({ mine: { uid: 'uid-anna', likesThrough: t(5), ownedThrough: t(5) } }, uid)).toBeUndefined();
  });
  it('the signed-in person’s own record is theirs', () => {
    expect(mineFor({ mine: { uid, likes: t(3) } }, uid)).toEqual({ uid, likes: t(3) });
  });
  it('no page row, no record', () => expect(mineFor(undefined, uid)).toBeUndefined());
});

describe('first visit (the person’s own listeners never ran here)', () => {
  it('starts comments and page document only', () => {
    const start = planVisit(firstVisit());
    expect(start.start).toEqual(['comments', 'page']);
    expect(start.current).toBeUndefined();
  });

  it('starts the mine listeners once comments and page have both answered from the server, not before', () => {
    expect(visit(firstVisit(), answered('comments')).started).toEqual(['comments', 'page']);
    expect(visit(firstVisit(), answered('page')).started).toEqual(['comments', 'page']);
    expect(visit(firstVisit(), answered('comments'), answered('page')).last.start).toEqual(['myLikes', 'owned']);
    expect(visit(firstVisit(), answered('page'), answered('comments')).last.start).toEqual(['myLikes', 'owned']);
  });

  it('changes seen before both answered start nothing of the person’s own', () => {
    expect(visit(firstVisit(), comment(t(50)), pageDoc(t(50)), answered('comments')).started).toEqual(['comments', 'page']);
  });

  it('is current only once the mine listeners have answered too, with all four', () => {
    const before = visit(firstVisit(), answered('comments'), answered('page'), answered('myLikes'));
    expect(before.currents).toEqual([]);
    const after = visit(firstVisit(), answered('comments'), answered('page'), answered('myLikes'), answered('owned'));
    expect(after.currents).toEqual([['comments', 'page', 'myLikes', 'owned']]);
  });

  it('a record of only one mine listener still counts as a first visit (both must reflect something)', () => {
    const half = firstVisit({ cursor: t(10), mine: { uid, likesThrough: t(10) } });
    expect(visit(half, answered('comments'), answered('page')).started).toEqual(['comments', 'page', 'myLikes', 'owned']);
  });

  it('another person’s record counts as a first visit for the signed-in person', () => {
    const theirs = revisited(t(10), { mine: { uid: 'uid-anna', likesThrough: t(10), ownedThrough: t(10) } });
    expect(visit(theirs, answered('comments'), answered('page')).started).toEqual(['comments', 'page', 'myLikes', 'owned']);
  });
});

describe('revisit with nothing changed', () => {
  const quiet = [comment(t(10)), answered('comments'), pageDoc(t(10)), answered('page')];

  it('never starts the mine listeners', () => expect(visit(revisited(t(10)), ...quiet).started).toEqual(['comments', 'page']));

  it('is current once comments and page have answered, with just those two', () => {
    expect(visit(revisited(t(10)), ...quiet).currents).toEqual([['comments', 'page']]);
    expect(visit(revisited(t(10)), comment(t(10)), answered('comments')).currents).toEqual([]);
  });

  it('a page with a known reply also runs the marks listener from the start, and is current after it answered', () => {
    const known = revisited(t(10), { hasReplies: true });
    expect(planVisit(known).start).toEqual(['comments', 'page', 'marks']);
    expect(visit(known, ...quiet).currents).toEqual([]);
    expect(visit(known, ...quiet, answered('marks')).currents).toEqual([['comments', 'page', 'marks']]);
  });

  it('a change no newer than what the mine listeners reflect starts nothing (equal is not newer)', () => {
    expect(visit(revisited(t(10, 5)), comment(t(10, 5)), pageDoc(t(10, 4))).started).toEqual(['comments', 'page']);
  });
});

describe('revisit where the thread changed', () => {
  it('a comment from the server newer than what they reflect starts the mine listeners at once', () => {
    const seen = visit(revisited(t(10)), comment(t(10, 1)));
    expect(seen.last.start).toEqual(['myLikes', 'owned']);
  });

  it('a page document from the server newer than what they reflect starts them', () => {
    expect(visit(revisited(t(10)), pageDoc(t(11))).last.start).toEqual(['myLikes', 'owned']);
  });

  it('the older of the two records counts: a change between them starts both', () => {
    const known = revisited(t(10), { mine: { uid, likesThrough: t(12), ownedThrough: t(10) } });
    expect(visit(known, comment(t(11))).last.start).toEqual(['myLikes', 'owned']);
    const other = revisited(t(10), { mine: { uid, likesThrough: t(10), ownedThrough: t(12) } });
    expect(visit(other, pageDoc(t(11))).last.start).toEqual(['myLikes', 'owned']);
  });

  it('a change from the cache never starts them', () => {
    expect(visit(revisited(t(10)), comment(t(20), { fromServer: false }), pageDoc(t(20), { fromServer: false })).started).toEqual(['comments', 'page']);
  });

  it('a change with pending writes (this browser’s own, unconfirmed) never starts them', () => {
    expect(visit(revisited(t(10)), comment(t(20), { pending: true }), pageDoc(t(20), { pending: true })).started).toEqual(['comments', 'page']);
  });

  it('a change without a server time yet starts nothing', () => {
    expect(visit(revisited(t(10)), comment(null), pageDoc(null)).started).toEqual(['comments', 'page']);
  });

  it('starts them only once however many newer changes arrive', () => {
    expect(visit(revisited(t(10)), comment(t(11)), comment(t(12)), pageDoc(t(13)), answered('comments'), answered('page')).started).toEqual([
      'comments',
      'page',
      'myLikes',
      'owned',
    ]);
  });

  it('is current only once the mine listeners it started have answered', () => {
    const changed = [comment(t(11)), answered('comments'), pageDoc(t(11)), answered('page')];
    expect(visit(revisited(t(10)), ...changed).currents).toEqual([]);
    expect(visit(revisited(t(10)), ...changed, answered('myLikes'), answered('owned')).currents).toEqual([['comments', 'page', 'myLikes', 'owned']]);
  });
});

describe('"this helped" marks', () => {
  it('start when a reply arrives on a page without known replies', () => {
    expect(visit(revisited(t(10)), comment(t(11), { isReply: true })).last.start).toEqual(['marks', 'myLikes', 'owned']);
    expect(visit(firstVisit(), comment(t(11), { isReply: true })).last.start).toEqual(['marks']);
  });

  it('start for a reply from the cache or still pending too (only the mine listeners need a server change)', () => {
    expect(visit(revisited(t(10)), comment(t(11), { isReply: true, fromServer: false })).last.start).toEqual(['marks']);
    expect(visit(revisited(t(10)), comment(null, { isReply: true, pending: true })).last.start).toEqual(['marks']);
  });

  it('an unchanged reply (at the cursor) starts marks but not the mine listeners', () => {
    expect(visit(revisited(t(10)), comment(t(10), { isReply: true })).last.start).toEqual(['marks']);
  });

  it('start once, and never again when they already run', () => {
    expect(visit(revisited(t(10), { hasReplies: true }), comment(t(10), { isReply: true })).started).toEqual(['comments', 'page', 'marks']);
    expect(visit(firstVisit(), comment(t(1), { isReply: true }), comment(t(2), { isReply: true })).started).toEqual(['comments', 'page', 'marks']);
  });

  it('a top-level comment never starts them', () => expect(visit(firstVisit(), comment(t(11))).started).toEqual(['comments', 'page']));

  it('a reply arriving with the first answer delays current until marks answered', () => {
    const seen = visit(revisited(t(10)), comment(t(10), { isReply: true }), answered('comments'), pageDoc(t(10)), answered('page'));
    expect(seen.currents).toEqual([]);
    expect(step(seen.state, answered('marks')).current).toEqual(['comments', 'page', 'marks']);
  });
});

describe('what a mine snapshot reflects (through)', () => {
  it('starts as the newer of the stored comment cursor and page document time', () => {
    expect(mineThrough(planVisit(firstVisit({ cursor: t(10), pageUpdatedAt: t(12) })).state, true)).toEqual(t(12));
    expect(mineThrough(planVisit(firstVisit({ cursor: t(12, 3), pageUpdatedAt: t(12) })).state, true)).toEqual(t(12, 3));
  });

  it('is the beginning of time when nothing was ever seen', () => expect(mineThrough(planVisit(firstVisit()).state, true)).toEqual(BEGINNING));

  it('equals the newest change seen from the server, comment or page document', () => {
    const seen = visit(firstVisit({ cursor: t(10) }), comment(t(15)), comment(t(13)), pageDoc(t(14)), answered('comments'), answered('page'));
    expect(mineThrough(seen.state, true)).toEqual(t(15));
    expect(mineThrough(step(seen.state, pageDoc(t(16, 1))).state, true)).toEqual(t(16, 1));
  });

  it('ignores cached, pending and time-less changes (they say nothing about the server)', () => {
    const seen = visit(firstVisit({ cursor: t(10) }), comment(t(20), { fromServer: false }), pageDoc(t(21), { pending: true }), comment(null), pageDoc(null));
    expect(mineThrough(seen.state, true)).toEqual(t(10));
  });

  it('is nothing for a snapshot from the cache', () => expect(mineThrough(planVisit(revisited(t(10))).state, false)).toBeUndefined());

  it('is a plain copy, not the object it was seen in', () => {
    const stamp = Object.assign(Object.create({ toMillis: () => 0 }) as object, t(30)) as ServerTime;
    const through = mineThrough(step(planVisit(firstVisit()).state, comment(stamp)).state, true);
    expect(through).toEqual(t(30));
    expect(Object.getPrototypeOf(through)).toBe(Object.prototype);
  });
});

describe('current', () => {
  it('is reported once, even when listeners answer again', () => {
    const seen = visit(revisited(t(10)), answered('comments'), answered('page'), answered('comments'), answered('page'), comment(t(10)), answered('comments'));
    expect(seen.currents).toEqual([['comments', 'page']]);
  });

  it('a later change that starts the mine listeners is not a second "current"', () => {
    const seen = visit(revisited(t(10)), answered('comments'), answered('page'), comment(t(11)), answered('comments'), answered('myLikes'), answered('owned'));
    expect(seen.started).toEqual(['comments', 'page', 'myLikes', 'owned']);
    expect(seen.currents).toEqual([['comments', 'page']]);
  });

  it('changes seen, however many, are no answer: without serverAnswered the visit is never current', () => {
    expect(visit(revisited(t(10)), comment(t(10), { fromServer: false }), pageDoc(t(10), { fromServer: false })).currents).toEqual([]);
  });
});

describe('the state', () => {
  it('is never changed in place', () => {
    const start = planVisit(revisited(t(10)));
    const frozen = JSON.stringify(start.state);
    step(start.state, comment(t(11), { isReply: true }));
    step(start.state, answered('comments'));
    expect(JSON.stringify(start.state)).toBe(frozen);
  });
});
