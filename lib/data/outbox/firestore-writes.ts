// How each outbox operation becomes Firestore writes, shaped exactly as firebase/firestore.rules
// expect: a comment create, delete or hide moves the page's comment counter in the same batch; a
// like moves its target's like counter in the same batch.
// Firestore Lite on purpose: the outbox is flushed by the background service worker, where only
// Lite's fetch() transport works (DESIGN §10). Lite also fails fast when the server is
// unreachable instead of queueing the write in memory, so the outbox stays the one queue and
// its state machine sees every failure.
import { doc, getDoc, increment, serverTimestamp, setDoc, updateDoc, writeBatch, type Firestore } from 'firebase/firestore/lite';
import type { OutboxSender } from './flusher';
import type { Author } from './commands';
import { likeId } from '../../core/schema';
import type { OutboxOp } from '../../core/rows';

function commentRef(fs: Firestore, pageId: string, commentId: string) {
  return doc(fs, 'pages', pageId, 'comments', commentId);
}

function pageRef(fs: Firestore, pageId: string) {
  return doc(fs, 'pages', pageId);
}

function likeRef(fs: Firestore, pageId: string, id: string) {
  return doc(fs, 'pages', pageId, 'likes', id);
}

function ownerRef(fs: Firestore, commentId: string) {
  return doc(fs, 'commentOwners', commentId);
}

/**
 * The page document as a merge write: creates the page on its first comment or like, and only
 * moves the named counter on an existing one. increment(0) makes the other counter 0 on a new
 * page and leaves it alone on an existing one.
 */
function pageWrite(op: { page: { url: string; title: string } }, counter: 'commentCount' | 'likeCount', delta: number, last: Record<string, string>) {
  return {
    url: op.page.url,
    title: op.page.title,
    commentCount: increment(counter === 'commentCount' ? delta : 0),
    likeCount: increment(counter === 'likeCount' ? delta : 0),
    ...last,
    updatedAt: serverTimestamp(),
  };
}

/**
 * The outbox's link to Firestore (a Lite instance), writing as `author()`. Read at send time:
 * in the worker it comes from the cached profile, which may load after the worker starts.
 */
export function firestoreSender(fs: Firestore, author: () => Author | Promise<Author>): OutboxSender {
  return {
    async send(op: OutboxOp) {
      const page = pageRef(fs, op.pageId);
      switch (op.kind) {
        case 'create': {
          const { uid, displayName } = await author();
          const comment = commentRef(fs, op.pageId, op.commentId);
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
            batch.set(ownerRef(fs, op.commentId), { uid, pageId: op.pageId, createdAt: serverTimestamp() });
          } else {
            batch.set(comment, { ...common, authorUid: uid, authorName: displayName });
          }
          batch.set(page, pageWrite(op, 'commentCount', 1, { lastCommentId: op.commentId }), { merge: true });
          return batch.commit();
        }
        case 'edit':
          return updateDoc(commentRef(fs, op.pageId, op.commentId), { text: op.text, editedAt: serverTimestamp(), updatedAt: serverTimestamp() });
        case 'delete':
        case 'hide': {
          const batch = writeBatch(fs);
          batch.update(commentRef(fs, op.pageId, op.commentId), {
            deleted: true,
            text: '',
            updatedAt: serverTimestamp(),
            ...(op.kind === 'hide' ? { moderated: true } : {}),
          });
          batch.update(page, { commentCount: increment(-1), lastCommentId: op.commentId, updatedAt: serverTimestamp() });
          return batch.commit();
        }
        case 'helpful':
          // No "marked by": the asker may be anonymous (the rules check the asker from the parent).
          return setDoc(doc(fs, 'pages', op.pageId, 'helpful', op.replyId), { replyId: op.replyId, parentId: op.parentId, createdAt: serverTimestamp() });
        case 'like': {
          const { uid, displayName } = await author();
          const id = likeId(op.targetId, uid);
          const delta = op.active ? 1 : -1;
          const batch = writeBatch(fs);
          batch.set(likeRef(fs, op.pageId, id), { targetId: op.targetId, uid, name: displayName, active: op.active, updatedAt: serverTimestamp() });
          if (op.targetId === 'page') {
            batch.set(page, pageWrite(op, 'likeCount', delta, { lastLikeId: id }), { merge: true });
          } else {
            batch.update(commentRef(fs, op.pageId, op.targetId), { likeCount: increment(delta), lastLikeId: id, updatedAt: serverTimestamp() });
          }
          return batch.commit();
        }
      }
    },

    async alreadyApplied(op: OutboxOp) {
      if (op.kind === 'helpful') return (await getDoc(doc(fs, 'pages', op.pageId, 'helpful', op.replyId))).exists();
      if (op.kind === 'like') {
        const like = (await getDoc(likeRef(fs, op.pageId, likeId(op.targetId, (await author()).uid)))).data();
        // Never liked and asked to unlike: nothing to do either.
        return like ? like.active === op.active : !op.active;
      }
      const data = (await getDoc(commentRef(fs, op.pageId, op.commentId))).data();
      if (!data) return false;
      switch (op.kind) {
        case 'create':
          // Ids are random: an anonymous comment with this id can only be the one we sent.
          return op.anonymous ? data.anonymous === true : data.authorUid === (await author()).uid;
        case 'edit':
          return data.text === op.text;
        case 'delete':
          return data.deleted === true;
        case 'hide':
          return data.moderated === true;
      }
    },
  };
}
