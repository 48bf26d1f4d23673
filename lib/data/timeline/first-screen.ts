// The timeline's first screenful, kept in localStorage so a panel can show it in its first render.
// Extension pages.
//
// Dexie is the timeline's local copy, but reaching it costs a panel open about 30 ms before the
// first card: opening IndexedDB, then reading (npm run bench timeline). localStorage is read
// synchronously and is already loaded for the person remembered at start
// (lib/data/session/remembered-user.ts), so the newest few cards, as this person last saw them,
// show as soon as the rollout in effect is known (they are filtered by it like every entry, with
// the department they were kept with); Dexie's rows replace them within milliseconds. They are
// the person's own entries on their own browser profile, as in IndexedDB; another person never
// sees them (the uid is checked, and forgetOtherPeople drops them).
import type { RolloutPerson } from '../../core/rollout';
import type { TimelineRow } from '../../core/rows';
import { byNewestActivity } from '../../core/timeline-filters';

/** Cards kept: the first frame's worth (about four fit at the panel's default size). */
export const FIRST_SCREEN_ROWS = 12;

interface Kept {
  uid: string;
  /** The person's department when kept: which sections they may see depends on it. */
  departmentPath: string[];
  rows: TimelineRow[];
}

/** A signed-in person as rollout sees them. */
type Person = RolloutPerson & { uid: string };

/** What was kept: for whom, and their newest entries, newest first. */
export interface FirstScreen {
  person: Person;
  rows: TimelineRow[];
}

/** The key per local database, so one project's entries never show over another's. */
const keyFor = (dbName: string) => `prikbord:timelineFirstScreen:${dbName}`;

const isRow = (row: unknown): row is TimelineRow => {
  const r = row as Partial<TimelineRow> | null;
  return !!r && typeof r.pageId === 'string' && typeof r.url === 'string' && typeof r.latestAt === 'number' && !!r.latest && Array.isArray(r.people);
};

/** What was kept for `uid` in database `dbName`; undefined when nothing (or someone else's, or unreadable). */
export function keptFirstScreen(dbName: string, uid: string, storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): FirstScreen | undefined {
  try {
    const kept = JSON.parse(storage?.getItem(keyFor(dbName)) ?? 'null') as Partial<Kept> | null;
    if (kept?.uid !== uid || !Array.isArray(kept.rows) || !kept.rows.every(isRow)) return undefined;
    if (!Array.isArray(kept.departmentPath) || !kept.departmentPath.every((part) => typeof part === 'string')) return undefined;
    return { person: { uid, departmentPath: kept.departmentPath }, rows: kept.rows };
  } catch {
    return undefined;
  }
}

/** Keeps the newest FIRST_SCREEN_ROWS of `rows` (the entries `person` may see, in any order) for `person`. */
export function keepFirstScreen(
  dbName: string,
  person: Person,
  rows: TimelineRow[],
  storage: Pick<Storage, 'getItem' | 'setItem'> | undefined = globalThis.localStorage,
): void {
  try {
    const value = JSON.stringify({
      uid: person.uid,
      departmentPath: person.departmentPath,
      rows: [...rows].sort(byNewestActivity).slice(0, FIRST_SCREEN_ROWS),
    } satisfies Kept);
    if (storage && storage.getItem(keyFor(dbName)) !== value) storage.setItem(keyFor(dbName), value);
  } catch {
    // no storage (tests) or full: the panel then waits for Dexie, as without this
  }
}

/** Drops what was kept in `dbName` unless it is `uid`'s (another person signed in on this browser profile). */
export function forgetFirstScreenOfOthers(
  dbName: string,
  uid: string,
  storage: Pick<Storage, 'getItem' | 'removeItem'> | undefined = globalThis.localStorage,
): void {
  try {
    const kept = JSON.parse(storage?.getItem(keyFor(dbName)) ?? 'null') as Partial<Kept> | null;
    if (kept && kept.uid !== uid) storage?.removeItem(keyFor(dbName));
  } catch {
    storage?.removeItem(keyFor(dbName));
  }
}
