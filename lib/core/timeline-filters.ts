// What the timeline view shows of the entries in the local database: newest activity first, one of
// four filters, and the "most discussed this week" strip. Pure.
//
// "My department's pages" are pages where someone of my department took part: one of the entry's
// named participants (`people`, at most 5, the most recent) is in the local directory (Dexie's
// `people`, synced from the directory shards) with exactly my department path — me included, so a
// thread I took part in counts too. Anonymous participants are nobody's, and a colleague who is the
// sixth named participant or not (yet) in the local directory is not seen: the filter errs on
// showing less.
//
// "What I follow": entries of the pages I follow, and of the sections I follow (by the entry's
// sectionKey, as the server keyed it); lib/core/notifications/model.ts Follows.
//
// Trending: the TRENDING_SIZE entries with the most comments in the last 7 days (from each entry's
// `recentCommentsAt`: the newest 50 visible comments, so the figure is exact up to 50 a week),
// most recent activity breaking ties. The count is shown only where at least TRENDING_MIN_PEOPLE
// distinct named people took part (the entry names at most 5, so: it names 5); anonymous posters
// cannot be told apart and are not counted. Otherwise the entry is listed without a figure, so no
// count ever narrows to one or two people.
import type { PersonRow, TimelineRow } from './rows';

/** What I follow (lib/core/notifications/model.ts Follows). */
export interface Followed {
  pages: readonly string[];
  sections: readonly string[];
}

const NOTHING: Followed = { pages: [], sections: [] };

export const TIMELINE_FILTERS = ['everything', 'following', 'department', 'questions', 'leaders'] as const;
export type TimelineFilter = (typeof TIMELINE_FILTERS)[number];

export const TRENDING_SIZE = 5;
export const TRENDING_MIN_PEOPLE = 5;
export const WEEK_MS = 7 * 86_400_000;

/** Newest activity first (the latest visible comment's time), then by page id for a stable order. */
export function byNewestActivity(a: TimelineRow, b: TimelineRow): number {
  return b.latestAt - a.latestAt || (a.pageId < b.pageId ? -1 : a.pageId > b.pageId ? 1 : 0);
}

const departmentKey = (path: string[]) => path.join(' > ');

/** Whether someone of department `mine` (a path) took part in the entry, by the local directory. */
export function fromMyDepartment(row: TimelineRow, mine: string[], directory: ReadonlyMap<string, PersonRow>): boolean {
  const key = departmentKey(mine);
  if (key === '') return false;
  return row.people.some((p) => {
    const person = directory.get(p.uid);
    return person !== undefined && departmentKey(person.departmentPath) === key;
  });
}

/** The entries a filter keeps, newest activity first. */
export function filterTimeline(
  rows: TimelineRow[],
  filter: TimelineFilter,
  mine: string[],
  directory: ReadonlyMap<string, PersonRow>,
  followed: Followed = NOTHING,
): TimelineRow[] {
  const keep = (row: TimelineRow): boolean => {
    switch (filter) {
      case 'everything':
        return true;
      case 'following':
        return followed.pages.includes(row.pageId) || followed.sections.includes(row.sectionKey);
      case 'department':
        return fromMyDepartment(row, mine, directory);
      case 'questions':
        return row.openQuestion;
      case 'leaders':
        return row.leaderTakingPart || row.communityManagerTakingPart;
    }
  };
  return rows.filter(keep).sort(byNewestActivity);
}

/** One entry of the trending strip. */
export interface TrendingItem {
  row: TimelineRow;
  /** Comments in the last 7 days; null when too few people took part to show it. */
  count: number | null;
}

/** Comments in the 7 days up to `now`. */
export const commentsThisWeek = (row: TimelineRow, now: number): number => row.recentCommentsAt.filter((at) => at > now - WEEK_MS && at <= now).length;

/**
 * Whether the newest entries read so far (at most `limit`, newest activity first) hold every entry
 * with a comment in the 7 days up to `now`, so the trending strip can be drawn from them: fewer than
 * asked for means they are all there is; else the oldest of them must be a week old or more.
 */
export function coversWeek(newestFirst: TimelineRow[], limit: number, now: number): boolean {
  const oldest = newestFirst[newestFirst.length - 1];
  return newestFirst.length < limit || (oldest !== undefined && oldest.latestAt <= now - WEEK_MS);
}

/** The "most discussed this week" strip. */
export function trending(rows: TimelineRow[], now: number): TrendingItem[] {
  return rows
    .map((row) => ({ row, week: commentsThisWeek(row, now) }))
    .filter((item) => item.week > 0)
    .sort((a, b) => b.week - a.week || byNewestActivity(a.row, b.row))
    .slice(0, TRENDING_SIZE)
    .map(({ row, week }) => ({ row, count: new Set(row.people.map((p) => p.uid)).size >= TRENDING_MIN_PEOPLE ? week : null }));
}
