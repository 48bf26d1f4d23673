// The listener plan of one visit to a page's thread: which Firestore listeners run, when each one
// starts, when the visit is current, and what the person's own listeners are known to reflect.
// Pure: no Firestore, no Dexie, no clock. lib/data/thread/thread-sync.ts runs the real listeners,
// feeds the plan what they see (`step`) and does what it answers; the rules are unit-tested one by
// one in tests/unit/listener-plan.test.ts.
//
// Cost model (Firestore bills per document read, and one read for a query that returns nothing):
// the comments listener and the page document always run. Three more listeners ask strictly after
// their cursor, so on an unchanged page they deliver no documents, but each still bills a read:
//
// - the two "mine" listeners carry only the signed-in person's own facts (their likes; the owner
//   links of their anonymous comments). On a revisit they start only when the thread changed since
//   they last ran: every like and every anonymous comment is written in one batch with a comment or
//   the page document, at the same server time, so a change to what they would read always shows
//   up first as a comment or page document newer than the change they are known to reflect
//   (`mine.likesThrough/ownedThrough` of the page row).
// - "This helped" marks are written on their own, but only ever on a reply (the rules check it),
//   and every reply reaches Dexie through the comments listener: so the marks listener starts only
//   once the page has a reply.
//
// An unchanged revisit of a page then bills 2 reads (page document, the cursor's comment) instead
// of 5, or 3 where the thread has replies.
import type { PageRow, ServerTime } from './rows';

/** The listeners one thread may run, as named to the sync's observer. */
export const THREAD_LISTENERS = ['comments', 'page', 'myLikes', 'marks', 'owned'] as const;
/** One of THREAD_LISTENERS. */
export type ThreadListener = (typeof THREAD_LISTENERS)[number];

/** The two listeners of the signed-in person's own facts, always started together. */
const MINE: readonly ThreadListener[] = ['myLikes', 'owned'];

/** Whether `b` is later than `a`; anything is later than an unknown `a`, and an equal time is not. */
export function newer(a: ServerTime | undefined, b: ServerTime): boolean {
  return !a || b.seconds > a.seconds || (b.seconds === a.seconds && b.nanoseconds > a.nanoseconds);
}

/** Just seconds and nanoseconds (e.g. of a Firestore Timestamp): what Dexie stores. */
export function plainTime(t: ServerTime): ServerTime {
  return { seconds: t.seconds, nanoseconds: t.nanoseconds };
}

/** The later of two times; undefined only when both are. */
function later(a: ServerTime | undefined, b: ServerTime | undefined): ServerTime | undefined {
  if (!b) return a;
  return newer(a, b) ? plainTime(b) : a;
}

/** "Reflects nothing yet": what a first visit's "mine" listeners record at least. */
export const BEGINNING: ServerTime = { seconds: 0, nanoseconds: 0 };

/**
 * The signed-in person's own listener record on a page. Another person's (someone else used this
 * browser profile before) counts as none: it says nothing about what this person did.
 */
export function mineFor(page: Pick<PageRow, 'mine'> | undefined, uid: string): PageRow['mine'] {
  return page?.mine?.uid === uid ? page.mine : undefined;
}

/** What this browser knows about the page when a visit starts: its page row, and whether it holds a reply. */
export interface KnownPage extends Pick<PageRow, 'cursor' | 'pageUpdatedAt' | 'mine'> {
  /** The signed-in person. */
  uid: string;
  /** Whether Dexie already holds a reply on this page. */
  hasReplies: boolean;
}

/** Where a visit stands. Never changed in place: each step returns a new one. */
export interface PlanState {
  /** Listeners started on this visit, in the order they started. */
  running: readonly ThreadListener[];
  /** Listeners that have answered from the server at least once. */
  answered: readonly ThreadListener[];
  /**
   * The newest thread change both "mine" listeners are known to reflect (the older of their two
   * records); undefined when they never ran here for this person, so this is a first visit for them.
   */
  reflected: ServerTime | undefined;
  /**
   * The newest thread change (comment or page document) seen from the server so far: first the
   * stored cursors, then this visit's snapshots. What a "mine" snapshot from the server reflects.
   */
  observed: ServerTime | undefined;
  /** Whether the visit was reported current (that happens once). */
  reportedCurrent: boolean;
}

/** Something a running listener saw, fed to `step` in the order it happened. */
export type PlanEvent =
  /** One change in a comments snapshot (fed before that snapshot's `serverAnswered`). */
  | { type: 'commentSeen'; updatedAt?: ServerTime | null; isReply: boolean; fromServer: boolean; pending: boolean }
  /** A page document snapshot (fed before its `serverAnswered`). */
  | { type: 'pageSeen'; updatedAt?: ServerTime | null; fromServer: boolean; pending: boolean }
  /** A snapshot of `listener` came from the server, not only from the SDK's cache. */
  | { type: 'serverAnswered'; listener: ThreadListener };

/** What to do after a step. */
export interface PlanStep {
  /** The visit's new state. */
  state: PlanState;
  /** Listeners to start now, in this order (never one already started). */
  start: ThreadListener[];
  /** Given once, at the step where every running listener has answered from the server: which run. */
  current?: ThreadListener[];
}

/** The start of a visit: its first listeners and state. */
export function planVisit(known: KnownPage): PlanStep {
  const mine = mineFor(known, known.uid);
  // The mine listeners are needed when they never ran here, or once the thread shows a change
  // newer than what both reflect: the older of the two records counts.
  const reflected =
    mine?.likesThrough && mine.ownedThrough ? plainTime(newer(mine.likesThrough, mine.ownedThrough) ? mine.likesThrough : mine.ownedThrough) : undefined;
  const state: PlanState = {
    running: [],
    answered: [],
    reflected,
    observed: later(later(undefined, known.cursor), known.pageUpdatedAt),
    reportedCurrent: false,
  };
  // A page that already has a reply may have marks: their listener runs from the start.
  return starting(state, known.hasReplies ? ['comments', 'page', 'marks'] : ['comments', 'page']);
}

/** The plan's answer to one event. */
export function step(state: PlanState, event: PlanEvent): PlanStep {
  switch (event.type) {
    case 'commentSeen': {
      // A reply may be marked "this helped", wherever it came from (cache, own pending write).
      const marks: ThreadListener[] = event.isReply ? ['marks'] : [];
      return starting(state, [...marks, ...serverChange(state, event)], serverTime(event));
    }
    case 'pageSeen':
      return starting(state, serverChange(state, event), serverTime(event));
    case 'serverAnswered': {
      const answered = state.answered.includes(event.listener) ? state.answered : [...state.answered, event.listener];
      // Never ran here: they start once comments and page document have answered, so that what
      // they record as reflected covers the whole thread and the next visit can leave them off.
      const firstForMine = state.reflected === undefined && answered.includes('comments') && answered.includes('page');
      return starting({ ...state, answered }, firstForMine ? MINE : []);
    }
  }
}

/**
 * What a "mine" snapshot is known to reflect, read when it arrives: from the server, every thread
 * change seen before it (`BEGINNING` when none was); from the cache, nothing to record.
 */
export function mineThrough(state: PlanState, fromServer: boolean): ServerTime | undefined {
  return fromServer ? (state.observed ?? BEGINNING) : undefined;
}

/** The time of a change the server has confirmed; cached and own pending changes tell nothing about the server. */
function serverTime(event: { updatedAt?: ServerTime | null; fromServer: boolean; pending: boolean }): ServerTime | undefined {
  return event.fromServer && !event.pending && event.updatedAt ? event.updatedAt : undefined;
}

/** On a revisit, a confirmed change newer than what the mine listeners reflect calls for them. */
function serverChange(state: PlanState, event: { updatedAt?: ServerTime | null; fromServer: boolean; pending: boolean }): readonly ThreadListener[] {
  const at = serverTime(event);
  return at && state.reflected !== undefined && newer(state.reflected, at) ? MINE : [];
}

/**
 * Adds `wanted` (minus what already runs) to the running listeners, moves `observed` to `seen`,
 * and reports the visit current when every running listener has answered for the first time.
 */
function starting(state: PlanState, wanted: readonly ThreadListener[], seen?: ServerTime): PlanStep {
  const start = wanted.filter((name, i) => !state.running.includes(name) && wanted.indexOf(name) === i);
  const running = start.length > 0 ? [...state.running, ...start] : state.running;
  const next: PlanState = { ...state, running, observed: later(state.observed, seen) };
  if (next.reportedCurrent || !running.every((name) => next.answered.includes(name))) return { state: next, start };
  return { state: { ...next, reportedCurrent: true }, start, current: [...running] };
}
