// A "this helped" mark answers its question now: the question leaves its section's published open
// questions (openQuestions/{sectionKey}, what community managers see) at once. The hourly rollup
// (./rollup.ts) records the answer itself from the same mark (lib/core/insights/fold.ts
// updateQuestions), so the two agree: this only spares the community manager an hour of a stale list.
import { onDocumentCreated } from 'firebase-functions/v2/firestore';
import { withoutAnswered } from '../../../lib/core/insights/questions';
import type { OpenQuestion } from '../../../lib/core/insights/model';
import { paths } from '../../../lib/core/paths';
import { NO_ROLLOUT, rolloutFromDoc } from '../../../lib/core/rollout';
import { sectionKeyFor } from '../../../lib/core/timeline';
import { db } from '../admin';

/** Drops question `parentId` of page `pageId` from its section's open questions (idempotent). */
export async function dropAnsweredQuestion(pageId: string, parentId: string): Promise<void> {
  const [page, rollout] = await Promise.all([db.doc(paths.page(pageId)).get(), db.doc(paths.rollout()).get()]);
  const url: unknown = page.get('url');
  if (typeof url !== 'string') return;
  const key = sectionKeyFor(rollout.exists ? rolloutFromDoc(rollout.data() ?? {}) : NO_ROLLOUT, url);
  await db.runTransaction(async (tx) => {
    const ref = db.doc(paths.openQuestions(key));
    const snap = await tx.get(ref);
    const questions: unknown = snap.get('questions');
    if (!Array.isArray(questions)) return;
    const rest = withoutAnswered(questions as OpenQuestion[], parentId);
    if (rest) tx.update(ref, { questions: rest, updatedAt: Date.now() });
  });
}

export const openQuestionsOnHelpful = onDocumentCreated({ document: 'pages/{pageId}/helpful/{replyId}', retry: true }, async (event) => {
  const parentId: unknown = event.data?.get('parentId');
  if (typeof parentId === 'string') await dropAnsweredQuestion(event.params.pageId, parentId);
});
