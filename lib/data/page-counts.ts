// Fresh comment counts for the launcher and the toolbar badge, fetched by the background worker
// with Firestore Lite (lib/data/firebase/lite-client.ts).
import { doc, getDoc } from 'firebase/firestore/lite';
import { aliasFromDoc } from '../core/page-admin';
import { paths } from '../core/paths';
import type { LiteSession } from './firebase/lite-client';
import type { PageCounts } from '../any/messages';

/** A count younger than this is served from the cache without a Firestore read. */
export const COUNT_MAX_AGE_MS = 5 * 60_000;

/**
 * The page's counts from Firestore (1 document read; 2 when the page is an alias, whose launcher
 * shows the counts of the page it stands for); null when signed out or unreachable.
 */
export async function fetchPageCounts(lite: LiteSession, pageId: string): Promise<PageCounts | null> {
  try {
    const { auth, firestore } = lite.client();
    await auth.authStateReady();
    if (!auth.currentUser) return null;
    let snap = await getDoc(doc(firestore, paths.page(pageId)));
    // One hop: the console never lets an alias point at another alias.
    const alias = snap.exists() ? aliasFromDoc(snap.data()) : null;
    if (alias) snap = await getDoc(doc(firestore, paths.page(alias)));
    if (!snap.exists()) return { comments: 0, likes: 0 };
    const comments: unknown = snap.get('commentCount');
    const likes: unknown = snap.get('likeCount') ?? 0;
    return typeof comments === 'number' && comments >= 0 && typeof likes === 'number' && likes >= 0 ? { comments, likes } : null;
  } catch {
    return null;
  }
}

/** Whether a cached count is recent enough to skip the read (pure; tested). */
export function isFresh(fetchedAt: number | undefined, now: number): boolean {
  return fetchedAt !== undefined && now - fetchedAt < COUNT_MAX_AGE_MS;
}
