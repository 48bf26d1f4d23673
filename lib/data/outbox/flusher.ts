// Sends the outbox to Firestore, one item at a time in the order the changes were made.
// Runs in the background service worker (entrypoints/background/index.ts, with Firestore Lite), so
// changes are sent even after the side panel is closed. The Firestore side is passed in
// (`OutboxSender`), so unit tests drive every state transition with a fake sender and fake-indexeddb.
// What an item's kind means (its settle and refuse) is asked of the operation registry
// (operations.ts); an item of a kind the registry does not know is quarantined, never sent.
//
// Anonymous items travel on their own (timing decorrelation). Every write gets a server
// timestamp, and colleagues can read those of comments and likes. Sent back to back, one person's
// anonymous comment would land milliseconds before their named like (typically after an offline
// spell, when the queue empties in one go), and the timestamps would name the author. So:
//   - An anonymous item is a comment create marked anonymous, an edit or delete of a comment the
//     person holds the owner link of, or a "this helped" on an anonymous question of theirs.
//   - When the flusher first sees one, it draws a delay D from 5 to 60 s (ANONYMOUS_DELAY_MS) and
//     stores it on the item (`notBefore` = now + D, `quietMs` = D): the item goes no earlier than
//     that, and only once nothing else of this person was sent for D — a named send during the
//     wait starts the quiet time again. So it never lands right after a named write.
//   - Named items don't wait for it: they pass it (it holds back only its own subject, so the
//     order within one comment is kept). After an anonymous send, named items wait a fresh 5 to 20 s
//     (GAP_AFTER_ANONYMOUS_MS), so none lands right after it either.
//   - Nothing is lost: a waiting anonymous item is an ordinary pending item in Dexie; the pass
//     returns a retry at its time (the runner sets a timer and the worker an alarm).
// What the flusher remembers between sends (`Pacing`) lives with the runner, in memory. A fresh
// runner (a restarted service worker) knows no history, so it assumes something was sent just
// now: an anonymous item then waits its full quiet time. The gap after an anonymous send is
// shorter than the service worker's 30 s idle timeout, so the worker outlives it in practice.
// Direct callers (the integration tests) may pass no pacing: then items go strictly in order.
// Over 250 lines on purpose: the pacing of anonymous items belongs with the send loop it paces.
import type { PrikbordDb } from '../db';
import { localOperation, quarantineItem, refuseItem, settleItem } from './operations';
import { stateAfter } from './items';
import { classifyError } from '../../core/outbox-states';
import type { OutboxItem, OutboxOp } from '../../core/rows';

/** What the flusher needs from Firestore. */
export interface OutboxSender {
  /** Applies the change; resolves when the server has it, throws a FirestoreError-like `{ code }` if not. */
  send(op: OutboxOp): Promise<void>;
  /** Whether the server already holds this change (a send that landed before a crash, or in another tab). */
  alreadyApplied(op: OutboxOp): Promise<boolean>;
}

/** How a flush pass ended: nothing left to send, a retry due at `at`, or the runner was stopped. */
export type FlushResult = { status: 'idle' } | { status: 'retry'; at: number } | { status: 'busy' };

/** The next item that may be sent: oldest first; a refused item holds back later items of the same subject. */
export function nextSendable(items: OutboxItem[]): OutboxItem | undefined {
  const held = new Set<string>();
  for (const item of [...items].sort((a, b) => a.seq! - b.seq!)) {
    if (item.state === 'refused') held.add(item.subject);
    else if (!held.has(item.subject)) return item;
  }
  return undefined;
}

/** An anonymous item's delay after it is first seen, and the quiet time it needs after other sends (drawn once per item). */
export const ANONYMOUS_DELAY_MS = { min: 5_000, max: 60_000 };
/** How long named items wait after an anonymous send (drawn afresh each time). */
export const GAP_AFTER_ANONYMOUS_MS = { min: 5_000, max: 20_000 };

/** What the flusher remembers between sends to keep anonymous items apart from the rest (see the module comment). */
export interface Pacing {
  /** When the last send attempt of this person ended (it may have reached the server). */
  lastSendAt: number;
  /** Named items are not sent before this (set after an anonymous send). */
  namedNotBefore: number;
  /** A uniform random number in [0, 1). */
  random: () => number;
}

/** A runner's pacing, made when it starts: with no history, it assumes something was sent at `now`. */
export function newPacing(now: number, random: () => number = Math.random): Pacing {
  return { lastSendAt: now, namedNotBefore: 0, random };
}

const draw = (range: { min: number; max: number }, random: () => number) => Math.round(range.min + random() * (range.max - range.min));

/** Whether sending `item` at a given moment could tie the person to an anonymous post. `owned`: their anonymous comments' ids. */
export function isAnonymousItem(item: OutboxItem, owned: ReadonlySet<string>): boolean {
  const op = item.op;
  switch (op.kind) {
    case 'create':
      return op.anonymous;
    case 'edit':
    case 'delete':
      return owned.has(op.commentId);
    case 'helpful':
      return owned.has(op.parentId);
    default:
      return false;
  }
}

/** What a pass does next: send an item, wait until a time, or nothing is left. */
export type Plan = { send: OutboxItem } | { wait: number } | { idle: true };

/**
 * The next step, oldest first. A refused item holds back its subject. Without pacing, the first
 * item goes (or, in backoff, makes the pass wait). With pacing, an anonymous item goes only when
 * its delay and quiet time have passed; until then it holds back its own subject and later items
 * pass it; a named item waits for its backoff and for the gap after an anonymous send.
 */
export function planNext(items: OutboxItem[], now: number, pacing: Pacing | undefined, anonymous: (item: OutboxItem) => boolean): Plan {
  const held = new Set<string>();
  let wake = Infinity;
  for (const item of [...items].sort((a, b) => a.seq! - b.seq!)) {
    if (item.state === 'refused') {
      held.add(item.subject);
      continue;
    }
    if (held.has(item.subject)) continue;
    if (pacing && anonymous(item)) {
      const readyAt = Math.max(item.nextAttemptAt, item.notBefore ?? 0, pacing.lastSendAt + (item.quietMs ?? 0));
      if (readyAt <= now) return { send: item };
      held.add(item.subject);
      wake = Math.min(wake, readyAt);
      continue;
    }
    const readyAt = Math.max(item.nextAttemptAt, pacing?.namedNotBefore ?? 0);
    if (readyAt <= now) return { send: item };
    // A backoff (the server unreachable) or the gap after an anonymous send holds the whole queue.
    return { wait: Math.min(readyAt, wake) };
  }
  return wake < Infinity ? { wait: wake } : { idle: true };
}

/** The ids of the anonymous comments `uid` holds owner links for (this browser's copy). */
async function ownedIds(db: PrikbordDb, uid: string): Promise<Set<string>> {
  return new Set((await db.owned.where('uid').equals(uid).toArray()).map((row) => row.commentId));
}

/**
 * Sends every sendable item of `uid`, in order, until the queue is empty or a passing failure
 * asks for a retry later. An item left 'sending' by a crash is simply sent again: `maybeSent`
 * makes the retry check first whether it already landed, so nothing arrives twice. With
 * `pacing` (the runner's), anonymous items are kept apart from the person's other sends (see
 * the module comment); a pass then also returns a retry at the time the next one may go.
 */
export async function flushOutbox(
  db: PrikbordDb,
  uid: string,
  sender: OutboxSender,
  now: () => number = Date.now,
  deadlineMs = SEND_DEADLINE_MS,
  /** Checked before each item: a stopped runner ends its pass after the item under way. */
  stopped: () => boolean = () => false,
  pacing?: Pacing,
): Promise<FlushResult> {
  for (;;) {
    if (stopped()) return { status: 'busy' };
    const items = await db.outbox.filter((item) => item.uid === uid).toArray();
    const owned = pacing ? await ownedIds(db, uid) : new Set<string>();
    const anonymous = (item: OutboxItem) => isAnonymousItem(item, owned);
    if (pacing) {
      // First sight of an anonymous item: draw its delay, and keep it with the item.
      for (const item of items) {
        if (item.notBefore === undefined && item.state !== 'refused' && localOperation(item.op.kind) && anonymous(item)) {
          const delay = draw(ANONYMOUS_DELAY_MS, pacing.random);
          Object.assign(item, { notBefore: now() + delay, quietMs: delay });
          await db.outbox.update(item.seq!, { notBefore: item.notBefore, quietMs: item.quietMs });
        }
      }
    }
    const plan = planNext(items, now(), pacing, anonymous);
    if ('idle' in plan) return { status: 'idle' };
    if ('wait' in plan) return { status: 'retry', at: plan.wait };
    const item = plan.send;
    if (!localOperation(item.op.kind)) {
      // A kind this version does not know (a corrupted row, or one a newer version wrote): what it
      // changes cannot be known, so it is set aside as refused rather than sent as a guess.
      await quarantineItem(db, item);
      continue;
    }

    // Left 'sending' by a crash (or sent before and failed): it may have landed already.
    const wasMaybeSent = item.maybeSent || item.state === 'sending';
    const sending: OutboxItem = { ...item, ...stateAfter(item, { type: 'send' }) };
    await db.outbox.update(item.seq!, { state: sending.state, maybeSent: sending.maybeSent });
    const wasAnonymous = anonymous(item);
    try {
      try {
        if (!(wasMaybeSent && (await withDeadline(sender.alreadyApplied(item.op), deadlineMs)))) await withDeadline(sender.send(item.op), deadlineMs);
      } finally {
        // Sent or not, the attempt may have reached the server: the quiet time counts from here.
        if (pacing) {
          pacing.lastSendAt = now();
          if (wasAnonymous) pacing.namedNotBefore = now() + draw(GAP_AFTER_ANONYMOUS_MS, pacing.random);
        }
      }
      await settleItem(db, sending);
    } catch (error) {
      const { permanent, refusal, code } = classifyError(error);
      // A refusal can also mean another tab sent the same change first: then it is done, not refused.
      if (permanent && (await sender.alreadyApplied(item.op).catch(() => false))) {
        await settleItem(db, sending);
      } else if (permanent) {
        await refuseItem(db, sending, refusal);
      } else {
        const failed = stateAfter(sending, { type: 'failed', code, now: now() });
        const { state, attempts, nextAttemptAt, lastFailure } = failed;
        // Only if the item is still there: the user may have discarded it meanwhile.
        await db.outbox.update(item.seq!, { state, attempts, nextAttemptAt, lastFailure });
        return { status: 'retry', at: nextAttemptAt };
      }
    }
  }
}

/** A server that hangs (accepts, never answers) must not hold the queue forever. */
export const SEND_DEADLINE_MS = 20_000;

/**
 * Fails with 'deadline-exceeded' (a passing failure) when `work` takes too long. The request may
 * still land later; `maybeSent` makes the retry ask first, so it is never applied twice.
 */
function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error('no answer from the server'), { code: 'deadline-exceeded' })), ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

/** Items that wait only for their backoff: bring their next attempt forward to now ("Try now", back online). */
export async function retryNow(db: PrikbordDb, uid: string): Promise<void> {
  await db.outbox.filter((item) => item.uid === uid && item.state !== 'refused' && item.nextAttemptAt > 0).modify({ nextAttemptAt: 0 });
}

/**
 * Runs flushOutbox whenever asked (after a change, on reconnect, on sign-in) and at retry times,
 * never twice at once — also not across contexts, thanks to a Web Lock that the service worker and
 * all extension pages share. `schedule` lets the background also set an alarm, since a stopped
 * service worker forgets its timers.
 */
export class OutboxRunner {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running = false;
  private pass: Promise<unknown> = Promise.resolve();
  private again = false;
  private stopped = false;
  /** Keeps this person's anonymous sends apart from their other sends, across passes. */
  private readonly pacing: Pacing = newPacing(Date.now());

  constructor(
    private readonly db: PrikbordDb,
    private readonly uid: string,
    private readonly sender: OutboxSender,
    private readonly onError: (error: unknown) => void = console.error,
    /** Told when the next pass is due (null: nothing waits). The worker sets an alarm from it. */
    private readonly schedule: (at: number | null) => void = () => undefined,
  ) {}

  /** Asks for a flush soon; calls while one runs are folded into one more pass. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    clearTimeout(this.timer);
    this.running = true;
    // A watchdog first: if this context dies mid-pass (a stopped service worker), the alarm wakes
    // a new one to finish the pass.
    this.schedule(Date.now() + SEND_DEADLINE_MS + 10_000);
    this.pass = this.runLocked()
      .then((result) => {
        if (this.stopped) return;
        if (result.status === 'retry') {
          this.timer = setTimeout(() => this.kick(), Math.max(0, result.at - Date.now()));
          this.schedule(result.at);
        } else if (result.status === 'idle') {
          this.schedule(null);
        }
      })
      .catch(this.onError)
      .finally(() => {
        this.running = false;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  /** Stops for good; resolves once a pass under way has finished (its client may then go). */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.pass.catch(() => undefined);
  }

  private async runLocked(): Promise<FlushResult> {
    const locks = (globalThis.navigator as Navigator | undefined)?.locks;
    if (!locks) return flushOutbox(this.db, this.uid, this.sender, Date.now, SEND_DEADLINE_MS, () => this.stopped, this.pacing);
    // ifAvailable: if another panel holds the lock it is flushing the same queue; try again shortly.
    const result = await locks.request(`prikbord-outbox-${this.uid}`, { ifAvailable: true }, (lock) =>
      lock
        ? flushOutbox(this.db, this.uid, this.sender, Date.now, SEND_DEADLINE_MS, () => this.stopped, this.pacing)
        : Promise.resolve<FlushResult>({ status: 'retry', at: Date.now() + 2000 }),
    );
    return result;
  }
}
