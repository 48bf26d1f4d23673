// The outbox's operations, remote half: one entry per kind saying how an item becomes Firestore
// writes and how to tell that it already landed. Keyed by the same `OutboxKind` as the local half
// (operations.ts, where the module comment says why the halves are two modules); typed as a
// mapped type over it, so a new kind does not compile without its entry here.
//
// The writes are shaped exactly as firebase/firestore.rules expect: a comment create, delete or
// hide moves the page's comment counter in the same batch; a like moves its target's like counter
// in the same batch; a comment create also moves the author's rate window (rate-limit.ts). A
// page's url and title are written only when the write creates the page: the rules fix them at
// creation, so an existing page (one read tells) only has its counter moved. Every path comes
// from lib/core/paths.ts.
//
// Refusals: the rules answer every refusal with the same bare 'permission-denied'. Where the
// person can act on the reason, the outbox finds it itself and throws it as a `refusalError`
// (lib/core/outbox-states.ts), which the panel shows with the text kept: a full rate window is
// seen before sending (the author's own rate/{uid}, read anyway to pick the move), anonymous
// posting switched off is read from config/settings after a refusal of an anonymous comment (the
// panel already hides the choice then; this catches a comment queued before the switch).
//
// Firestore Lite on purpose: the outbox is flushed by the background service worker, where only
// Lite's fetch() transport works. Lite also fails fast when the server is unreachable instead of
// queueing the write in memory, so the outbox stays the one queue and its state machine sees
// every failure. Only the worker imports this module, which keeps Lite out of the panel's bundle.
// Over 250 lines on purpose: every kind's writes side by side, to be read against firebase/firestore.rules.
import { doc, getDoc, increment, serverTimestamp, setDoc, updateDoc, writeBatch, type Firestore, type WriteBatch } from 'firebase/firestore/lite';
import type { OutboxSender } from './flusher';
import type { Author } from './commands';
import { UnknownOperationError } from './operations';
import { isFull, rateMove, readRateWindow, type RateWindow } from './rate-limit';
import { REFUSALS, refusalError } from '../../core/outbox-states';
import { isOwnComment } from '../../core/ownership';
import { paths } from '../../core/paths';
import { likeId } from '../../core/schema';
import type { OutboxKind, OutboxOpOf, PageFacts } from '../../core/rows';
import type { Premoderation } from '../../core/moderation/model';
import { isHeld, premoderationAt } from '../../core/moderation/premoderation';
import { rolloutFromDoc } from '../../core/rollout';

/** What the remote half writes with: a Lite instance, and who writes (asked at send time). */
export interface Remote {
  fs: Firestore;
  author(): Promise<Author>;
  /** The pre-moderation at a page URL by the cached rollout (lib/data/rollout/rollout-cache.ts); 'off' when unknown. */
  premoderation(url: string): Promise<Premoderation>;
}

/** The remote half of one kind of operation. */
export interface RemoteOperation<K extends OutboxKind> {
  /** Applies the change in one write or batch; resolves when the server has it, throws a FirestoreError if not. */
  send(remote: Remote, op: OutboxOpOf<K>): Promise<void>;
  /** Whether the server already holds this change (a send that landed before a crash, or from another tab). */
  alreadyApplied(remote: Remote, op: OutboxOpOf<K>): Promise<boolean>;
}

type Counter = 'commentCount' | 'likeCount';

/**
 * The page document as a merge write that creates it, on its first comment or like: url, title,
 * and increment(0) to make the other counter 0.
 */
function newPageWrite(op: { page: PageFacts }, counter: Counter, delta: number, last: Record<string, string>) {
  return {
    url: op.page.url,
    title: op.page.title,
    commentCount: increment(counter === 'commentCount' ? delta : 0),
    likeCount: increment(counter === 'likeCount' ? delta : 0),
    ...last,
    updatedAt: serverTimestamp(),
  };
}

/** Adds the page's counter move to `batch`: creating the page with its facts, or only moving the counter of an existing one. */
function addPageWrite(
  fs: Firestore,
  batch: WriteBatch,
  op: { pageId: string; page: PageFacts },
  exists: boolean,
  counter: Counter,
  delta: number,
  last: Record<string, string>,
) {
  const ref = doc(fs, paths.page(op.pageId));
  if (exists) batch.update(ref, { [counter]: increment(delta), ...last, updatedAt: serverTimestamp() });
  else batch.set(ref, newPageWrite(op, counter, delta, last), { merge: true });
}

async function pageExists(fs: Firestore, pageId: string): Promise<boolean> {
  return (await getDoc(doc(fs, paths.page(pageId)))).exists();
}

/**
 * Commits the batch `build(exists)` makes for whether the page exists. Should the page appear
 * between the read and the commit (someone else's first comment, under another title), the
 * create is refused; then it is built and committed once more, as a move of the existing page.
 */
async function commitWithPage(fs: Firestore, pageId: string, build: (exists: boolean) => WriteBatch): Promise<void> {
  const existed = await pageExists(fs, pageId);
  try {
    await build(existed).commit();
  } catch (error) {
    if (existed || (error as { code?: unknown }).code !== 'permission-denied' || !(await pageExists(fs, pageId))) throw error;
    await build(true).commit();
  }
}

/**
 * The reason behind a refused comment create, when the person can act on it: their rate window
 * was full, or (for an anonymous comment) the organisation switched anonymous posting off.
 * Anything else is returned as it came.
 */
async function explainRefusal(fs: Firestore, error: unknown, op: OutboxOpOf<'create'>, window: RateWindow | undefined): Promise<unknown> {
  if ((error as { code?: unknown } | null)?.code !== 'permission-denied') return error;
  if (isFull(window)) return refusalError(REFUSALS.rateLimited, 'too many comments in a minute');
  if (op.anonymous) {
    const settings = await getDoc(doc(fs, paths.settings())).then(
      (snap) => snap.data(),
      () => undefined,
    );
    if (settings?.anonymousPosting === false) return refusalError(REFUSALS.anonymousOff, 'anonymous posting is switched off');
  }
  return error;
}

/**
 * Where a new post goes by the live rollout, asked after a refusal: the cached copy may be older
 * than a change comms just made to the section's pre-moderation. Null when it can't be read.
 */
async function heldByLiveRollout(fs: Firestore, op: OutboxOpOf<'create'>): Promise<boolean | null> {
  try {
    const snap = await getDoc(doc(fs, paths.rollout()));
    return isHeld(snap.exists() ? premoderationAt(rolloutFromDoc(snap.data()), op.page.url) : 'off', op.anonymous);
  } catch {
    return null;
  }
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
    async send({ fs, author, premoderation }, op) {
      const { uid, displayName } = await author();
      const comment = doc(fs, paths.comment(op.pageId, op.commentId));
      const rate = doc(fs, paths.rate(uid));
      const window = readRateWindow((await getDoc(rate)).data());
      const move = rateMove(window, Date.now());
      // Decided here, not by a refusal: the rules' answer would not say why.
      if (move === 'full') throw refusalError(REFUSALS.rateLimited, 'too many comments in a minute');
      const last = `${op.pageId}/${op.commentId}`;
      // A section that pre-moderates this kind of post: it goes to held/ for a moderator, moving no
      // counter (the rules refuse the other path, so a stale guess is corrected once below).
      const heldByCache = isHeld(await premoderation(op.page.url), op.anonymous);
      const common = {
        pageId: op.pageId,
        parentId: op.parentId,
        text: op.text,
        createdAt: serverTimestamp(),
        updatedAt: serverTimestamp(),
        editedAt: null,
        deleted: false,
        likeCount: 0,
        ...(op.mentions && op.mentions.length > 0 ? { mentions: op.mentions } : {}),
      };
      const send = (held: boolean) =>
        commitWithPage(fs, op.pageId, (exists) => {
          const batch = writeBatch(fs);
          const post = held ? doc(fs, paths.heldPost(op.pageId, op.commentId)) : comment;
          if (op.anonymous) {
            // No author field at all; who wrote it is only in the owner link, readable by them alone.
            batch.set(post, { ...common, anonymous: true });
            batch.set(doc(fs, paths.commentOwner(op.commentId)), { uid, pageId: op.pageId, createdAt: serverTimestamp() });
          } else {
            batch.set(post, { ...common, authorUid: uid, authorName: displayName });
          }
          if (!held) addPageWrite(fs, batch, op, exists, 'commentCount', 1, { lastCommentId: op.commentId });
          // A held post only names itself on the page (creating it with both counters at 0).
          else if (exists) batch.update(doc(fs, paths.page(op.pageId)), { lastCommentId: op.commentId, updatedAt: serverTimestamp() });
          else batch.set(doc(fs, paths.page(op.pageId)), newPageWrite(op, 'commentCount', 0, { lastCommentId: op.commentId }), { merge: true });
          // The author's own rate window, readable by them alone (so it never ties them to an anonymous post).
          if (move === 'count') batch.update(rate, { count: increment(1), last });
          else batch.set(rate, { windowStart: serverTimestamp(), count: 1, last });
          return batch;
        });
      try {
        try {
          await send(heldByCache);
        } catch (error) {
          if ((error as { code?: unknown } | null)?.code !== 'permission-denied') throw error;
          const heldByLive = await heldByLiveRollout(fs, op);
          if (heldByLive === null || heldByLive === heldByCache) throw error;
          await send(heldByLive);
        }
      } catch (error) {
        throw await explainRefusal(fs, error, op, window);
      }
    },
    async alreadyApplied({ fs, author }, op) {
      // Landed in the thread, or (pre-moderated) waiting in held/, or approved from there since.
      const data =
        (await serverComment(fs, op)) ??
        (await getDoc(doc(fs, paths.heldPost(op.pageId, op.commentId))).then(
          (snap) => snap.data(),
          () => undefined,
        ));
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
      const likeBatch = () => {
        const batch = writeBatch(fs);
        batch.set(doc(fs, paths.like(op.pageId, op.targetId, uid)), {
          targetId: op.targetId,
          uid,
          name: displayName,
          active: op.active,
          updatedAt: serverTimestamp(),
        });
        return batch;
      };
      if (op.targetId === 'page') {
        return commitWithPage(fs, op.pageId, (exists) => {
          const batch = likeBatch();
          addPageWrite(fs, batch, op, exists, 'likeCount', delta, { lastLikeId: id });
          return batch;
        });
      }
      const batch = likeBatch();
      batch.update(doc(fs, paths.comment(op.pageId, op.targetId)), { likeCount: increment(delta), lastLikeId: id, updatedAt: serverTimestamp() });
      return batch.commit();
    },
    async alreadyApplied({ fs, author }, op) {
      const like = (await getDoc(doc(fs, paths.like(op.pageId, op.targetId, (await author()).uid)))).data();
      // Never liked and asked to unlike: nothing to do either.
      return like ? like.active === op.active : !op.active;
    },
  },
  // Only the person's own fields, as an update (the server makes the profile; 'not-found' until
  // then is final). updatedAt is the directory feed's cursor.
  profile: {
    send: ({ fs }, op) => updateDoc(doc(fs, paths.profile(op.uid)), { ...op.fields, updatedAt: serverTimestamp() }),
    async alreadyApplied({ fs }, op) {
      const data = (await getDoc(doc(fs, paths.profile(op.uid)))).data();
      const same = (a: unknown, b: string[]) => Array.isArray(a) && a.length === b.length && a.every((v, i) => v === b[i]);
      return !!data && same(data.languages, op.fields.languages) && same(data.skills, op.fields.skills) && data.optOut === op.fields.optOut;
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
export function firestoreSender(
  fs: Firestore,
  author: () => Author | Promise<Author>,
  premoderation: (url: string) => Premoderation | Promise<Premoderation> = () => 'off',
): OutboxSender {
  const remote: Remote = { fs, author: async () => author(), premoderation: async (url) => premoderation(url) };
  return {
    async send(op) {
      return remoteOperation(op.kind).send(remote, op);
    },
    async alreadyApplied(op) {
      return remoteOperation(op.kind).alreadyApplied(remote, op);
    },
  };
}
