// The outbox's commands: every change a user makes is written here to the local tables and the
// outbox first (so the UI shows it at once and nothing is lost offline or across restarts), then
// sent to Firestore in order by the flusher (flusher.ts), which runs in the background service
// worker. These are the local apply; what happens to a queued item later (its subject, settle,
// refuse, discard) depends on its kind and lives in the operation registry (operations.ts).
// An item's states and the moves between them are in lib/core/outbox-states.ts.
//
// Each item has a `subject`: the comment it changes, or the like (its key). Items of one subject
// are sent strictly in order; a refused item holds back the later items of its subject only.
// A refused comment change stays beside the comment (the user edits and retries, copies, or
// discards it); a refused like is rolled back at once, with the reason shown.
import type { PrikbordDb } from '../db';
import { isOwnComment } from '../../core/ownership';
import { initialState, neverSent } from '../../core/outbox-states';
import { checkCommentText, likeKey, newCommentId, type TextCheck } from '../../core/schema';
import type { CommentRow, LikeTarget, OutboxItem, OutboxOp, PageFacts } from '../../core/rows';
import { MAX_MENTIONS } from '../../core/notifications/model';
import { discardItems, stateAfter, unsentItems } from './items';
import { localOperation, localTables, subjectOf } from './operations';

/** Settling and refusing a sent item, and an operation's subject (operations.ts), also importable with the commands. */
export { refuseItem, settleItem, subjectOf } from './operations';
/** Where a queued item is (lib/core/outbox-states.ts), for the panel's sync status. */
export type { OutboxState } from '../../core/outbox-states';

/** Who is writing: the signed-in user and the name the rules expect on their comments. */
export interface Author {
  uid: string;
  displayName: string;
}

/** A comment or reply as the composer hands it over. */
export interface NewComment {
  pageId: string;
  parentId: string | null;
  text: string;
  /** Posted without a name: no author field leaves this browser except the author-only owner link. */
  anonymous?: boolean;
  page: PageFacts;
  /** The section pre-moderates this post (as the panel's rollout says): shown to its author as waiting for a moderator. */
  held?: boolean;
  /** uids of the people @mentioned, as the composer picked them (lib/core/mentions.ts mentionedUids). */
  mentions?: string[];
}

function newItem(uid: string, op: OutboxOp, now: number): OutboxItem {
  return { subject: subjectOf(op, uid), uid, op, ...initialState(), createdAt: now };
}

/** Whether `uid` wrote this comment, by the owner links in Dexie (lib/core/ownership.ts). */
async function ownsInDb(db: PrikbordDb, row: CommentRow, uid: string): Promise<boolean> {
  const link = row.anonymous ? await db.owned.get(row.id) : undefined;
  return isOwnComment(row, uid, new Set(link?.uid === uid ? [row.id] : []));
}

/** Queues a new comment or reply. Returns the text check; nothing is written when it fails. */
export async function postComment(db: PrikbordDb, author: Author, input: NewComment, now = Date.now()): Promise<TextCheck & { id?: string }> {
  const check = checkCommentText(input.text);
  if (!check.ok) return check;
  const id = newCommentId();
  const anonymous = input.anonymous === true;
  const row: CommentRow = {
    id,
    pageId: input.pageId,
    parentId: input.parentId,
    text: check.text,
    authorUid: anonymous ? null : author.uid,
    authorName: anonymous ? null : author.displayName,
    anonymous,
    likeCount: 0,
    moderated: false,
    createdAt: now,
    updatedAt: now,
    editedAt: null,
    deleted: false,
    syncState: 'pending',
    ...(input.held ? { held: true } : {}),
  };
  const mentions = [...new Set(input.mentions ?? [])].filter((uid) => uid !== author.uid).slice(0, MAX_MENTIONS);
  const op: OutboxOp = {
    kind: 'create',
    pageId: input.pageId,
    commentId: id,
    parentId: input.parentId,
    text: check.text,
    anonymous,
    page: input.page,
    ...(mentions.length > 0 ? { mentions } : {}),
  };
  await db.transaction('rw', db.comments, db.outbox, db.owned, async () => {
    await db.comments.add(row);
    if (anonymous) await db.owned.put({ commentId: id, pageId: input.pageId, uid: author.uid });
    await db.outbox.add(newItem(author.uid, op, now));
  });
  return { ...check, id };
}

/** Queues an edit of one's own comment. An unsent create or edit is rewritten instead of queueing another. */
export async function editComment(db: PrikbordDb, uid: string, commentId: string, rawText: string, now = Date.now()): Promise<TextCheck> {
  const check = checkCommentText(rawText);
  if (!check.ok) return check;
  await db.transaction('rw', db.comments, db.outbox, db.owned, async () => {
    const row = await db.comments.get(commentId);
    if (!row || row.deleted || !(await ownsInDb(db, row, uid))) return;
    const unsent = (await unsentItems(db, commentId)).find((item) => item.op.kind === 'create' || item.op.kind === 'edit');
    if (unsent?.seq !== undefined && (unsent.op.kind === 'create' || unsent.op.kind === 'edit')) {
      await db.outbox.put({ ...unsent, ...stateAfter(unsent, { type: 'rewritten' }), op: { ...unsent.op, text: check.text } });
    } else {
      const op: OutboxOp = { kind: 'edit', pageId: row.pageId, commentId, text: check.text, previousText: row.text };
      await db.outbox.add(newItem(uid, op, now));
    }
    const isNew = unsent?.op.kind === 'create';
    await db.comments.update(commentId, { text: check.text, editedAt: isNew ? null : now, updatedAt: now, syncState: 'pending', refusal: undefined });
  });
  return check;
}

/** Queues the deletion of one's own comment. A comment that never left this browser just disappears. */
export async function deleteComment(db: PrikbordDb, uid: string, commentId: string, now = Date.now()): Promise<void> {
  await db.transaction('rw', db.comments, db.outbox, db.owned, async () => {
    const row = await db.comments.get(commentId);
    if (!row || row.deleted || !(await ownsInDb(db, row, uid))) return;
    const unsent = await unsentItems(db, commentId);
    if (unsent.some((item) => item.op.kind === 'create')) {
      await discardItems(db, unsent);
      await db.comments.delete(commentId);
      await db.owned.delete(commentId);
      return;
    }
    await db.outbox.add(newItem(uid, { kind: 'delete', pageId: row.pageId, commentId, previousText: row.text }, now));
    await db.comments.update(commentId, { deleted: true, updatedAt: now, syncState: 'pending', refusal: undefined });
  });
}

/** Queues a moderator's hide of any comment; the rules check the moderator role, not authorship. */
export async function hideComment(db: PrikbordDb, uid: string, commentId: string, now = Date.now()): Promise<void> {
  await db.transaction('rw', db.comments, db.outbox, async () => {
    const row = await db.comments.get(commentId);
    if (!row || row.deleted) return;
    await db.outbox.add(newItem(uid, { kind: 'hide', pageId: row.pageId, commentId, previousText: row.text }, now));
    await db.comments.update(commentId, { deleted: true, moderated: true, updatedAt: now, syncState: 'pending', refusal: undefined });
  });
}

/** Puts a refused comment's items back in the queue (after the user fixed the text, if they did). */
export async function retryRefused(db: PrikbordDb, commentId: string): Promise<void> {
  await db.transaction('rw', db.comments, db.outbox, async () => {
    const items = await db.outbox.where('subject').equals(commentId).toArray();
    for (const item of items) {
      if (item.state === 'refused') await db.outbox.put({ ...item, ...stateAfter(item, { type: 'retry' }) });
    }
    await db.comments.update(commentId, { syncState: 'pending', refusal: undefined });
  });
}

/** Gives up a refused change: the comment goes back to what the server has (or away, if it was new). */
export async function discardRefused(db: PrikbordDb, commentId: string): Promise<void> {
  // Every table a kind may restore: the first item's kind is only known inside the transaction.
  await db.transaction('rw', [db.outbox, ...localTables(db)], async () => {
    const items = await db.outbox.where('subject').equals(commentId).sortBy('seq');
    // Everything of this comment that the server never saw: the refused change and what it held back.
    await discardItems(db, items.filter(neverSent));
    const first = items[0]?.op;
    if (!first) {
      // Nothing queued for it: treated as a comment that never left this browser.
      await db.comments.delete(commentId);
      await db.owned.delete(commentId);
      return;
    }
    // The first item's kind knows what the server has; a kind this version does not know restores nothing.
    await localOperation(first.kind)?.discard(db, first);
  });
}

/** Who likes: the signed-in person and the name the rules expect on their like. */
export interface LikeInput {
  pageId: string;
  targetId: LikeTarget;
  page: PageFacts;
}

/**
 * Likes or unlikes a target, optimistically: the local like row changes at once and the outbox
 * holds at most what the server still needs. Clicking twice before anything was sent cancels
 * out; the like document's fixed id makes the server side idempotent across tabs and browsers.
 */
export async function setLike(db: PrikbordDb, uid: string, input: LikeInput, active: boolean, now = Date.now()): Promise<void> {
  const key = likeKey(input.pageId, input.targetId, uid);
  await db.transaction('rw', db.likes, db.outbox, async () => {
    const row = (await db.likes.get(key)) ?? {
      key,
      pageId: input.pageId,
      targetId: input.targetId,
      uid,
      active: false,
      serverActive: false,
      syncState: 'synced' as const,
    };
    if (row.active === active && row.syncState !== 'refused') return;
    const all = await db.outbox.where('subject').equals(key).toArray();
    const unsent = await unsentItems(db, key);
    const inFlight = all.length > unsent.length;
    await discardItems(db, unsent);
    // Queue a change unless the server already has what is wanted and nothing else is under way.
    const needsSend = inFlight || active !== row.serverActive;
    if (needsSend) await db.outbox.add(newItem(uid, { kind: 'like', pageId: input.pageId, targetId: input.targetId, active, page: input.page }, now));
    await db.likes.put({ ...row, active, syncState: needsSend ? 'pending' : 'synced', refusal: undefined });
  });
}

/** The asker marks a reply "this helped": shown at once, sent through the outbox. */
export async function markHelpful(db: PrikbordDb, uid: string, reply: CommentRow, now = Date.now()): Promise<void> {
  if (reply.parentId === null) return;
  const parentId = reply.parentId;
  await db.transaction('rw', db.helpful, db.outbox, async () => {
    if (await db.helpful.get(reply.id)) return;
    await db.helpful.put({ replyId: reply.id, pageId: reply.pageId, parentId, syncState: 'pending' });
    await db.outbox.add(newItem(uid, { kind: 'helpful', pageId: reply.pageId, replyId: reply.id, parentId }, now));
  });
}

/** Forgets a like's refusal notice once the person has read it. */
export async function dismissLikeRefusal(db: PrikbordDb, key: string): Promise<void> {
  await db.likes.update(key, { syncState: 'synced', refusal: undefined });
}
