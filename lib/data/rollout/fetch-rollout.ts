// Rollout and the signed-in person's department, read by the background worker with Firestore
// Lite (one document read each): when its cached copy is stale or missing (rollout-cache.ts).
import { doc, getDoc } from 'firebase/firestore/lite';
import { paths } from '../../core/paths';
import { NO_ROLLOUT, rolloutFromDoc, type Rollout, type RolloutPerson } from '../../core/rollout';
import type { LiteSession } from '../firebase/lite-client';

/** The rollout document (NO_ROLLOUT when there is none yet); 'signed-out' (only members may read it); null when unreachable or refused. */
export async function fetchRollout(lite: LiteSession): Promise<Rollout | 'signed-out' | null> {
  try {
    const { auth, firestore } = lite.client();
    await auth.authStateReady();
    if (!auth.currentUser) return 'signed-out';
    const snap = await getDoc(doc(firestore, paths.rollout()));
    return snap.exists() ? rolloutFromDoc(snap.data()) : NO_ROLLOUT;
  } catch {
    return null;
  }
}

/** The signed-in person as rollout asks (uid, department path, from their profile); null when signed out or unreachable. */
export async function fetchRolloutPerson(lite: LiteSession): Promise<RolloutPerson | null> {
  try {
    const { auth, firestore } = lite.client();
    await auth.authStateReady();
    const uid = auth.currentUser?.uid;
    if (!uid) return null;
    const snap = await getDoc(doc(firestore, paths.profile(uid)));
    const path: unknown = snap.get('departmentPath');
    return { uid, departmentPath: Array.isArray(path) ? path.filter((p): p is string => typeof p === 'string') : [] };
  } catch {
    return null;
  }
}
