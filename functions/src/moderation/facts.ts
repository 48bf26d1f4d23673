// What the moderation functions read about a page and a post, from the documents (Admin SDK).
// Only public fields: an anonymous post's author is looked up nowhere here (see ./tell-author.ts,
// the one place that does, to reach the author's own inbox).
import type { DocumentSnapshot, Transaction } from 'firebase-admin/firestore';
import type { PageFacts, PostFacts } from '../../../lib/core/moderation/queue';
import { paths } from '../../../lib/core/paths';
import { NO_ROLLOUT, rolloutFromDoc } from '../../../lib/core/rollout';
import { sectionKeyFor } from '../../../lib/core/timeline';
import { db } from '../admin';

/** Epoch ms of a stored time (Timestamp or Date), 0 when absent. */
export function millisOf(value: unknown): number {
  if (value instanceof Date) return value.getTime();
  const v = value as { toMillis?: () => number } | null | undefined;
  return typeof v?.toMillis === 'function' ? v.toMillis() : 0;
}

/** The page's url, title and section key (rollout as it is now); null when the page is gone. */
export async function pageFactsIn(tx: Transaction, pageId: string): Promise<PageFacts | null> {
  const [page, rollout] = await Promise.all([tx.get(db.doc(paths.page(pageId))), tx.get(db.doc(paths.rollout()))]);
  const url: unknown = page.get('url');
  if (!page.exists || typeof url !== 'string') return null;
  const title: unknown = page.get('title');
  return {
    url,
    title: typeof title === 'string' ? title : '',
    sectionKey: sectionKeyFor(rollout.exists ? rolloutFromDoc(rollout.data() ?? {}) : NO_ROLLOUT, url),
  };
}

/** The public facts of a comment or held post. */
export function postFactsOf(snap: DocumentSnapshot): PostFacts {
  const text: unknown = snap.get('text');
  const name: unknown = snap.get('authorName');
  const anonymous = snap.get('anonymous') === true;
  return { text: typeof text === 'string' ? text : '', anonymous, authorName: !anonymous && typeof name === 'string' ? name : null };
}
