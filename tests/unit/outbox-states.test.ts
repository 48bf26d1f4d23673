// The outbox state machine, state by state: every allowed move and every refused one.
import { describe, expect, it } from 'vitest';
import {
  backoffMs,
  classifyError,
  IllegalTransition,
  initialState,
  neverSent,
  REFUSALS,
  refusalError,
  transition,
  type OutboxEvent,
  type OutboxItemState,
} from '../../lib/core/outbox-states';

const half = () => 0.5; // no jitter: backoff exactly 1 s, 2 s, 4 s …
const NOW = 1_000_000;

const pending = (): OutboxItemState => initialState();
const sending = (): OutboxItemState => ({ ...initialState(), state: 'sending', maybeSent: true });
const refused = (): OutboxItemState => ({ ...initialState(), state: 'refused', maybeSent: true, refusal: 'refusedByRules' });
const backedOff = (): OutboxItemState => ({ ...initialState(), maybeSent: true, attempts: 2, nextAttemptAt: NOW + 2000, lastFailure: 'unavailable' });

const events: Record<OutboxEvent['type'], OutboxEvent> = {
  send: { type: 'send' },
  acknowledged: { type: 'acknowledged' },
  failed: { type: 'failed', code: 'unavailable', now: NOW, random: half },
  refused: { type: 'refused', refusal: 'refusedInvalid' },
  retry: { type: 'retry' },
  rewritten: { type: 'rewritten' },
  discarded: { type: 'discarded' },
};

/** Which events each starting state accepts; every other event must throw. */
function allowedFrom(item: OutboxItemState, allowed: Array<OutboxEvent['type']>) {
  for (const [name, event] of Object.entries(events)) {
    if (allowed.includes(name as OutboxEvent['type'])) expect(() => transition(item, event), name).not.toThrow();
    else expect(() => transition(item, event), name).toThrow(IllegalTransition);
  }
}

describe('a new item', () => {
  it('is pending, never sent, due at once', () => {
    expect(initialState()).toEqual({ state: 'pending', attempts: 0, nextAttemptAt: 0, maybeSent: false, refusal: undefined, lastFailure: undefined });
    expect(neverSent(initialState())).toBe(true);
  });
});

describe('pending (never sent)', () => {
  it('accepts send, rewritten and discarded only', () => allowedFrom(pending(), ['send', 'rewritten', 'discarded']));
  it('send → sending, and from then on it may have reached the server', () => {
    expect(transition(pending(), events.send)).toEqual({ to: { ...pending(), state: 'sending', maybeSent: true } });
  });
  it('discarded → removed', () => expect(transition(pending(), events.discarded)).toEqual({ removed: 'discarded' }));
});

describe('pending after a failed attempt (may have landed)', () => {
  it('can only be sent again: no rewriting or discarding what the server may hold', () => allowedFrom(backedOff(), ['send']));
  it('is not "never sent"', () => expect(neverSent(backedOff())).toBe(false));
});

describe('sending', () => {
  it('accepts send (again, after a crash), acknowledged, failed and refused', () => allowedFrom(sending(), ['send', 'acknowledged', 'failed', 'refused']));
  it('acknowledged → sent: the item leaves the outbox', () => expect(transition(sending(), events.acknowledged)).toEqual({ removed: 'sent' }));
  it('failed → pending with one more attempt, a backoff and the failure code', () => {
    expect(transition(sending(), events.failed)).toEqual({
      to: { ...sending(), state: 'pending', attempts: 1, nextAttemptAt: NOW + 1000, lastFailure: 'unavailable' },
    });
    const again = transition({ ...sending(), attempts: 3 }, events.failed);
    expect('to' in again && again.to.nextAttemptAt).toBe(NOW + 8000);
  });
  it('failed keeps maybeSent: the next try first asks whether it landed', () => {
    const next = transition(sending(), events.failed);
    expect('to' in next && next.to.maybeSent).toBe(true);
  });
  it('refused → refused with the reason', () => {
    expect(transition(sending(), events.refused)).toEqual({ to: { ...sending(), state: 'refused', refusal: 'refusedInvalid', lastFailure: undefined } });
  });
  it('send again after a crash left it sending stays sending', () => {
    expect(transition(sending(), events.send)).toEqual({ to: sending() });
  });
});

describe('refused', () => {
  it('accepts retry, rewritten and discarded only (never sent on its own)', () => allowedFrom(refused(), ['retry', 'rewritten', 'discarded']));
  it('retry → pending, due at once, reason and attempts cleared', () => {
    expect(transition({ ...refused(), attempts: 4 }, events.retry)).toEqual({
      to: { ...refused(), state: 'pending', attempts: 0, nextAttemptAt: 0, refusal: undefined, lastFailure: undefined },
    });
  });
  it('the server does not have it, so it counts as never sent', () => expect(neverSent(refused())).toBe(true));
});

describe('backoffMs', () => {
  it('doubles from 1 s up to a minute, with ±25 % jitter', () => {
    expect([1, 2, 3, 4, 7, 12].map((n) => backoffMs(n, half))).toEqual([1000, 2000, 4000, 8000, 60_000, 60_000]);
    expect(backoffMs(1, () => 0)).toBe(750);
    expect(backoffMs(1, () => 1)).toBe(1250);
  });
});

describe('classifyError', () => {
  it('rules and validation refusals are final; being unreachable is passing', () => {
    expect(classifyError({ code: 'permission-denied' })).toEqual({ permanent: true, refusal: 'refusedByRules', code: 'permission-denied' });
    expect(classifyError({ code: 'invalid-argument' })).toMatchObject({ permanent: true, refusal: 'refusedInvalid' });
    expect(classifyError({ code: 'unavailable' })).toEqual({ permanent: false, refusal: '', code: 'unavailable' });
    expect(classifyError({ code: 'deadline-exceeded' })).toMatchObject({ permanent: false });
    expect(classifyError(new TypeError('Failed to fetch'))).toMatchObject({ permanent: false, code: '' });
  });

  it('a refusal whose reason the outbox found itself keeps that reason (the panel shows it, text kept)', () => {
    expect(classifyError(refusalError(REFUSALS.rateLimited, 'x'))).toEqual({ permanent: true, refusal: 'refusedRateLimited', code: 'permission-denied' });
    expect(classifyError(refusalError(REFUSALS.anonymousOff, 'x'))).toMatchObject({ permanent: true, refusal: 'refusedAnonymousOff' });
  });

  it('an unknown or passing "reason" changes nothing', () => {
    expect(classifyError({ code: 'permission-denied', refusal: 'somethingElse' })).toMatchObject({ refusal: 'refusedByRules' });
    expect(classifyError({ code: 'unavailable', refusal: 'refusedRateLimited' })).toMatchObject({ permanent: false, refusal: '' });
  });
});
