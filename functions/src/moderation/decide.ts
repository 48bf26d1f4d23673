// One moderator's request applied to one queue item, in one transaction (the Admin SDK): the claim
// checked and moved, the decision's documents written (the comment, the page counter, the hidden
// text, the held post), the item's status and history, and the audit entry — all or nothing, so
// two moderators can never both decide, and a counter never drifts from what it counts.
//
//   claim / release   take the item for CLAIM_MINUTES (others are refused meanwhile), or give it back
//   keep              reviewed, nothing wrong: the comment stays (a later report opens it again)
//   hide              the text moves to hiddenTexts/{id}; the comment becomes {text: '', deleted,
//                     moderated, moderationReason}; the page's commentCount −1
//   restore           the reverse; refused when the author had deleted the comment themselves
//   approve           the held post becomes the comment (same id, its createdAt kept), page +1
//   reject            the held post is deleted
//   note              a note to the author, recorded in the history
//
// The request may name a comment that has no item yet (a moderator acting from the thread): the
// item is made from the comment as the report trigger would make it.
import { FieldValue, type DocumentSnapshot, type Transaction } from 'firebase-admin/firestore';
import { moderationAuditDoc, type AuditActor } from '../../../lib/core/audit';
import type { ModerateRequest, ModerateResult, QueueDecision, QueueItem, QueueStatus } from '../../../lib/core/moderation/model';
import {
  checkClaim,
  claimFor,
  itemAfterReports,
  itemForHeld,
  ModerationError,
  moderatesSection,
  outcomeOf,
  parseQueueId,
  postStateOf,
  statusAfter,
} from '../../../lib/core/moderation/queue';
import type { Roles } from '../../../lib/core/membership';
import { paths } from '../../../lib/core/paths';
import { db } from '../admin';
import { millisOf, pageFactsIn, postFactsOf } from './facts';
import type { AuthorNotice } from './tell-author';

/** The moderator as the server knows them now (profile: name and current roles). */
export interface Moderator {
  uid: string;
  name: string;
  roles: Roles;
}

/** What a decision returns: the answer for the moderator, and what the author is to be told (never part of the answer). */
export interface Decided {
  result: ModerateResult;
  notice: AuthorNotice | null;
}

type StoredClaim = { uid: string; name: string; until: number } | null;

function claimOf(snap: DocumentSnapshot): StoredClaim {
  const c = snap.get('claim') as { uid?: unknown; name?: unknown; until?: unknown } | null | undefined;
  return c && typeof c.uid === 'string' ? { uid: c.uid, name: typeof c.name === 'string' ? c.name : '', until: millisOf(c.until) } : null;
}

function historyOf(snap: DocumentSnapshot): Array<QueueDecision<unknown>> {
  const h: unknown = snap.get('history');
  return Array.isArray(h) ? (h as Array<QueueDecision<unknown>>) : [];
}

const storedClaim = (claim: StoredClaim) => (claim ? { ...claim, until: new Date(claim.until) } : null);

/** Applies `request` for `moderator` at `now`. Throws ModerationError for every refusal. */
export async function decide(request: ModerateRequest, moderator: Moderator, now: number): Promise<Decided> {
  const ids = parseQueueId(request.queueId);
  if (!ids) throw new ModerationError('invalidRequest');
  const { pageId, commentId } = ids;
  return db.runTransaction(async (tx) => {
    const itemRef = db.doc(paths.queueItem(pageId, commentId));
    const commentRef = db.doc(paths.comment(pageId, commentId));
    const heldRef = db.doc(paths.heldPost(pageId, commentId));
    const hiddenRef = db.doc(paths.hiddenText(pageId, commentId));
    const [item, comment, held, hidden] = await Promise.all([tx.get(itemRef), tx.get(commentRef), tx.get(heldRef), tx.get(hiddenRef)]);
    const page = await pageFactsIn(tx, pageId);
    if (!item.exists && !page) throw new ModerationError('notFound');
    const sectionKey = item.exists ? String(item.get('sectionKey')) : page!.sectionKey;
    if (!moderatesSection(moderator.roles, sectionKey)) throw new ModerationError('outsideSections');
    const claim = claimOf(item);
    checkClaim({ claim }, moderator.uid, now);
    const post = postStateOf(comment.exists ? comment.data() : undefined, held.exists ? held.data() : undefined);
    if (!item.exists && post === 'missing') throw new ModerationError('notFound');

    // An item made now, for a comment or held post no report or hold filed yet.
    const base = item.exists
      ? null
      : post === 'held'
        ? itemForHeld(ids, page!, postFactsOf(held), millisOf(held.get('createdAt')) || now)
        : itemAfterReports(null, ids, page!, postFactsOf(comment), []);
    const itemStatus = (item.exists ? item.get('status') : base!.status) as QueueStatus;
    const write = (fields: Record<string, unknown>) =>
      item.exists
        ? tx.update(itemRef, { ...fields, updatedAt: FieldValue.serverTimestamp() })
        : tx.set(itemRef, { ...base!, latestAt: new Date(base!.latestAt), claim: null, history: [], ...fields, updatedAt: FieldValue.serverTimestamp() });

    if (request.action === 'claim' || request.action === 'release') {
      const next = request.action === 'claim' ? claimFor(moderator, now) : null;
      write({ claim: storedClaim(next) });
      return { result: { status: itemStatus, claim: next }, notice: null };
    }

    const action = request.action;
    let status = itemStatus;
    if (action === 'note') {
      if (post === 'missing') throw new ModerationError('notFound');
    } else {
      status = statusAfter(action, post);
      applyDecision(tx, action, { pageId, commentId, comment, held, hidden, reason: request.reason ?? null });
    }

    const history = historyOf(item);
    const decision: QueueDecision<Date> = {
      action,
      by: { uid: moderator.uid, name: moderator.name },
      at: new Date(now),
      ...(request.reason ? { reason: request.reason } : {}),
      ...(request.note ? { note: request.note } : {}),
    };
    // A decision ends the moderator's claim; a note leaves a claim as it was.
    const nextClaim = action === 'note' ? (claim && claim.until > now ? claim : null) : null;
    // An approved post is an ordinary comment from then on: a later report treats it as one.
    write({ status, claim: storedClaim(nextClaim), history: [...history, decision], ...(action === 'approve' ? { held: false } : {}) });

    const actor: AuditActor = { uid: moderator.uid, name: moderator.name, via: 'console' };
    const target = {
      kind: 'page' as const,
      pageId,
      url: page?.url ?? String(item.get('url') ?? ''),
      title: page?.title ?? String(item.get('title') ?? ''),
      commentId,
    };
    tx.create(db.collection(paths.audit()).doc(), {
      ...moderationAuditDoc({ action, actor, target, reason: request.reason ?? null }),
      at: FieldValue.serverTimestamp(),
    });

    // The author hears of a hide, restore, approval, rejection or note (with a note, also of the
    // note's text); a keep tells them nothing (they need not learn they were reported).
    const outcome = outcomeOf(action) ?? (request.note ? 'note' : null);
    const source = post === 'held' ? held : comment;
    const notice: AuthorNotice | null = outcome
      ? {
          pageId,
          commentId,
          url: target.url,
          title: target.title,
          authorUid: source.get('anonymous') === true ? null : ((source.get('authorUid') as string | undefined) ?? null),
          outcome,
          reason: request.reason ?? null,
          excerpt: request.note ?? (post === 'hidden' ? String(hidden.get('text') ?? '') : String(source.get('text') ?? '')),
          n: history.length + 1,
        }
      : null;
    return { result: { status, claim: nextClaim }, notice };
  });
}

interface DecisionDocs {
  pageId: string;
  commentId: string;
  comment: DocumentSnapshot;
  held: DocumentSnapshot;
  hidden: DocumentSnapshot;
  reason: string | null;
}

/** The documents one decision writes, beside the item and the audit entry. */
function applyDecision(tx: Transaction, action: 'keep' | 'hide' | 'restore' | 'approve' | 'reject', docs: DecisionDocs): void {
  const { pageId, commentId } = docs;
  const pageRef = db.doc(paths.page(pageId));
  const moveCount = (by: 1 | -1) =>
    tx.update(pageRef, { commentCount: FieldValue.increment(by), lastCommentId: commentId, updatedAt: FieldValue.serverTimestamp() });
  switch (action) {
    case 'keep':
      return;
    case 'hide':
      tx.set(db.doc(paths.hiddenText(pageId, commentId)), {
        pageId,
        commentId,
        text: String(docs.comment.get('text') ?? ''),
        hiddenAt: FieldValue.serverTimestamp(),
      });
      tx.update(docs.comment.ref, { text: '', deleted: true, moderated: true, moderationReason: docs.reason, updatedAt: FieldValue.serverTimestamp() });
      moveCount(-1);
      return;
    case 'restore': {
      if (!docs.hidden.exists) throw new ModerationError('notFound');
      tx.update(docs.comment.ref, {
        text: String(docs.hidden.get('text') ?? ''),
        deleted: false,
        moderated: FieldValue.delete(),
        moderationReason: FieldValue.delete(),
        updatedAt: FieldValue.serverTimestamp(),
      });
      tx.delete(docs.hidden.ref);
      moveCount(1);
      return;
    }
    case 'approve':
      tx.create(docs.comment.ref, { ...docs.held.data(), updatedAt: FieldValue.serverTimestamp() });
      tx.delete(docs.held.ref);
      moveCount(1);
      return;
    case 'reject':
      tx.delete(docs.held.ref);
      return;
  }
}

export type { QueueItem };
