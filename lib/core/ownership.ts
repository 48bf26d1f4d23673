// "Is this comment mine?", answered once: named comments by their author field, anonymous ones by
// the reader's own owner links (commentOwners/{id}, readable only by their author). Pure; the
// thread's components ask it with the owner links in memory, the outbox with the ones in Dexie.
import type { CommentRow } from './rows';

/** Whether `uid` wrote `comment`. `ownedIds`: the ids of the anonymous comments `uid` holds owner links for. */
export function isOwnComment(comment: Pick<CommentRow, 'id' | 'anonymous' | 'authorUid'>, uid: string | null, ownedIds: { has(id: string): boolean }): boolean {
  if (uid === null) return false;
  return comment.anonymous ? ownedIds.has(comment.id) : comment.authorUid === uid;
}
