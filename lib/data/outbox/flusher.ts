// Sends the outbox to Firestore, one item at a time in the order the changes were made.
// Runs in the background service worker (entrypoints/background/index.ts, with Firestore Lite), so
// changes are sent even after the side panel is closed. The Firestore side is passed in
// (`OutboxSender`), so unit tests drive every state transition with a fake sender and fake-indexeddb.
// What an item's kind means (its settle and refuse) is asked of the operation registry
// (operations.ts); an item of a kind the registry does not know is quarantined, never sent.
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

/**
 * Sends every sendable item of `uid`, in order, until the queue is empty or a passing failure
 * asks for a retry later. An item left 'sending' by a crash is simply sent again: `maybeSent`
 * makes the retry check first whether it already landed, so nothing arrives twice.
 */
export async function flushOutbox(
  db: PrikbordDb,
  uid: string,
  sender: OutboxSender,
  now: () => number = Date.now,
  deadlineMs = SEND_DEADLINE_MS,
  /** Checked before each item: a stopped runner ends its pass after the item under way. */
  stopped: () => boolean = () => false,
): Promise<FlushResult> {
  for (;;) {
    if (stopped()) return { status: 'busy' };
    const items = await db.outbox.filter((item) => item.uid === uid).toArray();
    const item = nextSendable(items);
    if (!item) return { status: 'idle' };
    if (item.nextAttemptAt > now()) return { status: 'retry', at: item.nextAttemptAt };
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
    try {
      if (!(wasMaybeSent && (await withDeadline(sender.alreadyApplied(item.op), deadlineMs)))) await withDeadline(sender.send(item.op), deadlineMs);
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
    if (!locks) return flushOutbox(this.db, this.uid, this.sender, Date.now, SEND_DEADLINE_MS, () => this.stopped);
    // ifAvailable: if another panel holds the lock it is flushing the same queue; try again shortly.
    const result = await locks.request(`prikbord-outbox-${this.uid}`, { ifAvailable: true }, (lock) =>
      lock
        ? flushOutbox(this.db, this.uid, this.sender, Date.now, SEND_DEADLINE_MS, () => this.stopped)
        : Promise.resolve<FlushResult>({ status: 'retry', at: Date.now() + 2000 }),
    );
    return result;
  }
}
