// The outbox's operations, local half: one entry per kind of operation (create, edit, delete,
// hide, like, helpful) saying what an item of that kind changes (its subject) and what happens to
// the local rows when the server has it (settle), refuses it for good (refuse), or when the user
// gives up a refused change (discard). The commands (commands.ts) are the local apply: they write
// the rows and queue the items; from then on, everything that depends on an item's kind is here.
//
// Two registries over one key. How each kind becomes Firestore writes, and how to tell that it
// already landed, is a second registry over the same `OutboxKind`, in remote-operations.ts. They
// are two modules, not one registry with the remote half injected, because the side panel imports
// the commands (and so this module) while only the background worker sends: with the Firestore
// Lite half in its own module, plain static imports keep it out of the panel's bundle, with no
// wiring at start-up that could be forgotten. Each registry is typed as a mapped type over
// `OutboxKind`, so adding a kind to `OutboxOp` does not compile until both halves have its entry.
//
// A kind that is not in the registry at run time (a corrupted row, or one that a newer version
// wrote before a downgrade) is never guessed at: the flusher quarantines it (`quarantineItem`).
import type { Table } from 'dexie';
import type { PrikbordDb } from '../db';
import { transition } from '../../core/outbox-states';
import { likeKey } from '../../core/schema';
import type { OutboxItem, OutboxKind, OutboxOp, OutboxOpOf } from '../../core/rows';
import { stateAfter } from './items';

/** An outbox item whose operation is of kind K. */
export type OutboxItemOf<K extends OutboxKind> = OutboxItem & { op: OutboxOpOf<K> };

/** The local half of one kind of operation. */
export interface LocalOperation<K extends OutboxKind> {
  /** What the operation changes: a comment id, a like key, a mark. Items of one subject are sent strictly in order. */
  subject(op: OutboxOpOf<K>, uid: string): string;
  /** The tables besides the outbox that settle, refuse and discard write: their transaction's scope. */
  tables(db: PrikbordDb): Table[];
  /** The server has `item` (already gone from the outbox): mark the row synced. `rest`: items of the subject still queued. */
  settle(db: PrikbordDb, item: OutboxItemOf<K>, rest: number): Promise<void>;
  /** The server refused it for good; `refused` is the item in its refused state. Keep it beside the row, or roll the row back. */
  refuse(db: PrikbordDb, refused: OutboxItemOf<K>, refusal: string): Promise<void>;
  /** The user gave up a refused subject whose first queued item was `op` (its unsent items are gone): restore the row. */
  discard(db: PrikbordDb, op: OutboxOpOf<K>): Promise<void>;
}

type CommentKind = 'create' | 'edit' | 'delete' | 'hide';

/**
 * What every comment change shares. The subject is the comment. A refusal stays queued beside the
 * comment with its text kept, so the user can fix and retry it, copy it, or discard it.
 */
const commentChange = {
  subject: (op: OutboxOpOf<CommentKind>) => op.commentId,
  tables: (db: PrikbordDb): Table[] => [db.comments, db.owned],
  async settle(db: PrikbordDb, item: OutboxItemOf<CommentKind>, rest: number) {
    if (rest === 0) await db.comments.update(item.subject, { syncState: 'synced', refusal: undefined });
  },
  async refuse(db: PrikbordDb, refused: OutboxItemOf<CommentKind>, refusal: string) {
    await db.outbox.put(refused);
    await db.comments.update(refused.subject, { syncState: 'refused', refusal });
  },
};

/** Discarding a refused change of a comment the server has: back to the server's text, shown again. */
async function restoreServerComment(db: PrikbordDb, op: OutboxOpOf<'edit' | 'delete' | 'hide'>): Promise<void> {
  await db.comments.update(op.commentId, { text: op.previousText, deleted: false, moderated: false, syncState: 'synced', refusal: undefined });
}

/** Nothing to restore: the kind's refusal already rolled the row back and left nothing queued. */
async function nothingToRestore(): Promise<void> {}

/**
 * Every kind's local half. A kind added to OutboxOp without an entry here, or an entry for no kind,
 * is a compile error. Annotated with the mapped type rather than checked with `satisfies`: the
 * lookup below needs the mapped type itself to index it generically.
 */
const LOCAL: { [K in OutboxKind]: LocalOperation<K> } = {
  create: {
    ...commentChange,
    // The server never had it: the comment goes, with its owner link if it was anonymous.
    async discard(db, op) {
      await db.comments.delete(op.commentId);
      await db.owned.delete(op.commentId);
    },
  },
  edit: { ...commentChange, discard: restoreServerComment },
  delete: { ...commentChange, discard: restoreServerComment },
  hide: { ...commentChange, discard: restoreServerComment },
  like: {
    subject: (op, uid) => likeKey(op.pageId, op.targetId, uid),
    tables: (db) => [db.likes],
    async settle(db, item, rest) {
      await db.likes.update(item.subject, { serverActive: item.op.active, ...(rest === 0 ? { syncState: 'synced' as const } : {}) });
    },
    // Rolled back at once to what the server has, every queued change of this like with it; the
    // reason stays on the row so the UI can say why.
    async refuse(db, refused, refusal) {
      const items = await db.outbox.where('subject').equals(refused.subject).toArray();
      await db.outbox.bulkDelete(items.map((i) => i.seq!));
      const row = await db.likes.get(refused.subject);
      if (row) await db.likes.put({ ...row, active: row.serverActive, syncState: 'refused', refusal });
    },
    discard: nothingToRestore,
  },
  // The own profile: one subject per person. Until the server has it, the person's row shows the
  // new fields (the form shows it pending); refused, the row goes back to what the server has and
  // the refused item stays queued, so the form can keep the edit and say why.
  profile: {
    subject: (op) => profileSubject(op.uid),
    tables: (db) => [db.people],
    async settle(db, item, rest) {
      if (rest === 0) await db.people.update(item.op.uid, { ...item.op.fields });
    },
    async refuse(db, refused) {
      await db.outbox.put(refused);
      await db.people.update(refused.op.uid, { ...refused.op.previous });
    },
    async discard(db, op) {
      await db.people.update(op.uid, { ...op.previous });
    },
  },
  helpful: {
    subject: (op) => `helpful:${op.replyId}`,
    tables: (db) => [db.helpful],
    async settle(db, item) {
      await db.helpful.update(item.op.replyId, { syncState: 'synced' });
    },
    // Not the asker after all (or the reply is gone): the mark simply disappears again.
    async refuse(db, refused) {
      await db.outbox.delete(refused.seq!);
      await db.helpful.delete(refused.op.replyId);
    },
    discard: nothingToRestore,
  },
};

/**
 * The local half of `kind`, or undefined for a kind this version does not know (IndexedDB rows are
 * not checked by the compiler). The one generic lookup: called with `item.op.kind`, K is the whole
 * union and the handler's parameters become `OutboxOp` and `OutboxItem`, so callers pass the op
 * and item they hold without a cast. Sound because the registry's type pairs each key K with
 * `LocalOperation<K>`.
 */
export function localOperation<K extends OutboxKind>(kind: K): LocalOperation<K> | undefined {
  return Object.hasOwn(LOCAL, kind) ? LOCAL[kind] : undefined;
}

/** Thrown where an item of a kind this version does not know would have to be guessed at. */
export class UnknownOperationError extends Error {
  constructor(kind: unknown) {
    super(`outbox: no operation of kind '${String(kind)}'`);
  }
}

function knownOperation<K extends OutboxKind>(kind: K): LocalOperation<K> {
  const operation = localOperation(kind);
  if (!operation) throw new UnknownOperationError(kind);
  return operation;
}

/** The outbox subject of a person's own profile changes. */
export function profileSubject(uid: string): string {
  return `profile:${uid}`;
}

/** The comment or like an operation changes (see `LocalOperation.subject`). */
export function subjectOf(op: OutboxOp, uid: string): string {
  return knownOperation(op.kind).subject(op, uid);
}

/** Every table any kind writes, for a transaction that learns the kind only inside it. */
export function localTables(db: PrikbordDb): Table[] {
  return [...new Set(Object.values(LOCAL).flatMap((operation) => operation.tables(db)))];
}

/** The server has applied `item`: drop it, and let its kind mark the row synced. */
export async function settleItem(db: PrikbordDb, item: OutboxItem): Promise<void> {
  const operation = knownOperation(item.op.kind);
  await db.transaction('rw', [db.outbox, ...operation.tables(db)], async () => {
    transition(item, { type: 'acknowledged' });
    await db.outbox.delete(item.seq!);
    const rest = await db.outbox.where('subject').equals(item.subject).count();
    await operation.settle(db, item, rest);
  });
}

/**
 * The server refused `item` for good. A comment change stays queued as 'refused' beside the
 * comment (its text is kept; the user retries or discards). A like is rolled back at once to
 * what the server has, with the reason kept on the row so the UI can say why. An item of an
 * unknown kind is quarantined.
 */
export async function refuseItem(db: PrikbordDb, item: OutboxItem, refusal: string): Promise<void> {
  const operation = localOperation(item.op.kind);
  if (!operation) return quarantineItem(db, item);
  const refused = { ...item, ...stateAfter(item, { type: 'refused', refusal }) };
  await db.transaction('rw', [db.outbox, ...operation.tables(db)], () => operation.refuse(db, refused, refusal));
}

/** The refusal kept on an item of an unknown kind: the panel's generic "not accepted". */
export const UNKNOWN_KIND_REFUSAL = 'refusedInvalid';

/**
 * Sets aside an item of a kind this version does not know, without sending it: it is taken up and
 * refused at once through the state machine, so no later pass sends it and it holds back only its
 * own subject. It is kept, not dropped (the change is the user's), and no local row is touched:
 * which row it belongs to, and how, is exactly what is unknown.
 */
export async function quarantineItem(db: PrikbordDb, item: OutboxItem): Promise<void> {
  const refused = stateAfter(stateAfter(item, { type: 'send' }), { type: 'refused', refusal: UNKNOWN_KIND_REFUSAL });
  // Only if the item is still there: the user may have discarded its subject meanwhile.
  await db.outbox.update(item.seq!, refused);
}
