// Which parts of the intranet a person's timeline may show, and how the panel asks for them.
//
// Rollout is enforced for reads by the rules (firebase/firestore.rules, `timeline/{pageId}`: the
// caller must be allowed to see the entry's `sectionKey`). Rules are not filters: a query is
// allowed only when every document it could return is readable, so the panel computes the
// sections it may see from its copy of `config/rollout` (the same function as every page's layer:
// accessInSection) and pins `sectionKey` in every query: `==` for one section, `in` for several
// (the rules check each value of an `in` as its own query).
//
// Cost: Firestore bills a query at least one read, even an empty one. One query per section would
// make an unchanged reopen cost as many reads as the person sees sections, so sections are asked
// together, up to IN_LIMIT per query, from the oldest cursor among them; once a query is current
// every section in it shares the newest time it saw. Sections never synced (no cursor yet) are
// asked in a query of their own without a cursor. An unchanged reopen therefore costs 1 read per
// IN_LIMIT sections (2 when some section has never had an entry): ≤ 2 up to 30 sections.
import { accessInSection, type Rollout, type RolloutPerson } from './rollout';
import { REST_SECTION_KEY } from './timeline';
import type { ServerTime } from './rows';

/** Firestore's limit on the values of one `in` filter. */
export const IN_LIMIT = 30;

/** The section keys whose entries `person` may read at `now`: every section (and the rest) whose mode is not off for them. */
export function visibleSectionKeys(rollout: Rollout, person: RolloutPerson, now: number): string[] {
  const keys: string[] = [];
  if (accessInSection(rollout, null, person, now).mode !== 'off') keys.push(REST_SECTION_KEY);
  for (const id of Object.keys(rollout.sections).sort()) if (accessInSection(rollout, id, person, now).mode !== 'off') keys.push(id);
  return keys;
}

/** One query of the timeline sync: these section keys, changed strictly after `since` (null: everything). */
export interface TimelineQuery {
  keys: string[];
  since: ServerTime | null;
}

const compare = (a: ServerTime, b: ServerTime) => a.seconds - b.seconds || a.nanoseconds - b.nanoseconds;

/** The later of two times. */
export const laterOf = (a: ServerTime | undefined, b: ServerTime | undefined): ServerTime | undefined => (!a ? b : !b ? a : compare(a, b) >= 0 ? a : b);

const chunks = <T>(items: T[], size: number): T[][] => Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

/**
 * The queries that bring every section in `keys` up to date, given each section's cursor (the
 * newest updatedAt this browser has of it): sections with a cursor together (oldest cursor first, so
 * sections whose cursors are near share a query), those without on their own.
 */
export function planTimelineQueries(keys: string[], cursors: ReadonlyMap<string, ServerTime>): TimelineQuery[] {
  const known = keys.filter((k) => cursors.has(k)).sort((a, b) => compare(cursors.get(a)!, cursors.get(b)!));
  const fresh = keys.filter((k) => !cursors.has(k));
  return [
    ...chunks(known, IN_LIMIT).map((group) => ({ keys: group, since: cursors.get(group[0]!)! })),
    ...chunks(fresh, IN_LIMIT).map((group) => ({ keys: group, since: null })),
  ];
}

/**
 * The cursors after a query of `keys` is current with the server and the newest updatedAt among its
 * documents is `newest`: each section now has every entry up to `newest` (the query asked for all
 * of them after the oldest cursor among them), so each moves to it unless already later.
 */
export function cursorsAfter(keys: string[], cursors: ReadonlyMap<string, ServerTime>, newest: ServerTime | undefined): Map<string, ServerTime> {
  const out = new Map<string, ServerTime>();
  for (const key of keys) {
    const next = laterOf(cursors.get(key), newest);
    if (next) out.set(key, next);
  }
  return out;
}
