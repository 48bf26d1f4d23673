// The author's own held posts (pre-moderation), as the thread shows them: "Waiting for a
// moderator" until a moderator decides. Approval brings the comment through the thread's listener
// (which replaces the local row, clearing `held`); a rejection deletes the held post and leaves no
// comment, which no listener reports: so when the author opens the thread, each of their posts
// still shown as waiting is asked about once (its held document, then the comment; both readable
// by the author alone, an anonymous one through the owner link). Side panel.
import { doc, getDocFromServer, type Firestore } from 'firebase/firestore';
import type { PrikbordDb } from '../db';
import { paths } from '../../core/paths';
import type { CommentRow } from '../../core/rows';

/** Brings the local rows of `rows` that wait for a moderator up to date with the server's decision. */
export async function refreshHeldPosts(fs: Firestore, db: PrikbordDb, rows: CommentRow[]): Promise<void> {
  for (const row of rows) {
    if (!row.held || row.syncState !== 'synced' || row.notApproved) continue;
    try {
      // A held post that is gone reads as refused, not missing: its rule reads the document's author.
      const stillHeld = await getDocFromServer(doc(fs, paths.heldPost(row.pageId, row.id))).then(
        (snap) => snap.exists(),
        (error: unknown) => {
          if ((error as { code?: string } | null)?.code === 'permission-denied') return false;
          throw error;
        },
      );
      if (stillHeld) continue;
      const approved = (await getDocFromServer(doc(fs, paths.comment(row.pageId, row.id)))).exists();
      // Approved: the thread's listener brings the comment itself; rejected: say so beside the text.
      await db.comments.update(row.id, approved ? { held: false } : { notApproved: true });
    } catch {
      // Offline or refused: it stays shown as waiting; asked again next time.
    }
  }
}
