// The outbox item's life as an explicit state machine: every state change of an outbox item goes
// through `transition`, so the allowed moves are written down once, here, and unit-tested state by
// state (tests/unit/outbox-states.test.ts). Pure: no Dexie, no Firestore, no clock of its own.
//
//                 ┌────────── failed (transient: offline, server down; backoff) ──────────┐
//                 ▼                                                                        │
//   (new) ──▶ pending ──send──▶ sending ──acknowledged──▶ sent (the item is removed)      │
//               ▲  │              │  │                                                     │
//               │  │              │  └─────────────────────────────────────────────────────┘
//               │  │              └──refused (rules or validation)──▶ refused ──discarded──▶ (removed)
//               │  └──discarded / rewritten (only while never sent)      │
//               └──────────────────────────── retry ────────────────────┘
//
// `sending` survives a crash (browser closed, service worker stopped mid-flush): the next flush
// sends such an item again (`send` from `sending`), and because `maybeSent` is set, it first asks
// the server whether the change already landed, so nothing arrives twice.

/** Where an item is. `sent` is never stored: a sent item leaves the outbox. */
export type OutboxState = 'pending' | 'sending' | 'refused';

/** The state fields of an outbox item (the rest of the item is its operation and identity). */
export interface OutboxItemState {
  state: OutboxState;
  /** Failed attempts since the last success or retry: sets the backoff. */
  attempts: number;
  /** Epoch ms before which a retry must not start (backoff). */
  nextAttemptAt: number;
  /** True once a send may have reached the server: a retry first checks whether it already landed. */
  maybeSent: boolean;
  /** i18n key of the reason, when refused. */
  refusal?: string;
  /** Error code of the last passing failure (e.g. 'unavailable'), for "can't reach the server". */
  lastFailure?: string;
  /**
   * An anonymous item only (timing decorrelation, lib/data/outbox/flusher.ts): epoch ms before
   * which it is not sent, set when the flusher first sees it. Not a backoff: "try now" keeps it.
   */
  notBefore?: number;
  /** An anonymous item only: the quiet time (ms) it needs after this person's last other send, drawn once. */
  quietMs?: number;
}

export type OutboxEvent =
  /** The flusher starts sending it (also again, after a crash left it `sending`). */
  | { type: 'send' }
  /** The server has it (or already had it). */
  | { type: 'acknowledged' }
  /** A passing failure: try again after the backoff. */
  | { type: 'failed'; code: string; now: number; random?: () => number }
  /** A final no from the server: the user decides (edit and retry, copy, discard). */
  | { type: 'refused'; refusal: string }
  /** The user asks to send a refused item again (after editing it, or not). */
  | { type: 'retry' }
  /** The user rewrote a change that the server never saw (e.g. edited a comment still waiting). */
  | { type: 'rewritten' }
  /** The user gives up a change the server never saw. */
  | { type: 'discarded' };

/** Outcome of a transition: the item's new state fields, or that it leaves the outbox. */
export type Transition = { to: OutboxItemState } | { removed: 'sent' | 'discarded' };

export class IllegalTransition extends Error {
  constructor(from: OutboxState, event: OutboxEvent['type']) {
    super(`outbox: '${event}' is not allowed in state '${from}'`);
  }
}

/** Whether the server can never have seen this item (so it may still be rewritten or dropped). */
export function neverSent(item: OutboxItemState): boolean {
  return item.state === 'refused' || (item.state === 'pending' && !item.maybeSent);
}

const fresh = { attempts: 0, nextAttemptAt: 0, refusal: undefined, lastFailure: undefined };

/** A new item: waiting to be sent, as soon as possible. */
export function initialState(): OutboxItemState {
  return { state: 'pending', maybeSent: false, ...fresh };
}

/** Wait before retry number `attempts` (1, 2, 4 … seconds, at most a minute), with jitter so tabs don't sync up. */
export function backoffMs(attempts: number, random = Math.random): number {
  const base = Math.min(60_000, 1000 * 2 ** Math.max(0, attempts - 1));
  return Math.round(base * (0.75 + random() * 0.5));
}

/** The one place that says which moves are allowed and what each does. Throws IllegalTransition otherwise. */
export function transition(item: OutboxItemState, event: OutboxEvent): Transition {
  const { state } = item;
  switch (event.type) {
    case 'send':
      if (state === 'refused') break;
      return { to: { ...item, state: 'sending', maybeSent: true } };
    case 'acknowledged':
      if (state !== 'sending') break;
      return { removed: 'sent' };
    case 'failed': {
      if (state !== 'sending') break;
      const attempts = item.attempts + 1;
      return {
        to: { ...item, state: 'pending', attempts, nextAttemptAt: event.now + backoffMs(attempts, event.random), lastFailure: event.code || 'unknown' },
      };
    }
    case 'refused':
      if (state !== 'sending') break;
      return { to: { ...item, state: 'refused', refusal: event.refusal, lastFailure: undefined } };
    case 'retry':
      if (state !== 'refused') break;
      return { to: { ...item, state: 'pending', ...fresh } };
    case 'rewritten':
      if (!neverSent(item)) break;
      return { to: { ...item, state: 'pending', ...fresh } };
    case 'discarded':
      if (!neverSent(item)) break;
      return { removed: 'discarded' };
  }
  throw new IllegalTransition(state, event.type);
}

/** Firestore error codes that will not change by trying again: the item is refused. */
const PERMANENT = new Set(['permission-denied', 'invalid-argument', 'failed-precondition', 'not-found', 'already-exists', 'out-of-range']);

/**
 * Why an item was refused, as the i18n key the panel shows beside it (the text is always kept).
 * The rules refuse every cause with the same bare 'permission-denied', so the two causes a person
 * can act on are told apart by the outbox itself, before sending or by reading what it may read
 * (remote-operations.ts): their own rate window, and the organisation's settings.
 */
export const REFUSALS = {
  /** The rules said no, for a reason the client cannot tell. */
  rules: 'refusedByRules',
  /** Malformed (or a kind this version does not know). */
  invalid: 'refusedInvalid',
  /** More than the rate limit's comments in a minute: wait a minute, then retry. */
  rateLimited: 'refusedRateLimited',
  /** The organisation switched anonymous posting off (config/settings). */
  anonymousOff: 'refusedAnonymousOff',
} as const;

export type Refusal = (typeof REFUSALS)[keyof typeof REFUSALS];

const KNOWN_REFUSALS = new Set<string>(Object.values(REFUSALS));

/** A final refusal whose reason the outbox knows (e.g. the rate limit): classified with that reason. */
export function refusalError(refusal: Refusal, message: string): Error & { code: 'permission-denied'; refusal: Refusal } {
  return Object.assign(new Error(message), { code: 'permission-denied' as const, refusal });
}

/** Whether an error from a send is final (refuse the item) or passing (retry later), and its code. */
export function classifyError(error: unknown): { permanent: boolean; refusal: string; code: string } {
  const code = typeof error === 'object' && error !== null ? String((error as { code?: unknown }).code ?? '') : '';
  if (!PERMANENT.has(code)) return { permanent: false, refusal: '', code };
  const known = (error as { refusal?: unknown }).refusal;
  if (typeof known === 'string' && KNOWN_REFUSALS.has(known)) return { permanent: true, refusal: known, code };
  return { permanent: true, refusal: code === 'permission-denied' ? REFUSALS.rules : REFUSALS.invalid, code };
}
