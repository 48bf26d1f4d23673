// The panel's hook onto the people directory: delta-syncs profiles and the expertise index into
// Dexie (on sign-in and every 5 minutes), reads them back live, and saves the own profile.
import { useEffect } from 'preact/hooks';
import type { EvidenceRow, PersonRow } from '../../lib/core/rows';
import { syncPeople } from '../../lib/data/people/people-sync';
import { saveOwnProfile } from '../../lib/data/people/save-profile';
import { useServices } from '../app/services';
import { useLiveQuery } from '../hooks/use-live-query';

const RESYNC_MS = 5 * 60_000;

export interface PeopleState {
  people: PersonRow[];
  evidence: EvidenceRow[];
  mine: PersonRow | undefined;
  /** Saves the own profile; resolves to an error code, or null when saved. */
  save(next: PersonRow): Promise<string | null>;
}

/** The directory for the signed-in person `uid` (null: nothing is synced or read). */
export function usePeople(uid: string | null): PeopleState {
  const { db, fb } = useServices();
  useEffect(() => {
    if (!uid) return;
    const run = () => void syncPeople(fb.firestore, db).catch((error) => console.warn('people sync', error));
    run();
    const timer = setInterval(run, RESYNC_MS);
    return () => clearInterval(timer);
  }, [uid]);
  const people = useLiveQuery(() => (uid ? db.people.toArray() : []), [uid], [] as PersonRow[]);
  const evidence = useLiveQuery(() => (uid ? db.evidence.toArray() : []), [uid], [] as EvidenceRow[]);
  const mine = people.find((p) => p.uid === uid);
  return { people, evidence, mine, save: (next) => saveOwnProfile(fb.firestore, db, next) };
}
