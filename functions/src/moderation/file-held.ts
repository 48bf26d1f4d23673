// A held post (pages/{pageId}/held/{commentId}, pre-moderation) files itself in the moderation
// queue as `held: true`, with its text and, when named, its author's name (an anonymous held post
// has no author field; its owner link is never read here).
import { FieldValue } from 'firebase-admin/firestore';
import { onDocumentCreated } from 'firebase-functions/v2/firestore';
import { itemForHeld } from '../../../lib/core/moderation/queue';
import { paths } from '../../../lib/core/paths';
import { db } from '../admin';
import { millisOf, pageFactsIn, postFactsOf } from './facts';

/** Files a held post in the queue, once (a retried event finds the item there and leaves it). */
export async function fileHeld(pageId: string, commentId: string): Promise<void> {
  await db.runTransaction(async (tx) => {
    const ref = db.doc(paths.queueItem(pageId, commentId));
    const [stored, held] = await Promise.all([tx.get(ref), tx.get(db.doc(paths.heldPost(pageId, commentId)))]);
    if (stored.exists || !held.exists) return;
    const page = await pageFactsIn(tx, pageId);
    if (!page) return;
    const content = itemForHeld({ pageId, commentId }, page, postFactsOf(held), millisOf(held.get('createdAt')) || Date.now());
    tx.set(ref, { ...content, latestAt: new Date(content.latestAt), claim: null, history: [], updatedAt: FieldValue.serverTimestamp() });
  });
}

export const moderationOnHeld = onDocumentCreated({ document: 'pages/{pageId}/held/{commentId}', retry: true }, async (event) => {
  await fileHeld(event.params.pageId, event.params.commentId);
});
