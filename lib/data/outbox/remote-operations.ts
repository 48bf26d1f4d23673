// The outbox's operations, remote half: one entry per kind saying how an item becomes Firestore
// writes and how to tell that it already landed. Keyed by the same `OutboxKind` as the local half
// (operations.ts, where the module comment says why the halves are two modules); typed as a
// mapped type over it, so a new kind does not compile without its entry here.
//
// The writes are shaped exactly as firebase/firestore.rules expect: a comment create, delete or
// hide moves the page's comment counter in the same batch; a like moves its target's like counter
// in the same batch. Every path comes from lib/core/paths.ts.
//
// Firestore Lite on purpose: the outbox is flushed by the background service worker, where only
// Lite's fetch() transport works. Lite also fails fast when the server is unreachable instead of
// queueing the write in memory, so the outbox stays the one queue and its state machine sees
// every failure. Only the worker imports this module, which keeps Lite out of the panel's bundle.
import { doc, getDoc, increment, serverTimestamp, setDoc, updateDoc, writeBatch, type Firestore } from 'firebase/firestore/lite';
import type { OutboxSender } from './flusher';
import type { Author } from './commands';
import { UnknownOperationError } from './operations';
import { isOwnComment } from '../../core/ownership';
import { paths } from '../../core/paths';
import { likeId } from '../../core/schema';
import type { OutboxKind, OutboxOpOf, PageFacts } from '../../core/rows';

/** What the remote half writes with: a Lite instance, and who writes (asked at send time). */
export interface Remote {
  fs: Firestore;
  author(): Promise<Author>;
}

/** The remote half of one kind of operation. */
export interface RemoteOperation<K extends OutboxKind> {
  /** Applies the change in one write or batch; resolves when the server has it, throws a FirestoreError if not. */
  send(remote: Remote, op: OutboxOpOf<K>): Promise<void>;
  /** Whether the server already holds this change (a send that landed before a crash, or from another tab). */
  alreadyApplied(remote: Remote, op: OutboxOpOf<K>): Promise<boolean>;
}

/**
 * The page document as a merge write: creates the page on its first comment or like, and only
 * moves the named counter on an existing one. increment(0) makes the other counter 0 on a new
 * page and leaves it alone on an existing one.
 */
function pageWrite(op: { page: PageFacts }, counter: 'commentCount' | 'likeCount', delta: number, last: Record<string, string>) {
  return {
    url: op.page.url,
    title: op.page.title,
    commentCount: increment(counter === 'commentCount' ? delta : 0),
    likeCount: increment(counter === 'likeCount' ? delta : 0),
    ...last,
    updatedAt: serverTimestamp(),
  };
}

/** The comment document as the server has it now, if it exists. */
async function serverComment(fs: Firestore, op: { pageId: string; commentId: string }) {
  return (await getDoc(doc(fs, paths.comment(op.pageId, op.commentId)))).data();
}

/** A delete by the author or a hide by a moderator: a soft delete that moves the page's counter. */
async function removeComment(fs: Firestore, op: OutboxOpOf<'delete' | 'hide'>): Promise<void> {
  const batch = writeBatch(fs);
  batch.update(doc(fs, paths.comment(op.pageId, op.commentId)), {
    deleted: true,
    text: '',
    updatedAt: serverTimestamp(),
    ...(op.kind === 'hide' ? { moderated: true } : {}),
  });
  batch.update(doc(fs, paths.page(op.pageId)), { commentCount: increment(-1), lastCommentId: op.commentId, updatedAt: serverTimestamp() });
  return batch.commit();
}

/**
 * Every kind's remote half. A kind added to OutboxOp without an entry here, or an entry for no
 * kind, is a compile error; annotated (not `satisfies`) so that `remoteOperation` can index it
 * generically.
 */
const REMOTE: { [K in OutboxKind]: RemoteOperation<K> } = {
  create: {
    async send({ fs, author }, op) {
      const { uid, displayName } = await author();
      const comment = doc(fs, paths.comment(op.pageId, op.commentId));
      const batch = writeBatch(fs);
      const common = {
        pageId: op.pageId,
        parentId: op.parentId,
        text: op.text,
        createdAt: serverTimestamp(),
        updatedAt: serverTimestamp(),
        editedAt: null,
        deleted: false,
        likeCount: 0,
      };
      if (op.anonymous) {
        // No author field at all; who wrote it is only in the owner link, readable by them alone.
        batch.set(comment, { ...common, anonymous: true });
        batch.set(doc(fs, paths.commentOwner(op.commentId)), { uid, pageId: op.pageId, createdAt: serverTimestamp() });
      } else {
        batch.set(comment, { ...common, authorUid: uid, authorName: displayName });
      }
      batch.set(doc(fs, paths.page(op.pageId)), pageWrite(op, 'commentCount', 1, { lastCommentId: op.commentId }), { merge: true });
      return batch.commit();
    },
    async alreadyApplied({ fs, author }, op) {
      const data = await serverComment(fs, op);
      if (!data) return false;
      const landed = { id: op.commentId, anonymous: data.anonymous === true, authorUid: typeof data.authorUid === 'string' ? data.authorUid : null };
      // Ids are random: an anonymous comment with this id can only be the one sent from here, so
      // its owner link is implied (the server's is readable, but would cost a read).
      const ownedIds = new Set(op.anonymous ? [op.commentId] : []);
      return landed.anonymous === op.anonymous && isOwnComment(landed, (await author()).uid, ownedIds);
    },
  },
  edit: {
    send: ({ fs }, op) =>
      updateDoc(doc(fs, paths.comment(op.pageId, op.commentId)), { text: op.text, editedAt: serverTimestamp(), updatedAt: serverTimestamp() }),
    alreadyApplied: async ({ fs }, op) => (await serverComment(fs, op))?.text === op.text,
  },
  delete: {
    send: ({ fs }, op) => removeComment(fs, op),
    alreadyApplied: async ({ fs }, op) => (await serverComment(fs, op))?.deleted === true,
  },
  hide: {
    send: ({ fs }, op) => removeComment(fs, op),
    alreadyApplied: async ({ fs }, op) => (await serverComment(fs, op))?.moderated === true,
  },
  like: {
    async send({ fs, author }, op) {
      const { uid, displayName } = await author();
      const id = likeId(op.targetId, uid);
      const delta = op.active ? 1 : -1;
      const batch = writeBatch(fs);
      batch.set(doc(fs, paths.like(op.pageId, op.targetId, uid)), {
        targetId: op.targetId,
        uid,
        name: displayName,
        active: op.active,
        updatedAt: serverTimestamp(),
      });
      if (op.targetId === 'page') {
        batch.set(doc(fs, paths.page(op.pageId)), pageWrite(op, 'likeCount', delta, { lastLikeId: id }), { merge: true });
      } else {
        batch.update(doc(fs, paths.comment(op.pageId, op.targetId)), { likeCount: increment(delta), lastLikeId: id, updatedAt: serverTimestamp() });
      }
      return batch.commit();
    },
    async alreadyApplied({ fs, author }, op) {
      const like = (await getDoc(doc(fs, paths.like(op.pageId, op.targetId, (await author()).uid)))).data();
      // Never liked and asked to unlike: nothing to do either.
      return like ? like.active === op.active : !op.active;
    },
  },
  helpful: {
    // No "marked by": the asker may be anonymous (the rules check the asker from the parent).
    send: ({ fs }, op) =>
      setDoc(doc(fs, paths.helpfulMark(op.pageId, op.replyId)), { replyId: op.replyId, parentId: op.parentId, createdAt: serverTimestamp() }),
    alreadyApplied: async ({ fs }, op) => (await getDoc(doc(fs, paths.helpfulMark(op.pageId, op.replyId)))).exists(),
  },
};

/**
 * The remote half of `kind`, generic for the same reason as `localOperation` (operations.ts): with
 * K the whole union, the caller passes the `OutboxOp` it holds without a cast. A kind this version
 * does not know is refused ('invalid-argument', a final error), never sent as something else; the
 * flusher quarantines such items before they get here.
 */
function remoteOperation<K extends OutboxKind>(kind: K): RemoteOperation<K> {
  if (!Object.hasOwn(REMOTE, kind)) throw Object.assign(new UnknownOperationError(kind), { code: 'invalid-argument' });
  return REMOTE[kind];
}

/**
 * The outbox's link to Firestore (a Lite instance), writing as `author()`. Read at send time:
 * in the worker it comes from the cached profile, which may load after the worker starts.
 */
export function firestoreSender(fs: Firestore, author: () => Author | Promise<Author>): OutboxSender {
  const remote: Remote = { fs, author: async () => author() };
  return {
    async send(op) {
      return remoteOperation(op.kind).send(remote, op);
    },
    async alreadyApplied(op) {
      return remoteOperation(op.kind).alreadyApplied(remote, op);
    },
  };
}
