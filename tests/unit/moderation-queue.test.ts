// The moderation queue's pure parts (lib/core/moderation/queue.ts): reading the callable's
// request, who moderates which section, claims and their lapse, which decision fits which post,
// what a queue item says after reports or a hold (never an anonymous author), the queue's orders.
import { describe, expect, it } from 'vitest';
import { CLAIM_MINUTES, MAX_NOTE_LENGTH } from '../../lib/core/moderation/model';
import {
  activeClaim,
  checkClaim,
  claimFor,
  compareQueueItems,
  itemAfterReports,
  itemForHeld,
  ModerationError,
  moderatesSection,
  outcomeOf,
  parseModerateRequest,
  parseQueueId,
  postStateOf,
  statusAfter,
} from '../../lib/core/moderation/queue';

const refusal = (f: () => unknown): string => {
  try {
    f();
    return 'accepted';
  } catch (error) {
    if (error instanceof ModerationError) return error.code;
    throw error;
  }
};

const PAGE = { url: 'http://intranet/ict/a.html', title: 'A', sectionKey: 'ICT' };
const IDS = { pageId: 'p_0123456789abcdef01234567', commentId: 'c1xxxxxxxxxxxxxxxxxx' };

describe('the request', () => {
  it('a queue id names its page and comment', () => {
    expect(parseQueueId(`${IDS.pageId}_${IDS.commentId}`)).toEqual(IDS);
    expect(parseQueueId('nounderscore')).toBeNull();
    expect(parseQueueId('p_x_')).toBeNull();
    expect(parseQueueId('a/b_c')).toBeNull();
  });

  it('reads what it needs and refuses the rest with a code', () => {
    const queueId = `${IDS.pageId}_${IDS.commentId}`;
    expect(parseModerateRequest({ queueId, action: 'hide', reason: 'attack', extra: 1 })).toEqual({ queueId, action: 'hide', reason: 'attack' });
    expect(refusal(() => parseModerateRequest({ queueId, action: 'hide' }))).toBe('reasonRequired');
    expect(refusal(() => parseModerateRequest({ queueId, action: 'delete' }))).toBe('invalidRequest');
    expect(refusal(() => parseModerateRequest({ queueId, action: 'keep', reason: 'rude' }))).toBe('invalidRequest');
    expect(refusal(() => parseModerateRequest({ action: 'keep' }))).toBe('invalidRequest');
    expect(refusal(() => parseModerateRequest(null))).toBe('invalidRequest');
    expect(refusal(() => parseModerateRequest({ queueId, action: 'note', note: '  ' }))).toBe('invalidRequest');
    expect(refusal(() => parseModerateRequest({ queueId, action: 'note', note: 'x'.repeat(MAX_NOTE_LENGTH + 1) }))).toBe('noteTooLong');
    expect(parseModerateRequest({ queueId, action: 'note', note: ' Let op je toon. ' })).toEqual({ queueId, action: 'note', note: 'Let op je toon.' });
  });
});

describe('who moderates which section', () => {
  it('everywhere, or the listed sections only (never the rest for a scoped moderator)', () => {
    expect(moderatesSection({ moderator: true }, '_rest')).toBe(true);
    expect(moderatesSection({ admin: true }, 'HR')).toBe(true);
    expect(moderatesSection({ moderator: ['ICT'] }, 'ICT')).toBe(true);
    expect(moderatesSection({ moderator: ['ICT'] }, 'HR')).toBe(false);
    expect(moderatesSection({ moderator: ['ICT'] }, '_rest')).toBe(false);
    expect(moderatesSection({ comms: true, communityManager: ['ICT'] }, 'ICT')).toBe(false);
  });
});

describe('claims', () => {
  const A = { uid: 'a', name: 'Chantal' };
  const B = { uid: 'b', name: 'Iris' };
  it('one moderator at a time, until the claim lapses', () => {
    const claim = claimFor(A, 1000);
    expect(claim.until).toBe(1000 + CLAIM_MINUTES * 60_000);
    expect(refusal(() => checkClaim({ claim }, B.uid, 2000))).toBe('claimedByOther');
    expect(refusal(() => checkClaim({ claim }, A.uid, 2000))).toBe('accepted');
    expect(refusal(() => checkClaim({ claim }, B.uid, claim.until))).toBe('accepted');
    expect(activeClaim({ claim }, claim.until)).toBeNull();
    try {
      checkClaim({ claim }, B.uid, 2000);
    } catch (error) {
      expect((error as ModerationError).claimedBy).toBe('Chantal');
    }
  });
});

describe('which decision fits which post', () => {
  it('reads the post', () => {
    expect(postStateOf({ deleted: false }, undefined)).toBe('live');
    expect(postStateOf({ deleted: true }, undefined)).toBe('deletedByAuthor');
    expect(postStateOf({ deleted: true, moderated: true }, undefined)).toBe('hidden');
    expect(postStateOf(undefined, { text: 'x' })).toBe('held');
    expect(postStateOf(undefined, undefined)).toBe('missing');
  });

  it('keep and hide a live comment; restore a hidden one; approve and reject a held post', () => {
    expect(statusAfter('keep', 'live')).toBe('kept');
    expect(statusAfter('hide', 'live')).toBe('hidden');
    expect(statusAfter('restore', 'hidden')).toBe('restored');
    expect(statusAfter('approve', 'held')).toBe('approved');
    expect(statusAfter('reject', 'held')).toBe('rejected');
  });

  it('refuses with a clear code: deleted by the author, already decided, not found, wrong kind', () => {
    expect(refusal(() => statusAfter('restore', 'deletedByAuthor'))).toBe('deletedByAuthor');
    expect(refusal(() => statusAfter('hide', 'deletedByAuthor'))).toBe('deletedByAuthor');
    expect(refusal(() => statusAfter('hide', 'hidden'))).toBe('alreadyDecided');
    expect(refusal(() => statusAfter('restore', 'live'))).toBe('alreadyDecided');
    expect(refusal(() => statusAfter('approve', 'live'))).toBe('alreadyDecided');
    expect(refusal(() => statusAfter('keep', 'missing'))).toBe('notFound');
    expect(refusal(() => statusAfter('keep', 'held'))).toBe('invalidRequest');
  });

  it('the author hears of everything but a keep', () => {
    expect(outcomeOf('keep')).toBeNull();
    expect(outcomeOf('claim')).toBeNull();
    expect(outcomeOf('hide')).toBe('hidden');
    expect(outcomeOf('note')).toBe('note');
  });
});

describe('the queue item', () => {
  const reports = [
    { reason: 'attack' as const, createdAt: 10 },
    { reason: 'attack' as const, createdAt: 30 },
    { reason: 'spam' as const, createdAt: 20 },
  ];

  it('counts reports by reason from all of them (a retried event counts nothing twice)', () => {
    const item = itemAfterReports(null, IDS, PAGE, { text: 'Tekst', anonymous: false, authorName: 'Bram Jansen' }, reports);
    expect(item).toMatchObject({
      reasons: { attack: 2, spam: 1 },
      reportCount: 3,
      latestAt: 30,
      status: 'open',
      held: false,
      authorName: 'Bram Jansen',
      sectionKey: 'ICT',
    });
    expect(itemAfterReports(null, IDS, PAGE, { text: 'Tekst', anonymous: false, authorName: 'Bram Jansen' }, reports)).toEqual(item);
  });

  it('never names an anonymous author, whatever it is given', () => {
    const item = itemAfterReports(null, IDS, PAGE, { text: 'Tekst', anonymous: true, authorName: 'Iemand' }, reports);
    expect(item.authorName).toBeNull();
    expect(item.anonymous).toBe(true);
    expect(JSON.stringify(item)).not.toContain('Iemand');
    expect(itemForHeld(IDS, PAGE, { text: 'x', anonymous: true, authorName: 'Iemand' }, 5).authorName).toBeNull();
  });

  it('a kept item opens again on a report after the decision, not on an older one', () => {
    const kept = { status: 'kept' as const, held: false, history: [{ action: 'keep' as const, by: { uid: 'a', name: 'A' }, at: 25 }] };
    expect(itemAfterReports(kept, IDS, PAGE, { text: 't', anonymous: false, authorName: 'B' }, reports).status).toBe('open');
    expect(itemAfterReports(kept, IDS, PAGE, { text: 't', anonymous: false, authorName: 'B' }, reports.slice(0, 1)).status).toBe('kept');
  });

  it('an approved post, reported later, opens as an ordinary comment', () => {
    const approved = { status: 'approved' as const, held: false, history: [{ action: 'approve' as const, by: { uid: 'a', name: 'A' }, at: 5 }] };
    expect(itemAfterReports(approved, IDS, PAGE, { text: 't', anonymous: true, authorName: null }, reports)).toMatchObject({ status: 'open', held: false });
  });

  it('a held post waits as held, unreported', () => {
    expect(itemForHeld(IDS, PAGE, { text: 'x', anonymous: false, authorName: 'B' }, 5)).toMatchObject({
      held: true,
      reportCount: 0,
      status: 'open',
      latestAt: 5,
    });
  });

  it('newest first, or most reported first', () => {
    const items = [
      { id: 'a', latestAt: 1, reportCount: 5 },
      { id: 'b', latestAt: 3, reportCount: 1 },
      { id: 'c', latestAt: 2, reportCount: 5 },
    ];
    expect([...items].sort(compareQueueItems('newest')).map((i) => i.id)).toEqual(['b', 'c', 'a']);
    expect([...items].sort(compareQueueItems('mostReported')).map((i) => i.id)).toEqual(['c', 'a', 'b']);
  });
});

describe('a marked question leaves the open questions at once', () => {
  it('drops it, and says when it was not there', async () => {
    const { withoutAnswered } = await import('../../lib/core/insights/questions');
    const list = [{ commentId: 'q1' }, { commentId: 'q2' }];
    expect(withoutAnswered(list, 'q1')).toEqual([{ commentId: 'q2' }]);
    expect(withoutAnswered(list, 'q9')).toBeNull();
  });
});
