// The panel's hook onto the timeline: the entries of the sections this person may see, from Dexie
// at once (offline too), kept in step with the server while the timeline is shown
// (lib/data/timeline/timeline-sync.ts). Sections that stop being visible are forgotten locally.
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { TimelineRow } from '../../lib/core/rows';
import type { Rollout, RolloutPerson } from '../../lib/core/rollout';
import { sectionKeyFor } from '../../lib/core/timeline';
import { coversWeek } from '../../lib/core/timeline-filters';
import { visibleSectionKeys } from '../../lib/core/timeline-sections';
import { forgetHiddenEntries, syncTimeline } from '../../lib/data/timeline/timeline-sync';
import { useServices } from '../app/services';
import { useLiveQuery } from '../hooks/use-live-query';

/** Entries read before the rest: two screenfuls of cards, with room for sections this person cannot see. */
export const FIRST_READ = 60;

export interface TimelineState {
  /**
   * The visible entries, undefined until the local database answered. At first only the newest
   * FIRST_READ of them (by latest activity), then all: see `complete`.
   */
  rows: TimelineRow[] | undefined;
  /** `rows` holds every local entry (not only the newest few read first). */
  complete: boolean;
  /** `rows` holds every entry active this week, so the trending strip can be drawn. */
  weekKnown: boolean;
  /** The server answered every query at least once since the timeline was shown. */
  current: boolean;
  /** The last sync failed (not a section the rules refused: those are quietly forgotten). */
  failed: boolean;
}

/**
 * The timeline for `person` (null: signed out), synced only while `shown`. `rollout` null: not
 * known yet (nothing is shown or asked: closed, not open).
 */
export function useTimeline(rollout: Rollout | null, person: RolloutPerson | null, now: number, shown: boolean): TimelineState {
  const { db, fb, session } = useServices();
  const authUid = session.authUid.value;
  const minute = Math.floor(now / 60_000);
  const departments = person?.departmentPath.join(' > ') ?? '';
  const keys = useMemo(() => (rollout && person ? visibleSectionKeys(rollout, person, now) : []), [rollout, person?.uid, departments, minute]);
  const keyList = keys.join('\n');
  const [current, setCurrent] = useState(false);
  const [failed, setFailed] = useState(false);

  // The newest entries first, by the latestAt index, and only then all of them: reading hundreds of
  // entries before the first card held the view back by a tenth of a second (npm run bench timeline).
  const newest = useLiveQuery<TimelineRow[] | undefined>(() => db.timeline.orderBy('latestAt').reverse().limit(FIRST_READ).toArray(), [], undefined);
  const newestRead = newest !== undefined;
  const all = useLiveQuery<TimelineRow[] | undefined>(() => (newestRead ? db.timeline.toArray() : undefined), [newestRead], undefined);
  const read = all ?? newest;

  const rows = useMemo(() => {
    if (!read || !rollout) return read && [];
    const visible = new Set(keys);
    return read.filter((row) => visible.has(sectionKeyFor(rollout, row.url)));
  }, [read, rollout, keyList]);

  useEffect(() => {
    setCurrent(false);
    setFailed(false);
    if (!shown || !rollout || !person || authUid !== person.uid) return;
    let stop = () => {};
    let live = true;
    void forgetHiddenEntries(db, keys, (row) => sectionKeyFor(rollout, row.url))
      .catch((error) => console.warn('timeline: forgetting hidden sections', error))
      .then(() => {
        if (!live) return;
        stop = syncTimeline(
          fb.firestore,
          db,
          keys,
          (error) => {
            console.warn('timeline sync', error);
            setFailed(true);
          },
          { onCurrent: () => setCurrent(true) },
        );
      });
    return () => {
      live = false;
      stop();
    };
  }, [shown, rollout, keyList, authUid, person?.uid]);

  const complete = all !== undefined;
  const weekKnown = complete || (newest !== undefined && coversWeek(newest, FIRST_READ, now));
  return { rows, complete, weekKnown, current, failed };
}
