// Saving the signed-in person's own profile fields. Side panel.
//
// Only skills, languages and optOut are the person's own (firebase/firestore.rules): the identity
// fields — name, department, job title, location, manager, roles — come from the organisation's
// directory and are written by the server alone, so they are never sent from here.
import { doc, serverTimestamp, updateDoc, type Firestore } from 'firebase/firestore';
import { paths } from '../../core/paths';
import type { PersonRow } from '../../core/rows';
import type { PrikbordDb } from '../db';

/** The own profile's own fields as written to Firestore (updatedAt = server time: the sync cursor). */
export function profileUpdate(next: PersonRow) {
  return {
    languages: next.languages,
    skills: next.skills,
    optOut: next.optOut,
    updatedAt: serverTimestamp(),
  };
}

/**
 * Saves the own profile; resolves to an error code, or null when saved. It needs a connection
 * (it does not go through the outbox): a failure is shown with the form kept. An update, never a
 * create: the server makes the profile ('not-found' if it has not yet).
 */
export async function saveOwnProfile(fs: Firestore, db: PrikbordDb, next: PersonRow): Promise<string | null> {
  try {
    await updateDoc(doc(fs, paths.profile(next.uid)), profileUpdate(next));
    // Shown at once; the next delta sync brings the server's copy (same content, server time).
    await db.people.put({ ...next, updatedAt: Date.now() });
    return null;
  } catch (error) {
    return String((error as { code?: string }).code ?? error);
  }
}
