// Sends the outbox to Firestore, one item at a time in the order the changes were made.
// Side panel only. The Firestore side is passed in (`OutboxSender`), so unit tests drive every
// state transition with a fake sender and fake-indexeddb.
import type { PrikbordDb } from './db';
import { backoffMs, classifyError, refuseItem, settleItem, type OutboxItem, type OutboxOp } from './outbox';

/** What the flusher needs from Firestore. */
export interface OutboxSender {
  /** Applies the change; resolves when the server has it, throws a FirestoreError-like `{ code }` if not. */
  send(op: OutboxOp): Promise<void>;
  /** Whether the server already holds this change (a send that landed before a crash, or in another tab). */
  alreadyApplied(op: OutboxOp): Promise<boolean>;
}

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
export async function flushOutbox(db: PrikbordDb, uid: string, sender: OutboxSender, now: () => number = Date.now): Promise<FlushResult> {
  for (;;) {
    const items = await db.outbox.filter((item) => item.uid === uid).toArray();
    const item = nextSendable(items);
    if (!item) return { status: 'idle' };
    if (item.nextAttemptAt > now()) return { status: 'retry', at: item.nextAttemptAt };

    const wasMaybeSent = item.maybeSent || item.state === 'sending';
    await db.outbox.update(item.seq!, { state: 'sending', maybeSent: true });
    try {
      if (!(wasMaybeSent && (await sender.alreadyApplied(item.op)))) await sender.send(item.op);
      await settleItem(db, item);
    } catch (error) {
      const { permanent, refusal } = classifyError(error);
      // A refusal can also mean another tab sent the same change first: then it is done, not refused.
      if (permanent && (await sender.alreadyApplied(item.op).catch(() => false))) {
        await settleItem(db, item);
      } else if (permanent) {
        await refuseItem(db, item, refusal);
      } else {
        const attempts = item.attempts + 1;
        const at = now() + backoffMs(attempts);
        await db.outbox.update(item.seq!, { state: 'pending', attempts, nextAttemptAt: at });
        return { status: 'retry', at };
      }
    }
  }
}

/**
 * Runs flushOutbox whenever asked (after a change, on reconnect, on sign-in) and at retry times,
 * never twice at once — also not across the side panels of several windows, thanks to a Web Lock
 * that all extension pages share.
 */
export class OutboxRunner {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running = false;
  private again = false;
  private stopped = false;

  constructor(
    private readonly db: PrikbordDb,
    private readonly uid: string,
    private readonly sender: OutboxSender,
    private readonly onError: (error: unknown) => void = console.error,
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
    void this.runLocked()
      .then((result) => {
        if (result.status === 'retry' && !this.stopped) {
          this.timer = setTimeout(() => this.kick(), Math.max(0, result.at - Date.now()));
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

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  private async runLocked(): Promise<FlushResult> {
    const locks = (globalThis.navigator as Navigator | undefined)?.locks;
    if (!locks) return flushOutbox(this.db, this.uid, this.sender);
    // ifAvailable: if another panel holds the lock it is flushing the same queue; try again shortly.
    const result = await locks.request(`prikbord-outbox-${this.uid}`, { ifAvailable: true }, (lock) =>
      lock ? flushOutbox(this.db, this.uid, this.sender) : Promise.resolve<FlushResult>({ status: 'retry', at: Date.now() + 2000 }),
    );
    return result;
  }
}
