// lib/core/timeline-filters.ts: the timeline's filters (everything, my department's pages, open
// questions, leaders or community managers taking part), its order, and the trending rule (counts
// only where at least 5 named people took part).
import { describe, expect, it } from 'vitest';
import type { PersonRow, TimelineRow } from '../../lib/core/rows';
import { timelineRow } from '../helpers/timeline-row';
import { commentsThisWeek, coversWeek, filterTimeline, trending, TRENDING_SIZE, WEEK_MS } from '../../lib/core/timeline-filters';

const NOW = Date.UTC(2025, 4, 14, 12);
const HOUR = 3_600_000;

const row = (pageId: string, overrides: Partial<TimelineRow> = {}): TimelineRow => timelineRow(pageId, overrides.latestAt ?? NOW - HOUR, overrides);

function person(uid: string, departmentPath: string[]): PersonRow {
  return { uid, displayName: uid, departmentPath, jobTitle: '', location: '', languages: [], skills: [], optOut: false, updatedAt: 0 };
}

const HR = ['Bedrijfsvoering', 'HR'];
const directory = new Map([
  ['anna', person('anna', HR)],
  ['bram', person('bram', ['Bedrijfsvoering', 'ICT'])],
  ['carla', person('carla', [...HR, 'Salaris'])],
]);
const people = (...uids: string[]) => uids.map((uid) => ({ uid, name: uid }));

describe('filters', () => {
  const rows = [
    row('old', { latestAt: NOW - 10 * HOUR, people: people('anna') }),
    row('new', { latestAt: NOW - HOUR, people: people('bram'), openQuestion: true }),
    row('mid', { latestAt: NOW - 5 * HOUR, people: people('carla'), leaderTakingPart: true }),
    row('cm', { latestAt: NOW - 7 * HOUR, communityManagerTakingPart: true }),
  ];

  it('everything, newest activity first', () => {
    expect(filterTimeline(rows, 'everything', HR, directory).map((r) => r.pageId)).toEqual(['new', 'mid', 'cm', 'old']);
  });

  it('my department: someone with exactly my department path took part (a sub-department is another department)', () => {
    expect(filterTimeline(rows, 'department', HR, directory).map((r) => r.pageId)).toEqual(['old']);
    expect(filterTimeline(rows, 'department', [], directory)).toEqual([]);
    // Someone not in the local directory is nobody's colleague (yet).
    expect(filterTimeline([row('x', { people: people('stranger') })], 'department', HR, directory)).toEqual([]);
  });

  it('open questions', () => {
    expect(filterTimeline(rows, 'questions', HR, directory).map((r) => r.pageId)).toEqual(['new']);
  });

  it('a leader or a community manager taking part', () => {
    expect(filterTimeline(rows, 'leaders', HR, directory).map((r) => r.pageId)).toEqual(['mid', 'cm']);
  });

  it('"what I follow": the pages I follow and the entries of sections I follow', () => {
    const followed = { pages: ['old'], sections: [rows.find((r) => r.pageId === 'new')!.sectionKey] };
    const kept = filterTimeline(rows, 'following', HR, directory, followed).map((r) => r.pageId);
    expect(kept).toContain('old');
    expect(kept).toContain('new');
    expect(filterTimeline(rows, 'following', HR, directory)).toEqual([]);
  });
});

describe('trending: most discussed this week', () => {
  const five = people('a', 'b', 'c', 'd', 'e');

  it('ranks by comments in the last 7 days, at most TRENDING_SIZE, leaving out threads quiet all week', () => {
    const rows = [
      row('quiet', { recentCommentsAt: [NOW - 8 * 24 * HOUR], latestAt: NOW - 8 * 24 * HOUR }),
      ...Array.from({ length: 7 }, (_, i) => row(`p${i}`, { recentCommentsAt: Array.from({ length: i + 1 }, (_, k) => NOW - (k + 1) * HOUR), people: five })),
    ];
    const items = trending(rows, NOW);
    expect(items).toHaveLength(TRENDING_SIZE);
    expect(items.map((i) => i.row.pageId)).toEqual(['p6', 'p5', 'p4', 'p3', 'p2']);
    expect(items[0]!.count).toBe(7);
  });

  it('only comments of the last 7 days count', () => {
    const r = row('p', { recentCommentsAt: [NOW - HOUR, NOW - WEEK_MS + HOUR, NOW - WEEK_MS - HOUR] });
    expect(commentsThisWeek(r, NOW)).toBe(2);
  });

  it('the count shows only where at least 5 distinct named people took part; anonymous posters are not counted', () => {
    const busy = Array.from({ length: 9 }, (_, k) => NOW - (k + 1) * HOUR);
    const items = trending(
      [row('many', { recentCommentsAt: busy, people: five }), row('few', { recentCommentsAt: busy, people: people('a', 'b', 'c', 'd') })],
      NOW,
    );
    const many = items.find((i) => i.row.pageId === 'many');
    const few = items.find((i) => i.row.pageId === 'few');
    expect(many).toMatchObject({ row: { pageId: 'many' }, count: 9 });
    expect(few).toMatchObject({ row: { pageId: 'few' }, count: null });
  });
});

describe('coversWeek: the newest entries read first are enough for the trending strip', () => {
  const DAY = 24 * HOUR;
  const newestFirst = (...daysAgo: number[]) => daysAgo.map((d, i) => row(`p${i}`, { latestAt: NOW - d * DAY }));

  it('is true when fewer entries came back than asked for: they are all there is', () => {
    expect(coversWeek(newestFirst(0, 1, 2), 5, NOW)).toBe(true);
    expect(coversWeek([], 5, NOW)).toBe(true);
  });

  it('is true when the oldest of a full read is a week old or more', () => {
    expect(coversWeek(newestFirst(0, 1, 2, 3, 7), 5, NOW)).toBe(true);
  });

  it('is false when a full read ends inside the week: older entries may still have comments this week', () => {
    expect(coversWeek(newestFirst(0, 1, 2, 3, 6), 5, NOW)).toBe(false);
  });
});
