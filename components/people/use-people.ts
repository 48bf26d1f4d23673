// The side panel's hook onto the people directory: delta-syncs profiles and the expertise index
// into Dexie (on sign-in and every 5 minutes), reads them back live, and saves the own profile.
import type { Firestore } from 'firebase/firestore';
import { doc, serverTimestamp, setDoc } from 'firebase/firestore';
import { useEffect } from 'preact/hooks';
import type { PrikbordDb } from '../../lib/data/db';
import { syncPeople } from '../../lib/data/people/people-sync';
import { useLiveQuery } from '../hooks/use-live-query';
import type { EvidenceRow, PersonRow } from '../../lib/core/rows';

const RESYNC_MS = 5 * 60_000;

export interface PeopleState {
  people: PersonRow[];
  evidence: EvidenceRow[];
  mine: PersonRow | undefined;
  /** Saves the own profile; resolves to an error code, or null when saved. */
  save(next: PersonRow): Promise<string | null>;
}

/** The own profile's directory fields as written to Firestore (updatedAt = server time: the sync cursor). */
export function profileUpdate(next: PersonRow) {
  return {
    departmentPath: next.departmentPath,
    jobTitle: next.jobTitle,
    location: next.location,
    languages: next.languages,
    skills: next.skills,
    optOut: next.optOut,
    updatedAt: serverTimestamp(),
  };
}

export function usePeople(db: PrikbordDb, fs: Firestore, uid: string | null): PeopleState {
  useEffect(() => {
    if (!uid) return;
    const run = () => void syncPeople(fs, db).catch((error) => console.warn('people sync', error));
    run();
    const timer = setInterval(run, RESYNC_MS);
    return () => clearInterval(timer);
  }, [uid]);
  const people = useLiveQuery(() => (uid ? db.people.toArray() : []), [uid], [] as PersonRow[]);
  const evidence = useLiveQuery(() => (uid ? db.evidence.toArray() : []), [uid], [] as EvidenceRow[]);
  const mine = people.find((p) => p.uid === uid);
  return {
    people,
    evidence,
    mine,
    save: async (next) => {
      try {
        await setDoc(doc(fs, 'profiles', next.uid), profileUpdate(next), { merge: true });
        // Shown at once; the next delta sync brings the server's copy (same content, server time).
        await db.people.put({ ...next, updatedAt: Date.now() });
        return null;
      } catch (error) {
        return String((error as { code?: string }).code ?? error);
      }
    },
  };
}
