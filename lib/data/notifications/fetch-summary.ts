// The background worker's one read of the notifications: `inboxes/{uid}` with Firestore Lite
// (entrypoints/background/inbox.ts says when). Signed out: no one, nothing unread (the badge clears);
// null when unreachable (the badge keeps what it showed).
import { doc, getDoc } from 'firebase/firestore/lite';
import { paths } from '../../core/paths';
import type { LiteSession } from '../firebase/lite-client';

export async function fetchInboxSummary(lite: LiteSession): Promise<{ uid: string; unread: number } | null> {
  try {
    const { auth, firestore } = lite.client();
    await auth.authStateReady();
    const uid = auth.currentUser?.uid;
    if (!uid) return { uid: '', unread: 0 };
    const snap = await getDoc(doc(firestore, paths.inbox(uid)));
    const unread: unknown = snap.get('unread');
    return { uid, unread: typeof unread === 'number' && unread >= 0 ? unread : 0 };
  } catch {
    return null;
  }
}
