// Page identity management and announcements (the comms console's Pages section): the `changePage`
// callable. What is asked, who may ask it and what it does to the pages is decided in
// lib/core/page-admin.ts; this module applies it with the Admin SDK, each step a transaction that
// writes its audit entry with the change (lib/core/audit.ts).
//
//   alias       the old URL's page says `aliasOf: B` (created when Prikbord never saw that URL);
//               refused when the old page has comments or likes: that is a merge.
//   merge A→B   A says `aliasOf: B` first (in the transaction that writes the audit entry, so no
//               new comment or like lands on A from then on: the rules refuse writes to an alias),
//               then A's comments, their likes, "this helped" marks and anonymous owner links move
//               to B in chunks, each chunk one transaction that moves the counters by exactly what
//               it moved (counted from the moved documents, never taken from A's stored counters).
//   move A→url  B is the page of the new URL (created from A's title when new), then as merge.
//   announce    one short note on the page document; `unannounce` removes it.
//
// Why moved documents keep their ids and get a fresh `updatedAt` (comments, likes) or `createdAt`
// (marks, owner links): clients sync each listener by a cursor on that field (lib/data/thread/*),
// so a fresh time is what makes every reader's next visit of B fetch them; and because the id is
// the key of every cache (Dexie's comments, likes, owned rows), the copy that arrives under B
// replaces the row that a reader cached under A — nothing is left to show twice. The copies under
// A are deleted in the same transaction rather than tombstoned: nobody syncs A's comments any more
// (the page document sends every reader to B), and a tombstone arriving after the copy would
// overwrite it in a cache keyed by comment id.
//
// Resumable: a merge cut short (a crash, a timeout) leaves A an alias with some documents still on
// it; the same request again skips the first step (no second audit entry) and moves what is left.
// A chunk either moves completely or not at all, so nothing is counted twice.
import { HttpsError, onCall, type FunctionsErrorCode } from 'firebase-functions/v2/https';
import { logger } from 'firebase-functions';
import { FieldPath, FieldValue, type DocumentSnapshot, type Firestore, type QueryDocumentSnapshot, type Transaction } from 'firebase-admin/firestore';
import { pageIdFor } from '../../lib/any/page-identity';
import { pagesAuditDoc, type AuditActor, type AuditPage, type PageAuditState } from '../../lib/core/audit';
import { entryFromDoc } from '../../lib/core/directory';
import { membershipFromClaims } from '../../lib/core/membership';
import {
  aliasFromDoc,
  checkAliasTarget,
  mayChangePage,
  parseChangePage,
  PageChangeError,
  type ChangePageRequest,
  type ChangePageResponse,
  type MovedCounts,
  type PageChangeProblem,
  type PageFacts,
} from '../../lib/core/page-admin';
import { paths } from '../../lib/core/paths';
import { db } from './admin';

/** Comments moved per transaction, with their likes, marks and owner links (well inside a commit's limits). */
export const MOVE_CHUNK = 20;
/** Likes and marks swept per transaction once the comments have moved. */
const SWEEP_CHUNK = 100;

const NONE: MovedCounts = { comments: 0, likes: 0, marks: 0, owners: 0 };

function factsOf(snap: DocumentSnapshot): PageFacts | null {
  if (!snap.exists) return null;
  const data = snap.data() ?? {};
  const n = (v: unknown) => (typeof v === 'number' && v >= 0 ? v : 0);
  return {
    pageId: snap.id,
    url: typeof data.url === 'string' ? data.url : '',
    title: typeof data.title === 'string' ? data.title : '',
    commentCount: n(data.commentCount),
    likeCount: n(data.likeCount),
    aliasOf: aliasFromDoc(data),
  };
}

const auditPage = (facts: PageFacts | null, pageId: string, url = ''): AuditPage => ({
  kind: 'page',
  pageId,
  url: facts?.url || url,
  title: facts?.title ?? '',
});

const stateOf = (facts: PageFacts | null, snap?: DocumentSnapshot): PageAuditState => {
  const announcement = snap?.get('announcement') as { text?: unknown } | undefined;
  return {
    aliasOf: facts?.aliasOf ?? null,
    announcement: typeof announcement?.text === 'string' ? announcement.text : null,
    comments: facts?.commentCount ?? 0,
    likes: facts?.likeCount ?? 0,
  };
};

export interface ChangePageOptions {
  /** Tests: stop a merge after this many chunks, as a crash would (the request again finishes it). */
  maxChunks?: number;
}

/**
 * Carries out one request as `actor`, who has been allowed already (the callable checks the token
 * and the directory; scripts and tests call this directly). Throws PageChangeError having changed
 * nothing, except that a merge interrupted after its first step stays resumable.
 */
export async function applyPageChange(
  store: Firestore,
  actor: AuditActor,
  request: ChangePageRequest,
  options: ChangePageOptions = {},
): Promise<ChangePageResponse> {
  const pageRef = (id: string) => store.doc(paths.page(id));
  const audit = (tx: Transaction, doc: ReturnType<typeof pagesAuditDoc>) =>
    tx.create(store.collection(paths.audit()).doc(), { ...doc, at: FieldValue.serverTimestamp() });
  const now = FieldValue.serverTimestamp();

  switch (request.action) {
    case 'announce':
    case 'unannounce':
      return store.runTransaction(async (tx) => {
        const snap = await tx.get(pageRef(request.pageId));
        const page = factsOf(snap);
        if (!page) throw new PageChangeError('unknown-page', `no page ${request.pageId}`);
        if (page.aliasOf) throw new PageChangeError('page-is-alias', `${request.pageId} stands for ${page.aliasOf}: announce there`);
        const before = stateOf(page, snap);
        const text = request.action === 'announce' ? request.text : null;
        if (before.announcement === text) return { changed: false, pageId: request.pageId, moved: NONE };
        // No updatedAt: an announcement is not a change of the thread (it would wake readers' listeners for nothing).
        tx.update(pageRef(request.pageId), {
          announcement: text === null ? FieldValue.delete() : { text, byUid: actor.uid ?? '', byName: actor.name, at: now },
        });
        audit(
          tx,
          pagesAuditDoc({
            action: request.action,
            actor,
            target: auditPage(page, request.pageId),
            other: null,
            before,
            after: { ...before, announcement: text },
            otherBefore: null,
            otherAfter: null,
          }),
        );
        return { changed: true, pageId: request.pageId, moved: NONE };
      });

    case 'unalias':
      return store.runTransaction(async (tx) => {
        const snap = await tx.get(pageRef(request.pageId));
        const page = factsOf(snap);
        if (!page) throw new PageChangeError('unknown-page', `no page ${request.pageId}`);
        if (!page.aliasOf) return { changed: false, pageId: request.pageId, moved: NONE };
        const other = factsOf(await tx.get(pageRef(page.aliasOf)));
        tx.update(pageRef(request.pageId), { aliasOf: FieldValue.delete(), aliasUrl: FieldValue.delete(), updatedAt: now });
        const before = stateOf(page, snap);
        audit(
          tx,
          pagesAuditDoc({
            action: 'unalias',
            actor,
            target: auditPage(page, request.pageId),
            other: auditPage(other, page.aliasOf),
            before,
            after: { ...before, aliasOf: null },
            otherBefore: null,
            otherAfter: null,
          }),
        );
        return { changed: true, pageId: request.pageId, moved: NONE };
      });

    case 'alias': {
      const fromId = await pageIdFor(request.url);
      const intoId = request.pageId;
      return store.runTransaction(async (tx) => {
        const [fromSnap, intoSnap] = await tx.getAll(pageRef(fromId), pageRef(intoId));
        const from = factsOf(fromSnap!);
        const into = factsOf(intoSnap!);
        const { already } = checkAliasTarget(from, into, fromId, intoId);
        if (already) return { changed: false, pageId: intoId, moved: NONE };
        const anyComment = await tx.get(store.collection(paths.comments(fromId)).limit(1));
        const anyLike = await tx.get(store.collection(paths.likes(fromId)).limit(1));
        if ((from && (from.commentCount > 0 || from.likeCount > 0)) || !anyComment.empty || !anyLike.empty) {
          throw new PageChangeError('has-activity', `${request.url} has comments or likes of its own: merge it instead`);
        }
        const aliases = await tx.get(store.collection('pages').where('aliasOf', '==', fromId));
        repointAliases(tx, aliases.docs, intoId, into!.url);
        if (from) tx.update(pageRef(fromId), { aliasOf: intoId, aliasUrl: into!.url, updatedAt: now });
        else tx.create(pageRef(fromId), { url: request.url, title: '', commentCount: 0, likeCount: 0, updatedAt: now, aliasOf: intoId, aliasUrl: into!.url });
        const before = stateOf(from, fromSnap);
        audit(
          tx,
          pagesAuditDoc({
            action: 'alias',
            actor,
            target: auditPage(from, fromId, request.url),
            other: auditPage(into, intoId),
            before,
            after: { ...before, aliasOf: intoId },
            otherBefore: null,
            otherAfter: null,
          }),
        );
        return { changed: true, pageId: intoId, moved: NONE };
      });
    }

    case 'merge':
    case 'move': {
      const fromId = request.pageId;
      const intoId = request.action === 'merge' ? request.into : await pageIdFor(request.url);
      if (fromId === intoId) throw new PageChangeError('same-page', 'that is the address of this very page');
      const started = await store.runTransaction(async (tx) => {
        const [fromSnap, intoSnap] = await tx.getAll(pageRef(fromId), pageRef(intoId));
        const from = factsOf(fromSnap!);
        if (!from) throw new PageChangeError('unknown-page', `no page ${fromId}`);
        // Every read before the first write (a transaction's rule).
        const aliases = await tx.get(store.collection('pages').where('aliasOf', '==', fromId));
        let into = factsOf(intoSnap!);
        if (!into && request.action === 'move') {
          // A URL Prikbord has not seen yet: its page document, from the moving page's title.
          into = { pageId: intoId, url: request.url, title: from.title, commentCount: 0, likeCount: 0, aliasOf: null };
          tx.create(pageRef(intoId), { url: request.url, title: from.title, commentCount: 0, likeCount: 0, updatedAt: now });
        }
        const { already } = checkAliasTarget(from, into, fromId, intoId);
        if (already) return { already: true, intoUrl: into!.url };
        repointAliases(tx, aliases.docs, intoId, into!.url);
        tx.update(pageRef(fromId), { aliasOf: intoId, aliasUrl: into!.url, updatedAt: now });
        const before = stateOf(from, fromSnap);
        const otherBefore = stateOf(into, intoSnap);
        audit(
          tx,
          pagesAuditDoc({
            action: request.action,
            actor,
            target: auditPage(from, fromId),
            other: auditPage(into, intoId),
            before,
            after: { ...before, aliasOf: intoId, comments: 0, likes: 0 },
            otherBefore,
            // What the move makes of B's counts: A's live comments and page likes join it (a person
            // who liked both pages keeps one like, so B's likes can end lower than the sum).
            otherAfter: { ...otherBefore, comments: otherBefore.comments + before.comments, likes: otherBefore.likes + before.likes },
          }),
        );
        return { already: false, intoUrl: into!.url };
      });
      const moved = await moveThread(store, fromId, intoId, options.maxChunks ?? Infinity);
      const changed = !started.already || moved.comments + moved.likes + moved.marks + moved.owners > 0;
      return { changed, pageId: intoId, moved };
    }
  }
}

/** Pages that stood for the page becoming an alias now stand for `intoId` (one hop: an alias never points at an alias). */
function repointAliases(tx: Transaction, aliases: QueryDocumentSnapshot[], intoId: string, intoUrl: string): void {
  for (const alias of aliases) {
    if (alias.id === intoId) throw new PageChangeError('would-loop', `${intoId} is an alias of the page`);
    tx.update(alias.ref, { aliasOf: intoId, aliasUrl: intoUrl, updatedAt: FieldValue.serverTimestamp() });
  }
}

/**
 * Moves everything still on page `fromId` to `intoId`, chunk by chunk, each chunk one transaction
 * that moves its counters by what it moved. Safe to run again at any point.
 */
async function moveThread(store: Firestore, fromId: string, intoId: string, maxChunks: number): Promise<MovedCounts> {
  const moved = { ...NONE };
  // Counted after each commit: a transaction's function may run more than once.
  const add = (step: MovedCounts) => {
    for (const key of Object.keys(moved) as Array<keyof MovedCounts>) moved[key] += step[key];
  };
  const fromPage = store.doc(paths.page(fromId));
  const intoPage = store.doc(paths.page(intoId));
  let chunks = 0;

  // 1. Comments, each with the likes of it, its "this helped" mark and its owner link.
  while (chunks++ < maxChunks) {
    const step = await store.runTransaction(async (tx) => {
      const done = { ...NONE };
      const comments = await tx.get(store.collection(paths.comments(fromId)).orderBy(FieldPath.documentId()).limit(MOVE_CHUNK));
      if (comments.empty) return null;
      const ids = comments.docs.map((d) => d.id);
      const likes = await tx.get(store.collection(paths.likes(fromId)).where('targetId', 'in', ids));
      const marks = await tx.getAll(...ids.map((id) => store.doc(paths.helpfulMark(fromId, id))));
      const owners = await tx.getAll(...ids.map((id) => store.doc(paths.commentOwner(id))));
      const now = FieldValue.serverTimestamp();
      let live = 0;
      for (const comment of comments.docs) {
        const data = comment.data();
        // The comment's like count, from the likes that move with it.
        const likeCount = likes.docs.filter((l) => l.get('targetId') === comment.id && l.get('active') === true).length;
        if (data.deleted !== true) live++;
        tx.set(store.doc(paths.comment(intoId, comment.id)), { ...data, pageId: intoId, likeCount, updatedAt: now });
        tx.delete(comment.ref);
      }
      for (const like of likes.docs) {
        tx.set(store.doc(`${paths.likes(intoId)}/${like.id}`), { ...like.data(), updatedAt: now });
        tx.delete(like.ref);
      }
      for (const mark of marks) {
        if (!mark.exists) continue;
        tx.set(store.doc(paths.helpfulMark(intoId, mark.id)), { ...mark.data(), createdAt: now });
        tx.delete(mark.ref);
        done.marks++;
      }
      for (const owner of owners) {
        // The owner link is bound to its comment's page (the rules check it): rebound to B.
        if (!owner.exists || owner.get('pageId') !== fromId) continue;
        tx.update(owner.ref, { pageId: intoId, createdAt: now });
        done.owners++;
      }
      tx.update(fromPage, { commentCount: FieldValue.increment(-live), updatedAt: now });
      tx.update(intoPage, { commentCount: FieldValue.increment(live), updatedAt: now });
      done.comments += ids.length;
      done.likes += likes.size;
      return done;
    });
    if (!step) break;
    add(step);
  }

  // 2. What is left: likes of the page itself (one per person on B: liking both pages counts once),
  //    and any like or mark whose comment was not on A.
  while (chunks++ < maxChunks) {
    const step = await store.runTransaction(async (tx) => {
      const likes = await tx.get(store.collection(paths.likes(fromId)).limit(SWEEP_CHUNK));
      const marks = await tx.get(store.collection(paths.helpfulMarks(fromId)).limit(SWEEP_CHUNK));
      if (likes.empty && marks.empty) return null;
      const targets = likes.empty ? [] : await tx.getAll(...likes.docs.map((l) => store.doc(`${paths.likes(intoId)}/${l.id}`)));
      const now = FieldValue.serverTimestamp();
      let fromDelta = 0;
      let intoDelta = 0;
      likes.docs.forEach((like, i) => {
        const data = like.data();
        const there = targets[i]!;
        const active = data.active === true || there.get('active') === true;
        if (data.targetId === 'page') {
          if (data.active === true) fromDelta--;
          if (active && there.get('active') !== true) intoDelta++;
        }
        tx.set(there.ref, { ...data, active, updatedAt: now });
        tx.delete(like.ref);
      });
      for (const mark of marks.docs) {
        tx.set(store.doc(paths.helpfulMark(intoId, mark.id)), { ...mark.data(), createdAt: now });
        tx.delete(mark.ref);
      }
      tx.update(fromPage, { likeCount: FieldValue.increment(fromDelta), updatedAt: now });
      tx.update(intoPage, { likeCount: FieldValue.increment(intoDelta), updatedAt: now });
      return { ...NONE, likes: likes.size, marks: marks.size };
    });
    if (!step) break;
    add(step);
  }

  // 3. Nothing left on A: its counters are zero, whatever they said (a counter that had drifted
  //    before the merge would otherwise stay wrong on a page nobody writes to any more).
  if (chunks <= maxChunks) {
    await store.runTransaction(async (tx) => {
      const [comments, likes] = await Promise.all([
        tx.get(store.collection(paths.comments(fromId)).limit(1)),
        tx.get(store.collection(paths.likes(fromId)).limit(1)),
      ]);
      if (comments.empty && likes.empty) tx.update(fromPage, { commentCount: 0, likeCount: 0 });
    });
  }
  return moved;
}

// ---------- the callable ----------

const STATUS: Record<PageChangeProblem, FunctionsErrorCode> = {
  'invalid-request': 'invalid-argument',
  'invalid-url': 'invalid-argument',
  'text-empty': 'invalid-argument',
  'text-too-long': 'invalid-argument',
  'same-page': 'failed-precondition',
  'would-loop': 'failed-precondition',
  'target-is-alias': 'failed-precondition',
  'has-activity': 'failed-precondition',
  'page-is-alias': 'failed-precondition',
  'unknown-page': 'not-found',
  'not-allowed': 'permission-denied',
};

const refuse = (reason: PageChangeProblem) => new HttpsError(STATUS[reason], reason, { reason });

/**
 * The console's page changes. Comms and administrators (a leader: announcements only), by their
 * token and then by the directory as it is now (a token can be an hour old; a role just revoked
 * must not keep its power for that hour), whose entry also gives the audit log their name.
 */
export const changePage = onCall<unknown, Promise<ChangePageResponse>>({ timeoutSeconds: 540 }, async (call) => {
  if (!call.auth) throw new HttpsError('unauthenticated', 'not-signed-in');
  const { member, roles } = membershipFromClaims(call.auth.token);
  let request: ChangePageRequest;
  try {
    request = parseChangePage(call.data);
  } catch (error) {
    if (error instanceof PageChangeError) throw refuse(error.code);
    throw error;
  }
  if (!member || !mayChangePage(roles, request.action)) throw refuse('not-allowed');
  const entries = (await db.collection(paths.directory()).where('uid', '==', call.auth.uid).limit(10).get()).docs.map((d) => entryFromDoc(d.id, d.data()));
  const caller = entries.find((e) => e.active && mayChangePage(e.roles, request.action));
  if (!caller) throw refuse('not-allowed');
  try {
    return await applyPageChange(db, { uid: call.auth.uid, name: caller.displayName, via: 'console' }, request);
  } catch (error) {
    if (error instanceof PageChangeError) throw refuse(error.code);
    logger.error('changePage failed', { caller: call.auth.uid, action: request.action, page: request.pageId, error: String(error) });
    throw new HttpsError('internal', 'internal');
  }
});
