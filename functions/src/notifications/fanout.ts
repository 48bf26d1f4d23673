// Fan-out of comment and "this helped" events into people's inboxes (./deliver.ts), decided by
// lib/core/notifications/fanout.ts. Clients never look for what concerns them in other people's
// comments: these triggers do, with the Admin SDK.
//
// Anonymity: the author of an anonymous comment is found through commentOwners (server only) to
// tell them about a reply or a "this helped", and to leave them out of their own comment's
// follow items. Nothing written here names them anywhere but in their own inbox, which only they
// read: an item's actor is null for an anonymous writer, and no item carries the writer's uid.
//
// Cost per new comment: 1 (page) + 1 (rollout) + 1 (the owner link when anonymous) + 1 (parent and
// its owner link, for a reply: 1–2) + 2 (follows queries, ≥ 1 each) + p (profiles of the people
// who may be told, for rollout's department check: one getAll) ; a write per person told (the
// follow items in a transaction of 2 reads).
import { Timestamp } from 'firebase-admin/firestore';
import { onDocumentCreated } from 'firebase-functions/v2/firestore';
import { logger } from 'firebase-functions';
import { paths } from '../../../lib/core/paths';
import { NO_ROLLOUT, accessFor, rolloutFromDoc, type Rollout } from '../../../lib/core/rollout';
import { sectionKeyFor } from '../../../lib/core/timeline';
import { cleanMentions, itemIds, planForComment } from '../../../lib/core/notifications/fanout';
import { db } from '../admin';
import { deliver, deliverFollow } from './deliver';

export async function currentRollout(): Promise<Rollout> {
  const snap = await db.doc(paths.rollout()).get();
  return snap.exists ? rolloutFromDoc(snap.data() ?? {}) : NO_ROLLOUT;
}

/** Who wrote a comment: its named author, or the owner of an anonymous one (server only). */
async function writerOf(pageId: string, commentId: string, data: FirebaseFirestore.DocumentData | undefined): Promise<string | null> {
  if (!data) return null;
  if (typeof data.authorUid === 'string') return data.authorUid;
  if (data.anonymous !== true) return null;
  const link = await db.doc(paths.commentOwner(commentId)).get();
  return link.exists && link.get('pageId') === pageId && typeof link.get('uid') === 'string' ? (link.get('uid') as string) : null;
}

/** A function telling whether each of `uids` may see the page at `url` now (rollout and their department). */
export async function visibility(
  rollout: Rollout,
  url: string,
  uids: string[],
): Promise<{ canSee: (uid: string) => boolean; nameOf: (uid: string) => string }> {
  const distinct = [...new Set(uids)];
  const profiles = distinct.length > 0 ? await db.getAll(...distinct.map((uid) => db.doc(paths.profile(uid)))) : [];
  const now = Date.now();
  const seeing = new Set<string>();
  const names = new Map<string, string>();
  for (const p of profiles) {
    if (!p.exists || p.get('active') === false) continue;
    names.set(p.id, String(p.get('displayName') ?? ''));
    const departmentPath = Array.isArray(p.get('departmentPath')) ? (p.get('departmentPath') as string[]) : [];
    if (accessFor(rollout, url, { uid: p.id, departmentPath }, now).mode !== 'off') seeing.add(p.id);
  }
  return { canSee: (uid) => seeing.has(uid), nameOf: (uid) => names.get(uid) ?? '?' };
}

/** Who follows the page or its section. */
async function followersOf(pageId: string, sectionKey: string): Promise<string[]> {
  const [byPage, bySection] = await Promise.all([
    db.collection('follows').where('pages', 'array-contains', pageId).select().get(),
    db.collection('follows').where('sections', 'array-contains', sectionKey).select().get(),
  ]);
  return [...new Set([...byPage.docs, ...bySection.docs].map((d) => d.id))];
}

/** Tells everyone a new comment concerns. Exported for the tests' direct use too. */
export async function notifyForComment(pageId: string, commentId: string, data: FirebaseFirestore.DocumentData): Promise<number> {
  if (data.deleted === true) return 0;
  const [page, rollout] = await Promise.all([db.doc(paths.page(pageId)).get(), currentRollout()]);
  const url = String(page.get('url') ?? '');
  const title = String(page.get('title') ?? '');
  const parentId = typeof data.parentId === 'string' ? data.parentId : null;
  const parent = parentId ? await db.doc(paths.comment(pageId, parentId)).get() : null;
  const [writerUid, parentWriterUid, followers] = await Promise.all([
    writerOf(pageId, commentId, data),
    parentId && parent ? writerOf(pageId, parentId, parent.data()) : Promise.resolve(null),
    followersOf(pageId, sectionKeyFor(rollout, url)),
  ]);
  const mentions = cleanMentions(data.mentions);
  const { canSee, nameOf } = await visibility(rollout, url, [...(parentWriterUid ? [parentWriterUid] : []), ...mentions, ...followers]);
  const actor = typeof data.authorUid === 'string' ? { uid: data.authorUid as string, name: String(data.authorName ?? '') } : null;
  const plans = planForComment(
    { pageId, commentId, url, title, text: String(data.text ?? ''), parentId, writerUid, actor, parentWriterUid, mentions, followers },
    canSee,
    nameOf,
  );
  await Promise.all(plans.map((p) => (p.mode === 'set' ? deliver(p.uid, p.itemId, p.item) : deliverFollow(p.uid, p.itemId, p.item))));
  return plans.length;
}

/** "This helped" on a reply: its writer is told (the mark names nobody; nor does the item). */
export async function notifyForHelpful(pageId: string, replyId: string): Promise<boolean> {
  const [reply, page, rollout] = await Promise.all([db.doc(paths.comment(pageId, replyId)).get(), db.doc(paths.page(pageId)).get(), currentRollout()]);
  if (!reply.exists || reply.get('deleted') === true) return false;
  const writerUid = await writerOf(pageId, replyId, reply.data());
  if (!writerUid) return false;
  const url = String(page.get('url') ?? '');
  const { canSee } = await visibility(rollout, url, [writerUid]);
  if (!canSee(writerUid)) return false;
  await deliver(writerUid, itemIds.helpful(replyId), {
    kind: 'helpful',
    pageId,
    url,
    title: String(page.get('title') ?? ''),
    commentId: replyId,
    actor: null,
    excerpt: String(reply.get('text') ?? ''),
    count: 1,
  });
  return true;
}

export const notifyOnComment = onDocumentCreated({ document: 'pages/{pageId}/comments/{commentId}', retry: true }, async (event) => {
  const data = event.data?.data();
  if (!data) return;
  try {
    await notifyForComment(event.params.pageId, event.params.commentId, data);
  } catch (error) {
    // No uid or text in the log: an anonymous writer's uid must not reach a log others read.
    logger.error('notifyOnComment failed', { pageId: event.params.pageId, error: String(error) });
    throw error;
  }
});

export const notifyOnHelpful = onDocumentCreated({ document: 'pages/{pageId}/helpful/{replyId}', retry: true }, async (event) => {
  await notifyForHelpful(event.params.pageId, event.params.replyId);
});

/** Firestore Timestamp of epoch ms (for the digest's queries). */
export const at = (ms: number) => Timestamp.fromMillis(ms);
