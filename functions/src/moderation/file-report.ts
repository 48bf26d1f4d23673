// A report (reports/{pageId}_{commentId}_{uid}) files its comment in the moderation queue. The
// item is recomputed from all reports of that comment (a retried event counts nothing twice), with
// the comment's text, its named author's name (never an anonymous author: an anonymous comment
// has no author field to copy) and the page's section as rollout says now.
import { FieldValue } from 'firebase-admin/firestore';
import { onDocumentCreated } from 'firebase-functions/v2/firestore';
import { REPORT_REASONS, type QueueItem, type ReportReason } from '../../../lib/core/moderation/model';
import { itemAfterReports, type ReportFact } from '../../../lib/core/moderation/queue';
import { paths } from '../../../lib/core/paths';
import { db } from '../admin';
import { millisOf, pageFactsIn, postFactsOf } from './facts';

/** Files (or refreshes) the queue item of one reported comment. */
export async function fileReports(pageId: string, commentId: string): Promise<void> {
  await db.runTransaction(async (tx) => {
    const ref = db.doc(paths.queueItem(pageId, commentId));
    const [stored, comment, reports] = await Promise.all([
      tx.get(ref),
      tx.get(db.doc(paths.comment(pageId, commentId))),
      tx.get(db.collection(paths.reports()).where('pageId', '==', pageId).where('commentId', '==', commentId)),
    ]);
    const page = await pageFactsIn(tx, pageId);
    if (!comment.exists || !page) return; // nothing left to moderate
    const facts: ReportFact[] = reports.docs
      .filter((d) => (REPORT_REASONS as readonly unknown[]).includes(d.get('reason')))
      .map((d) => ({ reason: d.get('reason') as ReportReason, createdAt: millisOf(d.get('createdAt')) }));
    const before = stored.exists ? (stored.data() as QueueItem<unknown>) : null;
    const history = (before?.history ?? []).map((h) => ({ ...h, at: millisOf(h.at) }));
    const content = itemAfterReports(
      before ? { status: before.status, held: before.held, history } : null,
      { pageId, commentId },
      page,
      postFactsOf(comment),
      facts,
    );
    const write = { ...content, latestAt: new Date(content.latestAt), updatedAt: FieldValue.serverTimestamp() };
    if (before) tx.update(ref, write);
    else tx.set(ref, { ...write, claim: null, history: [] });
  });
}

export const moderationOnReport = onDocumentCreated({ document: 'reports/{reportId}', retry: true }, async (event) => {
  const pageId: unknown = event.data?.get('pageId');
  const commentId: unknown = event.data?.get('commentId');
  if (typeof pageId === 'string' && typeof commentId === 'string') await fileReports(pageId, commentId);
});
