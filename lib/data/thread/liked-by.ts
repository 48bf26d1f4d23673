// "Who liked this?": asked only when someone opens the list, never kept. Side panel.
import { collection, getDocs, query, where, type Firestore } from 'firebase/firestore';
import { paths } from '../../core/paths';
import type { LikeTarget } from '../../core/rows';

/** Names of the people whose like of `targetId` on the page is on, sorted (one query). */
export async function likedBy(fs: Firestore, pageId: string, targetId: LikeTarget): Promise<string[]> {
  const snap = await getDocs(query(collection(fs, paths.likes(pageId)), where('targetId', '==', targetId), where('active', '==', true)));
  return snap.docs.map((d) => String(d.get('name'))).sort((a, b) => a.localeCompare(b));
}
