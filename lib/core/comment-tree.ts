import type { CommentRow } from './rows';
// Turns a page's flat comment rows into the thread the panel shows. Pure; imported by the side panel.

export interface ThreadNode {
  comment: CommentRow;
  replies: CommentRow[];
}

const byCreated = (a: CommentRow, b: CommentRow) => a.createdAt - b.createdAt || a.id.localeCompare(b.id);

/**
 * Top-level comments oldest first, each with its replies oldest first. A deleted comment is left
 * out unless it still has live replies (then it stays as a placeholder so the replies keep their
 * context); deleted replies are left out. A comment hidden by moderation stays, top level or reply,
 * as "Hidden by moderation: {reason}": readers are told why something is gone. Replies whose
 * parent is unknown locally are shown at top level.
 */
export function buildThread(rows: CommentRow[]): ThreadNode[] {
  const ids = new Set(rows.map((row) => row.id));
  const replies = new Map<string, CommentRow[]>();
  const roots: CommentRow[] = [];
  for (const row of rows) {
    if (row.parentId && ids.has(row.parentId)) {
      if (row.deleted && !row.moderated) continue;
      const list = replies.get(row.parentId) ?? [];
      list.push(row);
      replies.set(row.parentId, list);
    } else {
      roots.push(row);
    }
  }
  return roots
    .sort(byCreated)
    .map((comment) => ({ comment, replies: (replies.get(comment.id) ?? []).sort(byCreated) }))
    .filter((node) => !node.comment.deleted || node.comment.moderated || node.replies.length > 0);
}

/** Number of comments on the page: live ones, including this browser's unsent ones, not refused ones, nor posts waiting for a moderator. */
export function visibleCount(rows: CommentRow[]): number {
  return rows.filter((row) => !row.deleted && !row.held && row.syncState !== 'refused').length;
}
