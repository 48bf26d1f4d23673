// The panel's hook onto the timeline: the entries of the sections this person may see, from Dexie
// at once (offline too), kept in step with the server while the timeline is shown
// (lib/data/timeline/timeline-sync.ts). Sections that stop being visible are forgotten locally.
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { TimelineRow } from '../../lib/core/rows';
import type { Rollout, RolloutPerson } from '../../lib/core/rollout';
import { sectionKeyFor } from '../../lib/core/timeline';
import { coversWeek } from '../../lib/core/timeline-filters';
import { visibleSectionKeys } from '../../lib/core/timeline-sections';
import { keepFirstScreen, keptFirstScreen } from '../../lib/data/timeline/first-screen';
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
  // Until the profile and Dexie have answered: the first screenful as this person last saw it, kept
  // with their department then (lib/data/timeline/first-screen.ts says why), filtered by the
  // rollout in effect like every entry.
  const uid = session.person.value?.uid ?? null;
  const kept = useMemo(() => (uid ? keptFirstScreen(db.name, uid) : undefined), [uid]);
  const who = person ?? kept?.person ?? null;
  const departments = who?.departmentPath.join(' > ') ?? '';
  const keys = useMemo(() => (rollout && who ? visibleSectionKeys(rollout, who, now) : []), [rollout, who?.uid, departments, minute]);
  const keyList = keys.join('\n');
  const [current, setCurrent] = useState(false);
  const [failed, setFailed] = useState(false);

  // The newest entries first, by the latestAt index, and only then all of them: reading hundreds of
  // entries before the first card held the view back by a tenth of a second (npm run bench timeline).
  const newest = useLiveQuery<TimelineRow[] | undefined>(() => db.timeline.orderBy('latestAt').reverse().limit(FIRST_READ).toArray(), [], undefined);
  // The rest only once the newest are on screen: an effect runs after the paint, so reading (and
  // decoding) hundreds of entries cannot hold back the frame with the first cards.
  const [newestShown, setNewestShown] = useState(false);
  const newestRead = newest !== undefined;
  useEffect(() => setNewestShown(newestRead), [newestRead]);
  const all = useLiveQuery<TimelineRow[] | undefined>(() => (newestShown ? db.timeline.toArray() : undefined), [newestShown], undefined);
  const read = all ?? newest;

  const fromDexie = !!read && !!person;
  const source = fromDexie ? read : (kept?.rows ?? read);
  const rows = useMemo(() => {
    if (!source || !rollout) return source && [];
    const visible = new Set(keys);
    return source.filter((row) => visible.has(sectionKeyFor(rollout, row.url)));
  }, [source, rollout, keyList]);
  useEffect(() => {
    if (fromDexie && rollout && rows && uid) keepFirstScreen(db.name, { uid, departmentPath: person!.departmentPath }, rows);
  }, [rows, fromDexie, !!rollout, uid]);

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
