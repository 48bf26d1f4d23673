// Saving the signed-in person's own directory fields. Side panel.
import { doc, serverTimestamp, setDoc, type Firestore } from 'firebase/firestore';
import { paths } from '../../core/paths';
import type { PersonRow } from '../../core/rows';
import type { PrikbordDb } from '../db';

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

/**
 * Saves the own profile; resolves to an error code, or null when saved. It needs a connection
 * (it does not go through the outbox): a failure is shown with the form kept.
 */
export async function saveOwnProfile(fs: Firestore, db: PrikbordDb, next: PersonRow): Promise<string | null> {
  try {
    await setDoc(doc(fs, paths.profile(next.uid)), profileUpdate(next), { merge: true });
    // Shown at once; the next delta sync brings the server's copy (same content, server time).
    await db.people.put({ ...next, updatedAt: Date.now() });
    return null;
  } catch (error) {
    return String((error as { code?: string }).code ?? error);
  }
}
