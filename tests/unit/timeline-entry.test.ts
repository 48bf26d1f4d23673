// lib/core/timeline.ts: one timeline entry computed from a page and its newest comments. Proves that
// an anonymous comment never names anyone (whatever its document holds), that participants are
// deduplicated and capped, what counts as an open question, and when an entry is removed.
import { describe, expect, it } from 'vitest';
import {
  commentForTimeline,
  excerptOf,
  PEOPLE_CAP,
  REST_SECTION_KEY,
  sectionKeyFor,
  TIMELINE_WINDOW,
  timelineContentFrom,
  timelineEntryFrom,
  type ParticipantRoles,
  type TimelineComment,
  type TimelineInput,
} from '../../lib/core/timeline';
import { NO_ROLLOUT, type Rollout } from '../../lib/core/rollout';

const PAGE = { url: 'http://intranet/hr/verlof.html', title: 'Verlof', commentCount: 0, likeCount: 2 };
const NOBODY: ParticipantRoles = { leader: false, communityManager: false };

let n = 0;
function named(uid: string, text = 'Goed punt.', extra: Partial<TimelineComment> = {}): TimelineComment {
  n += 1;
  return {
    id: `c${n}`,
    parentId: null,
    text,
    anonymous: false,
    authorUid: uid,
    authorName: `Naam ${uid}`,
    deleted: false,
    createdAt: 1_000 * n,
    likeCount: 0,
    ...extra,
  };
}
function anonymous(text = 'Anoniem bericht', extra: Partial<TimelineComment> = {}): TimelineComment {
  return named('x', text, { anonymous: true, authorUid: null, authorName: null, ...extra });
}

function entry(comments: TimelineComment[], overrides: Partial<TimelineInput> = {}) {
  return timelineEntryFrom({
    pageId: 'p1',
    page: { ...PAGE, commentCount: comments.filter((c) => !c.deleted).length },
    comments,
    sectionKey: REST_SECTION_KEY,
    rolesOf: () => NOBODY,
    ...overrides,
  });
}

describe('an anonymous comment names nobody', () => {
  it('its document’s author fields are dropped when it is read, even if they were there', () => {
    const read = commentForTimeline('c1', {
      anonymous: true,
      authorUid: 'anna-uid',
      authorName: 'Anna de Vries',
      text: 'Vraagje',
      deleted: false,
      parentId: null,
    });
    expect(read.authorUid).toBeNull();
    expect(read.authorName).toBeNull();
    expect(JSON.stringify(read)).not.toMatch(/anna/i);
  });

  it('as the latest comment: anonymous, no author name, and not among the people; no role flag from it', () => {
    const comments = [
      named('bram', 'Eerst ik.'),
      commentForTimeline('c99', {
        anonymous: true,
        authorUid: 'anna-uid',
        authorName: 'Anna',
        text: 'Dan ik, anoniem.',
        deleted: false,
        parentId: null,
        createdAt: 999_999,
      }),
    ];
    const e = entry(comments, { rolesOf: (uid) => ({ leader: uid === 'anna-uid', communityManager: uid === 'anna-uid' }) });
    expect(e.latest).toMatchObject({ commentId: 'c99', anonymous: true, authorName: null, excerpt: 'Dan ik, anoniem.' });
    expect(e.people).toEqual([{ uid: 'bram', name: 'Naam bram' }]);
    expect(e.leaderTakingPart).toBe(false);
    expect(e.communityManagerTakingPart).toBe(false);
    expect(JSON.stringify(e)).not.toMatch(/anna/i);
  });

  it('a thread of anonymous comments only has no people at all', () => {
    const e = entry([anonymous(), anonymous('Nog een')]);
    expect(e.people).toEqual([]);
    expect(e.comments).toBe(2);
    expect(e.removed).toBe(false);
  });
});

describe('people', () => {
  it('deduplicated, most recent first, at most PEOPLE_CAP', () => {
    const comments = ['a', 'b', 'a', 'c', 'd', 'e', 'f', 'g', 'b'].map((uid) => named(uid));
    const e = entry(comments);
    expect(e.people.map((p) => p.uid)).toEqual(['b', 'g', 'f', 'e', 'd']);
    expect(e.people).toHaveLength(PEOPLE_CAP);
  });

  it('someone whose only comment was deleted or hidden does not take part', () => {
    const e = entry([named('a'), named('b', '', { deleted: true })]);
    expect(e.people.map((p) => p.uid)).toEqual(['a']);
  });

  it('leader and community manager flags come from any named author in the window, not only the five shown', () => {
    const comments = [named('leader'), ...['a', 'b', 'c', 'd', 'e'].map((uid) => named(uid))];
    const e = entry(comments, { rolesOf: (uid) => ({ leader: uid === 'leader', communityManager: false }) });
    expect(e.people.map((p) => p.uid)).not.toContain('leader');
    expect(e.leaderTakingPart).toBe(true);
    expect(e.communityManagerTakingPart).toBe(false);
  });
});

describe('open question', () => {
  it('a top-level question without a visible reply is open', () => {
    expect(entry([named('a', 'Weet iemand hoe ik verlof aanvraag?')]).openQuestion).toBe(true);
  });

  it('answered by a reply: not open; the reply hidden again: open again', () => {
    const q = named('a', 'Hoe vraag ik verlof aan');
    const reply = named('b', 'Via Selfservice.', { parentId: q.id });
    expect(entry([q, reply]).openQuestion).toBe(false);
    expect(entry([q, { ...reply, deleted: true, text: '' }]).openQuestion).toBe(true);
  });

  it('a statement is no question', () => {
    expect(entry([named('a', 'Wat een mooie dag!')]).openQuestion).toBe(false);
  });
});

describe('removed', () => {
  it('when no visible comment is left (deleted or hidden by a moderator): no latest, no people, nothing counted', () => {
    const e = entry([named('a', '', { deleted: true }), anonymous('', { deleted: true })]);
    expect(e).toMatchObject({ removed: true, latest: null, people: [], comments: 0, likes: 0, openQuestion: false, recentCommentsAt: [] });
  });

  it('when the page is gone', () => {
    expect(entry([named('a')], { page: null }).removed).toBe(true);
  });

  it('the latest moves to the newest visible comment when the newest is hidden', () => {
    const first = named('a', 'Eerste');
    const hidden = named('b', '', { deleted: true });
    expect(entry([first, hidden]).latest?.commentId).toBe(first.id);
  });
});

describe('counts and the rest', () => {
  it('likes of the page and of its comments; comments from the page counter', () => {
    const e = entry([named('a', 'x', { likeCount: 3 }), named('b', 'y', { likeCount: 1 })]);
    expect(e.likes).toBe(2 + 3 + 1);
    expect(e.comments).toBe(2);
  });

  it('reads at most TIMELINE_WINDOW comments, newest first', () => {
    const comments = Array.from({ length: TIMELINE_WINDOW + 10 }, () => named('a'));
    const e = entry(comments);
    expect(e.recentCommentsAt).toHaveLength(TIMELINE_WINDOW);
    expect(e.recentCommentsAt[0]).toBe(comments.at(-1)!.createdAt);
  });

  it('the excerpt is the first ~200 characters, cut at a word', () => {
    const long = `${'woord '.repeat(60)}einde`;
    const cut = excerptOf(long);
    expect(cut.length).toBeLessThanOrEqual(200);
    expect(cut.endsWith('woord…')).toBe(true);
    expect(excerptOf('  kort  ')).toBe('kort');
  });

  it('sectionKey: the rollout section of the url, or the rest', () => {
    const rollout: Rollout = {
      ...NO_ROLLOUT,
      sections: {
        HR: {
          name: 'HR',
          kind: 'section',
          prefixes: ['http://intranet/hr/'],
          pages: [],
          mode: 'on',
          features: NO_ROLLOUT.rest.features,
          pilotGroups: [],
          othersSee: 'off',
        },
      },
      index: { 'http://intranet/hr/': 'HR' },
    };
    expect(sectionKeyFor(rollout, PAGE.url)).toBe('HR');
    expect(sectionKeyFor(rollout, 'http://intranet/ict/a.html')).toBe(REST_SECTION_KEY);
  });

  it('reads back what it stores', () => {
    const e = entry([named('a', 'Vraag?'), anonymous('Antwoord')]);
    expect(timelineContentFrom('p1', JSON.parse(JSON.stringify(e)) as Record<string, unknown>)).toEqual(e);
  });
});
