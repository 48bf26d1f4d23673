// Which people data the side panel keeps in sync, and how often (components/people/use-people.ts
// runs it; lib/data/people/people-sync.ts reads the deltas). Pure.
//
// The directory (names, departments, roles: shards of a few hundred people) is shown everywhere in
// the panel: comment cards, mentions, the people view. The expertise index (expertise/{uid}, one
// document per person with evidence) is read only by the people view's expert lookup. A delta sync
// reads every document changed since the last one, and an expertise document changes with every
// like, reply and "this helped" mark of anybody's: synced whenever the panel was open, it was about
// four fifths of the organisation's bill (npm run bench cost: at KPN's activity each panel session
// read most of the 1,750 creators' documents again). So it is synced only while the people view is
// shown; the directory, cheap and needed everywhere, whenever the panel is open.

/** How often a running sync repeats while the panel is open. */
export const PEOPLE_RESYNC_MS = 5 * 60_000;

/** The two people collections the panel syncs. */
export type PeopleData = 'directory' | 'expertise';

/** What to keep in sync for the signed-in member `uid` (null: nobody, nothing), given whether the people view is shown. */
export function peopleToSync(uid: string | null, peopleViewShown: boolean): PeopleData[] {
  if (!uid) return [];
  return peopleViewShown ? ['directory', 'expertise'] : ['directory'];
}
