// The panel's hook onto the people directory: syncs the directory and the expertise evidence into
// Dexie (when the panel opens and every 5 minutes; the evidence feed only while the people view is
// shown: lib/core/people-sync-plan.ts says why), reads them back live, and saves the own profile.
import { useEffect } from 'preact/hooks';
import { PEOPLE_RESYNC_MS, peopleToSync } from '../../lib/core/people-sync-plan';
import type { EvidenceRow, PersonRow } from '../../lib/core/rows';
import { syncPeople } from '../../lib/data/people/people-sync';
import { saveOwnProfile } from '../../lib/data/people/save-profile';
import { useServices } from '../app/services';
import { useLiveQuery } from '../hooks/use-live-query';

export interface PeopleState {
  people: PersonRow[];
  evidence: EvidenceRow[];
  mine: PersonRow | undefined;
  /** Saves the own profile; resolves to an error code, or null when saved. */
  save(next: PersonRow): Promise<string | null>;
}

/** Runs `sync` now and every PEOPLE_RESYNC_MS; returns the effect's cleanup. */
function repeat(name: string, sync: () => Promise<unknown>): () => void {
  const run = () => void sync().catch((error) => console.warn(`${name} sync`, error));
  run();
  const timer = setInterval(run, PEOPLE_RESYNC_MS);
  return () => clearInterval(timer);
}

/**
 * The directory for the signed-in person `uid` (null: nothing is synced or read); the expertise
 * index is kept in sync only while `peopleViewShown` (its evidence is read there alone).
 */
export function usePeople(uid: string | null, peopleViewShown: boolean): PeopleState {
  const { db, fb } = useServices();
  const wanted = peopleToSync(uid, peopleViewShown);
  const directory = wanted.includes('directory');
  const expertise = wanted.includes('expertise');
  // One sync for both feeds (a first sync's shards bring both); showing the people view syncs at once.
  useEffect(() => (directory ? repeat('people', () => syncPeople(fb.firestore, db, { evidence: expertise })) : undefined), [uid, directory, expertise]);
  const people = useLiveQuery(() => (uid ? db.people.toArray() : []), [uid], [] as PersonRow[]);
  const evidence = useLiveQuery(() => (uid ? db.evidence.toArray() : []), [uid], [] as EvidenceRow[]);
  const mine = people.find((p) => p.uid === uid);
  return { people, evidence, mine, save: (next) => saveOwnProfile(fb.firestore, db, next) };
}
