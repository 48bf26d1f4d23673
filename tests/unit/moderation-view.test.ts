// The moderation screens' pure parts (lib/core/moderation/queue-view.ts, queue-codec.ts, premoderation.ts).
import { describe, expect, it } from 'vitest';
import en from '../../public/_locales/en/messages.json';
import nl from '../../public/_locales/nl/messages.json';
import { MODERATE_REFUSALS, type ModerateRefusal } from '../../lib/core/moderation/model';
import { queueItemFromDoc } from '../../lib/core/moderation/queue-codec';
import { moderateFailure } from '../../lib/data/moderation/moderate-call';
import {
  actionsFor,
  claimState,
  failureMessageKey,
  failureOfCall,
  moderationScope,
  queueSections,
  queueView,
  reportProblem,
  sectionChunks,
  topReason,
  type ModerationFailure,
} from '../../lib/core/moderation/queue-view';
import { isHeld, premoderationAt } from '../../lib/core/moderation/premoderation';
import { NO_ROLLOUT, type Rollout } from '../../lib/core/rollout';

const item = (id: string, over: { status?: 'open' | 'hidden' | 'kept'; sectionKey?: string; reportCount?: number; latestAt?: number } = {}) => ({
  id,
  status: over.status ?? ('open' as const),
  sectionKey: over.sectionKey ?? 'HR',
  reportCount: over.reportCount ?? 1,
  latestAt: over.latestAt ?? 0,
});

describe('the queue: order and filters', () => {
  const items = [
    item('a', { reportCount: 1, latestAt: 300 }),
    item('b', { reportCount: 5, latestAt: 100 }),
    item('c', { reportCount: 5, latestAt: 200, sectionKey: 'ICT' }),
    item('d', { status: 'hidden', reportCount: 9, latestAt: 400 }),
    item('e', { status: 'kept', latestAt: 50, sectionKey: '_rest' }),
  ];
  const ids = (list: Array<{ id: string }>) => list.map((i) => i.id);

  it('shows the open items newest first, or most reported first (ties newest first)', () => {
    expect(ids(queueView(items, { status: 'open', section: null }, 'newest'))).toEqual(['a', 'c', 'b']);
    expect(ids(queueView(items, { status: 'open', section: null }, 'mostReported'))).toEqual(['c', 'b', 'a']);
  });

  it('filters by status (decided: everything not open) and by section', () => {
    expect(ids(queueView(items, { status: 'decided', section: null }, 'newest'))).toEqual(['d', 'e']);
    expect(ids(queueView(items, { status: 'all', section: 'HR' }, 'newest'))).toEqual(['d', 'a', 'b']);
    expect(ids(queueView(items, { status: 'open', section: 'Finance' }, 'newest'))).toEqual([]);
  });

  it('breaks full ties by id, so the order never flickers between snapshots', () => {
    const tied = [item('z'), item('m'), item('q')];
    expect(ids(queueView(tied, { status: 'all', section: null }, 'mostReported'))).toEqual(['m', 'q', 'z']);
    expect(tied.map((i) => i.id)).toEqual(['z', 'm', 'q']);
  });

  it('lists the sections present, the rest of the intranet last', () => {
    expect(queueSections(items)).toEqual(['HR', 'ICT', '_rest']);
  });
});

describe('who may read which items', () => {
  it('administrators and moderators everywhere read all; scoped moderators their sections, read in chunks of 30', () => {
    expect(moderationScope({ admin: true })).toBe('all');
    expect(moderationScope({ moderator: true })).toBe('all');
    expect(moderationScope({ moderator: ['ICT', 'HR'] })).toEqual(['HR', 'ICT']);
    expect(moderationScope({ comms: true })).toBeNull();
    expect(moderationScope({ moderator: [] })).toBeNull();
    const many = Array.from({ length: 65 }, (_, i) => `s${i}`);
    expect(sectionChunks(many).map((c) => c.length)).toEqual([30, 30, 5]);
  });
});

describe('claims and actions', () => {
  it('a claim is mine, someone else’s (by name) or, once lapsed, nobody’s', () => {
    const claim = { uid: 'u1', name: 'Chantal Bakker', until: 1000 };
    expect(claimState(claim, 'u1', 500)).toEqual({ kind: 'mine' });
    expect(claimState(claim, 'u2', 500)).toEqual({ kind: 'other', name: 'Chantal Bakker' });
    expect(claimState(claim, 'u2', 1000)).toEqual({ kind: 'free' });
    expect(claimState(null, 'u2', 0)).toEqual({ kind: 'free' });
  });

  it('offers keep/hide on a reported item, approve/reject on a held one, restore on a hidden one', () => {
    expect(actionsFor({ status: 'open', held: false })).toEqual(['keep', 'hide', 'note']);
    expect(actionsFor({ status: 'open', held: true })).toEqual(['approve', 'reject', 'note']);
    expect(actionsFor({ status: 'hidden', held: false })).toEqual(['restore', 'note']);
    expect(actionsFor({ status: 'kept', held: false })).toEqual(['hide', 'note']);
    expect(actionsFor({ status: 'rejected', held: true })).toEqual(['note']);
  });

  it('proposes the most reported reason for a hide', () => {
    expect(topReason({ spam: 1, attack: 3, private: 2 })).toBe('attack');
    expect(topReason({})).toBeNull();
  });
});

describe('reports', () => {
  it('needs a reason, a text with "other", and at most 500 characters', () => {
    expect(reportProblem(null, '')).toBe('noReason');
    expect(reportProblem('other', '   ')).toBe('textRequired');
    expect(reportProblem('other', 'rude')).toBeNull();
    expect(reportProblem('spam', '')).toBeNull();
    expect(reportProblem('spam', 'x'.repeat(501))).toBe('textTooLong');
  });
});

describe('refusals become messages', () => {
  // Every refusal the callable names (model.ts), the new invalidRequest included.
  const CODES: readonly ModerateRefusal[] = MODERATE_REFUSALS;

  // The callable's client (lib/data/moderation/moderate-call.ts) reads the error; the console names it.
  const failure = (error: unknown) => failureOfCall(moderateFailure(error).problem);

  it('reads the contract’s code from the HttpsError details, else the way there', () => {
    for (const code of CODES) expect(failure({ code: 'functions/failed-precondition', details: { code } })).toBe(code);
    expect(failure({ code: 'functions/unauthenticated' })).toBe('signedOut');
    expect(failure({ code: 'functions/unavailable' })).toBe('offline');
    expect(failure({ code: 'functions/internal', details: { code: 'somethingNew' } })).toBe('failed');
    expect(failure(undefined)).toBe('failed');
  });

  it('has an English and a Dutch message for every failure', () => {
    const failures: ModerationFailure[] = [...CODES, 'offline', 'signedOut', 'alreadyReported', 'ownComment', 'noteEmpty', 'failed'];
    for (const failure of failures) {
      const key = failureMessageKey(failure);
      expect((en as Record<string, { message: string }>)[key]?.message, key).toBeTruthy();
      expect((nl as Record<string, { message: string }>)[key]?.message, key).toBeTruthy();
    }
  });
});

describe('a queue document read back', () => {
  it('never carries a name on an anonymous item, and reads malformed fields as empty', () => {
    const read = queueItemFromDoc('p_c', {
      pageId: 'p',
      commentId: 'c',
      anonymous: true,
      authorName: 'Leaked Name',
      reasons: { attack: 2, bogus: 4, spam: -1 },
      reportCount: 2,
      status: 'weird',
      claim: { uid: 'm1', name: 'Mo', until: new Date(5000) },
      history: [{ action: 'hide', by: { uid: 'm1', name: 'Mo' }, at: 10, reason: 'attack' }, { action: 'explode' }],
    });
    expect(read.authorName).toBeNull();
    expect(read.reasons).toEqual({ attack: 2 });
    expect(read.status).toBe('open');
    expect(read.claim).toEqual({ uid: 'm1', name: 'Mo', until: 5000 });
    expect(read.history).toEqual([{ action: 'hide', by: { uid: 'm1', name: 'Mo' }, at: 10, reason: 'attack' }]);
  });
});

describe('pre-moderation at a page', () => {
  const rollout: Rollout = {
    ...NO_ROLLOUT,
    rest: { ...NO_ROLLOUT.rest, premoderation: 'anonymous' },
    sections: {
      hr: {
        name: 'HR',
        kind: 'section',
        prefixes: ['https://i.example/hr/'],
        pages: [],
        mode: 'on',
        features: NO_ROLLOUT.rest.features,
        pilotGroups: [],
        othersSee: 'off',
        premoderation: 'all',
      },
      ict: {
        name: 'ICT',
        kind: 'section',
        prefixes: ['https://i.example/ict/'],
        pages: [],
        mode: 'on',
        features: NO_ROLLOUT.rest.features,
        pilotGroups: [],
        othersSee: 'off',
      },
    },
    index: { 'https://i.example/hr/': 'hr', 'https://i.example/ict/': 'ict' },
  };

  it('follows the page’s section, else the rest; holds what the mode says', () => {
    expect(premoderationAt(rollout, 'https://i.example/hr/verlof.html')).toBe('all');
    expect(premoderationAt(rollout, 'https://i.example/ict/vpn.html')).toBe('off');
    expect(premoderationAt(rollout, 'https://i.example/nieuws.html')).toBe('anonymous');
    expect(isHeld('all', false)).toBe(true);
    expect(isHeld('anonymous', false)).toBe(false);
    expect(isHeld('anonymous', true)).toBe(true);
    expect(isHeld('off', true)).toBe(false);
  });
});
