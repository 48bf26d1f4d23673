// Telling an author about a moderator's decision: the one place the moderation functions look up
// who wrote an anonymous post (commentOwners/{commentId}, server side), and only to reach that
// person's own inbox (deliver()). Nothing of the lookup goes back to the moderator: the callable
// answers the same whoever wrote the post, and the inbox item names no moderator (actor: null).
import type { ModerationOutcome } from '../../../lib/core/notifications/model';
import { paths } from '../../../lib/core/paths';
import { logger } from 'firebase-functions';
import { db } from '../admin';
import { deliver } from '../notifications/deliver';

export interface AuthorNotice {
  pageId: string;
  commentId: string;
  url: string;
  title: string;
  /** The named author's uid; null for an anonymous post (looked up here). */
  authorUid: string | null;
  outcome: ModerationOutcome;
  reason: string | null;
  /** The moderator's note, else the post's text: what the inbox item quotes. */
  excerpt: string;
  /** The decision's number in the item's history: one inbox item per decision. */
  n: number;
}

/** The author of a post: named from the post, anonymous from its owner link (server only). */
async function authorOf(notice: AuthorNotice): Promise<string | null> {
  if (notice.authorUid) return notice.authorUid;
  const link = await db.doc(paths.commentOwner(notice.commentId)).get();
  const uid: unknown = link.get('uid');
  return link.get('pageId') === notice.pageId && typeof uid === 'string' ? uid : null;
}

/** Delivers the decision to the author's inbox. A failure is logged, never shown to the moderator (it could tell them something). */
export async function tellAuthor(notice: AuthorNotice): Promise<void> {
  try {
    const uid = await authorOf(notice);
    if (!uid) return;
    await deliver(uid, `moderation_${notice.commentId}_${notice.n}`, {
      kind: 'moderation',
      pageId: notice.pageId,
      url: notice.url,
      title: notice.title,
      commentId: notice.commentId,
      actor: null,
      excerpt: notice.excerpt,
      count: 1,
      outcome: notice.outcome,
      ...(notice.reason ? { reason: notice.reason } : {}),
    });
  } catch (error) {
    logger.error('moderation: telling the author failed', { commentId: notice.commentId, error: String(error) });
  }
}
