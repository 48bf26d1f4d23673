// How each outbox operation becomes Firestore writes, shaped exactly as firebase/firestore.rules
// expect (a comment create or delete moves the page's counter in the same batch). Side panel only.
import {
  doc,
  getDocFromServer,
  increment,
  serverTimestamp,
  updateDoc,
  writeBatch,
  type Firestore,
} from 'firebase/firestore';
import type { OutboxSender } from './outbox-flusher';
import type { Author, OutboxOp } from './outbox';

export function commentRef(fs: Firestore, pageId: string, commentId: string) {
  return doc(fs, 'pages', pageId, 'comments', commentId);
}

export function pageRef(fs: Firestore, pageId: string) {
  return doc(fs, 'pages', pageId);
}

/** The outbox's link to Firestore, writing as `author()` (read at send time: the profile may load late). */
export function firestoreSender(fs: Firestore, author: () => Author): OutboxSender {
  return {
    async send(op: OutboxOp) {
      const comment = commentRef(fs, op.pageId, op.commentId);
      const page = pageRef(fs, op.pageId);
      switch (op.kind) {
        case 'create': {
          const { uid, displayName } = author();
          const batch = writeBatch(fs);
          batch.set(comment, {
            pageId: op.pageId,
            parentId: op.parentId,
            text: op.text,
            authorUid: uid,
            authorName: displayName,
            createdAt: serverTimestamp(),
            updatedAt: serverTimestamp(),
            editedAt: null,
            deleted: false,
          });
          // merge: creates the page on its first comment, bumps the counter after that.
          batch.set(
            page,
            { url: op.page.url, title: op.page.title, commentCount: increment(1), lastCommentId: op.commentId, updatedAt: serverTimestamp() },
            { merge: true },
          );
          return batch.commit();
        }
        case 'edit':
          return updateDoc(comment, { text: op.text, editedAt: serverTimestamp(), updatedAt: serverTimestamp() });
        case 'delete': {
          const batch = writeBatch(fs);
          batch.update(comment, { deleted: true, text: '', updatedAt: serverTimestamp() });
          batch.update(page, { commentCount: increment(-1), lastCommentId: op.commentId, updatedAt: serverTimestamp() });
          return batch.commit();
        }
      }
    },

    async alreadyApplied(op: OutboxOp) {
      const snap = await getDocFromServer(commentRef(fs, op.pageId, op.commentId));
      const data = snap.data();
      if (!data) return false;
      switch (op.kind) {
        case 'create':
          return data.authorUid === author().uid;
        case 'edit':
          return data.text === op.text;
        case 'delete':
          return data.deleted === true;
      }
    },
  };
}
