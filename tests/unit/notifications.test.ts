// Notifications' pure pieces: who is told what about a new comment (lib/core/notifications/fanout.ts),
// read state with "mark all read", the digest's week and who gets it, quiet hours, mentions as
// references (lib/core/mentions.ts), comment links, and the worker's unread badge
// (entrypoints/background/inbox.ts) with its read budget.
import { describe, expect, it } from 'vitest';
import { isoWeek, isRead, planForComment, wantsDigest, type NewComment } from '../../lib/core/notifications/fanout';
import { inQuietHours, mayNotify } from '../../lib/core/notifications/quiet-hours';
import { DEFAULT_DESKTOP_SETTINGS } from '../../lib/core/notifications/model';
import { mentionedUids } from '../../lib/core/mentions';
import { commentLink, linkedCommentId } from '../../lib/any/comment-link';
import { normalizeUrl } from '../../lib/any/page-identity';
import { CHECK_EVERY_MS, inboxBadge, unreadText } from '../../entrypoints/background/inbox';

const base: NewComment = {
  pageId: 'p1',
  commentId: 'c2',
  url: 'http://intranet/x.html',
  title: 'X',
  text: 'Hallo',
  parentId: 'c1',
  writerUid: 'bram',
  actor: { uid: 'bram', name: 'Bram' },
  parentWriterUid: 'anna',
  mentions: [],
  followers: [],
};
const everyone = () => true;
const names = (uid: string) => uid.toUpperCase();

describe('who hears about a new comment', () => {
  it('tells the parent’s writer of a reply, once, even when also mentioned or following', () => {
    const plans = planForComment({ ...base, mentions: ['anna'], followers: ['anna'] }, everyone, names);
    expect(plans.map((p) => [p.uid, p.itemId])).toEqual([['anna', 'reply_c2']]);
  });

  it('never tells the writer about their own comment (a reply to themselves, a self-mention, their own follow)', () => {
    const plans = planForComment({ ...base, parentWriterUid: 'bram', mentions: ['bram'], followers: ['bram'] }, everyone, names);
    expect(plans).toEqual([]);
  });

  it('an anonymous writer: the items name nobody, and the owner is left out by uid', () => {
    const plans = planForComment({ ...base, actor: null, followers: ['bram', 'chantal'] }, everyone, names);
    expect(plans.map((p) => p.uid)).toEqual(['anna', 'chantal']);
    for (const p of plans) expect(JSON.stringify(p)).not.toContain('bram');
  });

  it('a mention of someone who cannot see the page becomes one mentionUnseen for the writer', () => {
    const plans = planForComment({ ...base, parentWriterUid: null, mentions: ['chantal', 'daan', 'erik'] }, (uid) => uid !== 'daan' && uid !== 'erik', names);
    expect(plans.map((p) => [p.uid, p.itemId, p.item.kind])).toEqual([
      ['chantal', 'mention_c2', 'mention'],
      ['bram', 'mentionUnseen_c2', 'mentionUnseen'],
    ]);
    expect(plans[1]!.item.unseen).toEqual(['DAAN', 'ERIK']);
  });

  it('followers get one follow item per page; those who cannot see the page get nothing', () => {
    const plans = planForComment({ ...base, parentWriterUid: null, followers: ['chantal', 'daan', 'chantal'] }, (uid) => uid !== 'daan', names);
    expect(plans).toEqual([expect.objectContaining({ mode: 'follow', uid: 'chantal', itemId: 'follow_p1' })]);
  });

  it('keeps at most 10 mentions', () => {
    const many = Array.from({ length: 15 }, (_, i) => `u${i}`);
    expect(planForComment({ ...base, parentWriterUid: null, mentions: many }, everyone, names)).toHaveLength(10);
  });
});

describe('read state, the digest, quiet hours', () => {
  it('an item is read when marked, or created up to "mark all read"', () => {
    expect(isRead({ read: false, createdAt: 10 }, null)).toBe(false);
    expect(isRead({ read: false, createdAt: 10 }, 10)).toBe(true);
    expect(isRead({ read: false, createdAt: 11 }, 10)).toBe(false);
    expect(isRead({ read: true, createdAt: 11 }, 10)).toBe(true);
  });

  it('names ISO weeks (the digest item id), across a year’s end', () => {
    expect(isoWeek(Date.UTC(2026, 10, 26))).toBe('2026-W48');
    expect(isoWeek(Date.UTC(2027, 0, 1))).toBe('2026-W53');
    expect(isoWeek(Date.UTC(2025, 11, 29))).toBe('2026-W01');
  });

  it('sends the digest only to people away a week', () => {
    const now = Date.UTC(2026, 10, 26);
    expect(wantsDigest(now - 8 * 86_400_000, now)).toBe(true);
    expect(wantsDigest(now - 86_400_000, now)).toBe(false);
    expect(wantsDigest(null, now)).toBe(false);
  });

  it('keeps quiet hours, also overnight, and each kind’s switch', () => {
    const at = (h: number, m = 0) => new Date(2026, 10, 26, h, m);
    expect(inQuietHours({ from: '18:00', to: '08:00' }, at(23))).toBe(true);
    expect(inQuietHours({ from: '18:00', to: '08:00' }, at(7, 59))).toBe(true);
    expect(inQuietHours({ from: '18:00', to: '08:00' }, at(8))).toBe(false);
    expect(inQuietHours({ from: '12:00', to: '13:00' }, at(12, 30))).toBe(true);
    expect(inQuietHours(null, at(3))).toBe(false);
    const on = { ...DEFAULT_DESKTOP_SETTINGS, enabled: true };
    expect(mayNotify(DEFAULT_DESKTOP_SETTINGS, 'reply', at(10))).toBe(false); // off by default
    expect(mayNotify(on, 'reply', at(10))).toBe(true);
    expect(mayNotify(on, 'follow', at(10))).toBe(false);
  });
});

describe('mentions as references', () => {
  const people = [
    { uid: 'a', displayName: 'Anna de Vries' },
    { uid: 'b', displayName: 'Bram Jansen' },
    { uid: 'j1', displayName: 'Jan Smit' },
    { uid: 'j2', displayName: 'Jan Smit' },
  ];
  it('resolves "@Name" in the text to uids: picked people, and unique directory names, in order', () => {
    expect(mentionedUids('Hoi @Bram Jansen en @Anna de Vries', [], people)).toEqual(['b', 'a']);
  });
  it('a mention deleted from the text notifies nobody; a shared name counts only when picked; never oneself', () => {
    expect(mentionedUids('Hoi allemaal', [people[0]!], people)).toEqual([]);
    expect(mentionedUids('@Jan Smit kijk even', [], people)).toEqual([]);
    expect(mentionedUids('@Jan Smit kijk even', [people[3]!], people)).toEqual(['j2']);
    expect(mentionedUids('@Anna de Vries', [], people, 'a')).toEqual([]);
  });
});

describe('comment links', () => {
  it('points a page URL at a comment, and reads it back; page identity ignores it', () => {
    const url = commentLink('http://127.0.0.1:8101/ict/helpdesk.html#top', 'AbCdEfGhIjKlMnOpQrSt');
    expect(url).toBe('http://127.0.0.1:8101/ict/helpdesk.html#prikbord-comment=AbCdEfGhIjKlMnOpQrSt');
    expect(linkedCommentId(url)).toBe('AbCdEfGhIjKlMnOpQrSt');
    expect(linkedCommentId('http://x/#prikbord-comment=<script>')).toBeNull();
    expect(linkedCommentId('http://x/page.html')).toBeNull();
    const rules = { origins: ['http://127.0.0.1:8101'], routeByHash: true };
    expect(normalizeUrl(url, rules)).toBe(normalizeUrl('http://127.0.0.1:8101/ict/helpdesk.html', rules));
  });
});

describe('the unread badge in the worker', () => {
  function fakeWorld(summary: { uid: string; unread: number } | null) {
    const log: string[] = [];
    let reads = 0;
    let clock = 1_000_000;
    const items: Record<string, unknown> = {};
    const badge = inboxBadge({
      action: { setBadgeText: async ({ text }) => void log.push(text) },
      area: { get: async (key) => ({ [key]: items[key] }), set: async (values) => void Object.assign(items, values) },
      key: 'inboxUnread:test',
      fetch: async () => (reads++, summary),
      now: () => clock,
    });
    return { log, badge, reads: () => reads, advance: (ms: number) => (clock += ms) };
  }

  it('reads the summary once, then not again for a few minutes of wake-ups; the hourly alarm always reads', async () => {
    const w = fakeWorld({ uid: 'anna', unread: 3 });
    await w.badge.check();
    await w.badge.check();
    w.advance(CHECK_EVERY_MS - 1);
    await w.badge.check();
    expect(w.reads()).toBe(1);
    expect(w.log.at(-1)).toBe('3');
    await w.badge.check(true);
    expect(w.reads()).toBe(2);
  });

  it('an idle hour costs one read: the alarm only', async () => {
    const w = fakeWorld({ uid: 'anna', unread: 0 });
    for (let hour = 0; hour < 24; hour++) {
      w.advance(3_600_000);
      await w.badge.check(true);
    }
    expect(w.reads()).toBe(24);
  });

  it('takes the panel’s count without a read, and shows 99+ beyond 99', async () => {
    const w = fakeWorld(null);
    await w.badge.set('anna', 120);
    expect(w.reads()).toBe(0);
    expect(w.log).toEqual(['99+']);
    expect(unreadText(0)).toBe('');
  });
});
