// The outbox: every change a user makes is written here and to the local tables first (so the UI
// shows it at once and nothing is lost offline or across restarts), then sent to Firestore in
// order by the flusher (lib/outbox-flusher.ts). Side panel only (extension origin, Dexie).
//
// An item's life:  pending ──send──▶ sending ──ok──▶ (removed; the row becomes 'synced')
//                     ▲                 │
//                     └──transient──────┤ (retried with backoff)
//                                       └──refused──▶ refused (shown next to the comment; the user
//                                                     edits and retries, or discards)
import type { PrikbordDb } from './db';
import { checkCommentText, newCommentId, type CommentRow, type TextCheck } from './schema';

export type OutboxOp =
  | { kind: 'create'; pageId: string; commentId: string; parentId: string | null; text: string; page: { url: string; title: string } }
  | { kind: 'edit'; pageId: string; commentId: string; text: string; previousText: string }
  | { kind: 'delete'; pageId: string; commentId: string; previousText: string };

export type OutboxState = 'pending' | 'sending' | 'refused';

export interface OutboxItem {
  /** Auto-increment: the order in which changes were made and must be sent. */
  seq?: number;
  commentId: string;
  /** The author: only their own session sends it. */
  uid: string;
  op: OutboxOp;
  state: OutboxState;
  attempts: number;
  /** Epoch ms before which a retry must not start (backoff). */
  nextAttemptAt: number;
  /** True once a send may have reached the server: a retry first checks whether it already landed. */
  maybeSent: boolean;
  /** i18n key of the reason, when refused. */
  refusal?: string;
  createdAt: number;
}

/** Who is writing: the signed-in user and the name the rules expect on their comments. */
export interface Author {
  uid: string;
  displayName: string;
}

export interface NewComment {
  pageId: string;
  parentId: string | null;
  text: string;
  page: { url: string; title: string };
}

function newItem(uid: string, op: OutboxOp, now: number): OutboxItem {
  return { commentId: op.commentId, uid, op, state: 'pending', attempts: 0, nextAttemptAt: 0, maybeSent: false, createdAt: now };
}

/** Items for one comment that the server does not have (never sent, or refused), so they can still be rewritten. */
async function unsentItems(db: PrikbordDb, commentId: string): Promise<OutboxItem[]> {
  const items = await db.outbox.where('commentId').equals(commentId).toArray();
  return items.filter((item) => item.state === 'refused' || (item.state === 'pending' && !item.maybeSent));
}

/** Queues a new comment or reply. Returns the text check; nothing is written when it fails. */
export async function postComment(db: PrikbordDb, author: Author, input: NewComment, now = Date.now()): Promise<TextCheck & { id?: string }> {
  const check = checkCommentText(input.text);
  if (!check.ok) return check;
  const id = newCommentId();
  const row: CommentRow = {
    id,
    pageId: input.pageId,
    parentId: input.parentId,
    text: check.text,
    authorUid: author.uid,
    authorName: author.displayName,
    createdAt: now,
    updatedAt: now,
    editedAt: null,
    deleted: false,
    syncState: 'pending',
  };
  const op: OutboxOp = { kind: 'create', pageId: input.pageId, commentId: id, parentId: input.parentId, text: check.text, page: input.page };
  await db.transaction('rw', db.comments, db.outbox, async () => {
    await db.comments.add(row);
    await db.outbox.add(newItem(author.uid, op, now));
  });
  return { ...check, id };
}

/** Queues an edit of one's own comment. An unsent create or edit is rewritten instead of queueing another. */
export async function editComment(db: PrikbordDb, uid: string, commentId: string, rawText: string, now = Date.now()): Promise<TextCheck> {
  const check = checkCommentText(rawText);
  if (!check.ok) return check;
  await db.transaction('rw', db.comments, db.outbox, async () => {
    const row = await db.comments.get(commentId);
    if (!row || row.authorUid !== uid || row.deleted) return;
    const unsent = (await unsentItems(db, commentId)).find((item) => item.op.kind === 'create' || item.op.kind === 'edit');
    if (unsent?.seq !== undefined && (unsent.op.kind === 'create' || unsent.op.kind === 'edit')) {
      await db.outbox.update(unsent.seq, { op: { ...unsent.op, text: check.text }, state: 'pending', refusal: undefined, attempts: 0, nextAttemptAt: 0 });
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
  await db.transaction('rw', db.comments, db.outbox, async () => {
    const row = await db.comments.get(commentId);
    if (!row || row.authorUid !== uid || row.deleted) return;
    const unsent = await unsentItems(db, commentId);
    if (unsent.some((item) => item.op.kind === 'create')) {
      await db.outbox.bulkDelete(unsent.map((item) => item.seq!));
      await db.comments.delete(commentId);
      return;
    }
    await db.outbox.add(newItem(uid, { kind: 'delete', pageId: row.pageId, commentId, previousText: row.text }, now));
    await db.comments.update(commentId, { deleted: true, updatedAt: now, syncState: 'pending', refusal: undefined });
  });
}

/** Puts a refused comment's items back in the queue (after the user fixed the text, if they did). */
export async function retryRefused(db: PrikbordDb, commentId: string): Promise<void> {
  await db.transaction('rw', db.comments, db.outbox, async () => {
    const items = await db.outbox.where('commentId').equals(commentId).toArray();
    for (const item of items) {
      if (item.state === 'refused') await db.outbox.update(item.seq!, { state: 'pending', refusal: undefined, attempts: 0, nextAttemptAt: 0 });
    }
    await db.comments.update(commentId, { syncState: 'pending', refusal: undefined });
  });
}

/** Gives up a refused change: the comment goes back to what the server has (or away, if it was new). */
export async function discardRefused(db: PrikbordDb, commentId: string): Promise<void> {
  await db.transaction('rw', db.comments, db.outbox, async () => {
    const items = await db.outbox.where('commentId').equals(commentId).sortBy('seq');
    await db.outbox.bulkDelete(items.map((item) => item.seq!));
    const first = items[0]?.op;
    if (!first || first.kind === 'create') {
      await db.comments.delete(commentId);
    } else {
      await db.comments.update(commentId, { text: first.previousText, deleted: false, syncState: 'synced', refusal: undefined });
    }
  });
}

/** Firestore error codes that will not change by trying again: the item is refused. */
const PERMANENT = new Set(['permission-denied', 'invalid-argument', 'failed-precondition', 'not-found', 'already-exists', 'out-of-range']);

/** Whether an error from a send is final (refuse the item) or passing (retry later). */
export function classifyError(error: unknown): { permanent: boolean; refusal: string } {
  const code = typeof error === 'object' && error !== null ? String((error as { code?: unknown }).code ?? '') : '';
  if (!PERMANENT.has(code)) return { permanent: false, refusal: '' };
  return { permanent: true, refusal: code === 'permission-denied' ? 'refusedByRules' : 'refusedInvalid' };
}

/** Wait before retry number `attempts` (1, 2, 4 … seconds, at most a minute), with jitter so tabs don't sync up. */
export function backoffMs(attempts: number, random = Math.random): number {
  const base = Math.min(60_000, 1000 * 2 ** Math.max(0, attempts - 1));
  return Math.round(base * (0.75 + random() * 0.5));
}
