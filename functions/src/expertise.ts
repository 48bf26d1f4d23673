// Expertise evidence kept current on the server: `expertise/{uid}` (the person's full roll-up, up to
// 50 pages: the server's record, what each refresh starts from and what a page rename queries)
// follows every comment, like and "this helped" mark, and so does its capped copy `evidence/{uid}`
// (./evidence-feed.ts), which is what members read for the expert lookup (lib/core/expertise.ts):
// a browser reads the copies changed since its last sync. Clients can neither write these nor read
// `expertise/*` (firestore.rules); these triggers are their only writer. What counts is
// decided in ./evidence.ts: named activity only, so an anonymous comment never moves anybody's
// figures, and a deleted or hidden comment stops counting.
//
// Design: each event RECOMPUTES the affected person's entry for that one page from the source
// documents, instead of adding ±1 to counters.
//  - Idempotent by construction: the result is a function of the documents, not of how many events
//    arrived. A retried event (retry: true below; Cloud Functions delivers at least once), a duplicate
//    or events out of order all end in the same figures, with no ledger of processed event ids to
//    keep (counters would need one, written in the same transaction, and a TTL to stop it growing).
//  - Self-healing: a delete, a moderator's hide, an unlike or a withdrawn mark needs no "undo" of
//    what an earlier event added; an event lost for good is repaired by the next one on that person
//    and page.
//  - Exact under concurrency, without locking anyone's comments: a refresh is one transaction that
//    FIRST reads expertise/{uid} and evidence/{uid} (the Admin SDK locks what a transaction reads), THEN reads the
//    sources with plain reads, and always ends in a write to expertise/{uid} (the new content; or
//    the same content with updatedAt kept; or a delete of a document that does not exist). So the
//    refreshes of one person are serialised, and the one that commits last read the sources after
//    every source write whose own refresh committed before it: two racing refreshes can't leave the
//    older view behind. The sources are never locked, so no employee's comment or like waits for a
//    function (reading them inside the transaction locked the page document, and the emulator then
//    refused the employees' writes with "Transaction lock timeout").
//    The copy is written in the same transaction when it differs, so it never disagrees with the record.
//  - Readers' delta sync (by evidence/{uid}'s updatedAt) is only woken when the capped copy really changed.
//
// Cost, in document reads per event (Firestore bills an empty query as 1 read):
//   refresh(page, person) = 3 (expertise doc, its copy, page) + max(1, k) (their comments on the page)
//       + p (parents of their replies that are someone else's)
//       + max(1, h) ("this helped" marks on their replies; only if they have live replies)
//       + max(1, s) (their own likes on the page; only if their comments have likes)
//       + 1 (the title checked again, when they have evidence on the page),
//     and 1 write, 2 when the copy changes. It grows with one person's activity on one page, never with the thread.
//   comment written: 0 + a refresh of its author (nothing for an anonymous comment). A like only
//     moving the comment's counter is left to the like's own trigger. A question edited or deleted
//     also refreshes those who answered it (their page terms hold its words): + max(1, r) replies.
//   like switched on or off: 1 (the liked comment) + a refresh of its author.
//   "this helped" marked or withdrawn: 1 (the reply) + a refresh of its author.
//   page created or renamed: max(1, n) (people with evidence on the page) + n refreshes.
// The seeded VPN answer (1 reply, 7 likes, 1 mark), on its mark: 1 + 3 + 1 + 1 + 1 + 1 + 1 = 9 reads,
// 2 writes. Incremental counters would read about 3–4 documents and write 2 per event, but need the
// event ledger, an exact reversal for every kind of undo, and stay wrong after any missed event.
//
// Cap: at most 50 pages per person here, the strongest evidence kept ("this helped" marks, then
// answers, then likes; ./evidence.ts withEntry); the copy members read keeps the 5 strongest of them
// (lib/core/shard-evidence.ts says why). A page dropped at the cap comes back with its next event
// if it is then strong enough.
//
// The document: { pages: EvidencePage[], pageIds: string[] (for the rename query), updatedAt:
// server time of the last real change }.
import { FieldValue, type DocumentData, type DocumentSnapshot } from 'firebase-admin/firestore';
import { onDocumentWritten, type Change, type FirestoreEvent } from 'firebase-functions/v2/firestore';
import { paths } from '../../lib/core/paths';
import { db } from './admin';
import type { EvidencePage } from '../../lib/core/rows';
import { commentFacts, expertiseContent, pageEntry, sameContent, storedPages, withEntry, type CommentFacts } from './evidence';
import { putEvidenceCopy } from './evidence-feed';

/** Firestore's limit on the values of one `in` filter. */
const IN_LIMIT = 30;

const chunks = <T>(items: T[], size: number): T[][] => Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
const nonNull = <T>(value: T | null | undefined): value is T => value !== null && value !== undefined;

/** Reads what `uid`'s entry for `pageId` depends on (plain reads: no locks on anyone's comments) and decides it. */
async function currentEntry(pageId: string, uid: string): Promise<{ entry: EvidencePage | null; title: string }> {
  const [page, mine] = await Promise.all([db.doc(paths.page(pageId)).get(), db.collection(paths.comments(pageId)).where('authorUid', '==', uid).get()]);
  const own = mine.docs.map((d) => commentFacts(d.id, d.data())).filter(nonNull);
  const ownIds = new Set(own.map((c) => c.id));
  const liveReplies = own.filter((c) => !c.gone && c.parentId !== null);
  const parentIds = [...new Set(liveReplies.map((c) => c.parentId!).filter((id) => !ownIds.has(id)))];

  const [parentSnaps, marks, liked] = await Promise.all([
    parentIds.length > 0 ? db.getAll(...parentIds.map((id) => db.doc(paths.comment(pageId, id)))) : [],
    Promise.all(
      chunks(
        liveReplies.map((c) => c.id),
        IN_LIMIT,
      ).map((ids) => db.collection(paths.helpfulMarks(pageId)).where('replyId', 'in', ids).get()),
    ),
    own.some((c) => !c.gone && c.likeCount > 0) ? db.collection(paths.likes(pageId)).where('uid', '==', uid).get() : null,
  ]);
  const parents = new Map(
    parentSnaps
      .map((s) => commentFacts(s.id, s.data()))
      .filter(nonNull)
      .map((c): [string, CommentFacts] => [c.id, c]),
  );
  const helpful = new Set(marks.flatMap((q) => q.docs.map((d) => d.id)));
  const ownLikes = new Set((liked?.docs ?? []).filter((d) => d.get('active') === true).map((d) => String(d.get('targetId'))));

  const title = titleOf(page);
  return { entry: pageEntry(uid, { pageId, title, own, parents, helpful, ownLikes }), title };
}

const titleOf = (page: DocumentSnapshot): string => (typeof page.get('title') === 'string' ? (page.get('title') as string) : '');

/**
 * Recomputes `uid`'s entry for `pageId` from the documents and stores it in `expertise/{uid}`.
 * Resolves to whether the evidence changed (false: the document already said this).
 */
export async function refreshEvidence(pageId: string, uid: string): Promise<boolean> {
  const expertiseRef = db.collection(paths.expertise()).doc(uid);
  let changed = false;
  for (let round = 1; ; round++) {
    const { entry, title, wrote } = await db.runTransaction(async (tx) => {
      // First the person's documents, in the transaction: these locks order all refreshes of one person.
      const [stored, copy] = await tx.getAll(expertiseRef, db.doc(paths.evidenceOf(uid)));
      const current = await currentEntry(pageId, uid);
      const pages = withEntry(storedPages(stored!.data()), pageId, current.entry);
      const wrote = !sameContent(stored!.data(), pages);
      if (wrote) {
        tx.set(expertiseRef, { ...expertiseContent(pages), updatedAt: FieldValue.serverTimestamp() });
      } else if (stored!.exists) {
        tx.set(expertiseRef, stored!.data()!); // the same, updatedAt kept: still a write, so an older refresh can't commit after it
      } else {
        tx.delete(expertiseRef); // nothing, and nothing to store: the same, for a document that does not exist
      }
      // The copy members read follows (and catches up if it was behind): written only when it differs.
      putEvidenceCopy(tx, copy!, pages);
      return { ...current, wrote };
    });
    changed ||= wrote;
    // The title is the one source whose trigger (a rename) finds people by query, which can't see
    // a refresh still in flight: look again once this one is stored.
    if (!entry || round === 3 || titleOf(await db.doc(paths.page(pageId)).get()) === title) return changed;
  }
}

async function refreshAll(pageId: string, people: Iterable<string>): Promise<void> {
  await Promise.all([...new Set(people)].map((uid) => refreshEvidence(pageId, uid)));
}

type Written<Params> = FirestoreEvent<Change<DocumentSnapshot> | undefined, Params>;

const same = (a: unknown, b: unknown): boolean =>
  a === b ||
  (typeof a === 'object' && a !== null && typeof (a as { isEqual?: unknown }).isEqual === 'function' && (a as { isEqual(o: unknown): boolean }).isEqual(b));

/** The keys whose values differ between two versions of a document. */
function changedKeys(before: DocumentData, after: DocumentData): string[] {
  return [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((key) => !same(before[key], after[key]));
}

/** Only a like's counter moved on the comment: the like's own trigger refreshes its author. */
const LIKE_COUNTER = new Set(['likeCount', 'lastLikeId', 'updatedAt']);

/** A comment created, edited, deleted, hidden (or its like counter moved). */
export async function commentWritten(event: Written<{ pageId: string; commentId: string }>): Promise<void> {
  const { pageId, commentId } = event.params;
  const beforeData = event.data?.before.data();
  const afterData = event.data?.after.data();
  if (beforeData && afterData && changedKeys(beforeData, afterData).every((key) => LIKE_COUNTER.has(key))) return;
  const before = commentFacts(commentId, beforeData);
  const after = commentFacts(commentId, afterData);
  const people = [before?.authorUid, after?.authorUid].filter(nonNull);
  // A question whose words changed: those who answered it carry its words in their page terms.
  if (before && before.parentId === null && before.text !== (after?.text ?? '')) {
    const replies = await db.collection(paths.comments(pageId)).where('parentId', '==', commentId).get();
    people.push(...replies.docs.map((d) => commentFacts(d.id, d.data())?.authorUid).filter(nonNull));
  }
  await refreshAll(pageId, people);
}

/** A like switched on or off: the liked comment's author. Likes of the page itself are nobody's evidence. */
export async function likeWritten(event: Written<{ pageId: string; likeId: string }>): Promise<void> {
  const { pageId } = event.params;
  const before = event.data?.before.data();
  const after = event.data?.after.data();
  const targetId = after?.targetId ?? before?.targetId;
  if (typeof targetId !== 'string' || targetId === 'page') return;
  if ((before?.active === true) === (after?.active === true)) return; // only the liker's name changed
  const comment = await db.doc(paths.comment(pageId, targetId)).get();
  const author = commentFacts(targetId, comment.data())?.authorUid;
  if (author) await refreshEvidence(pageId, author);
}

/** "This helped" marked or withdrawn: the reply's author. */
export async function helpfulWritten(event: Written<{ pageId: string; replyId: string }>): Promise<void> {
  const { pageId, replyId } = event.params;
  const reply = await db.doc(paths.comment(pageId, replyId)).get();
  const author = commentFacts(replyId, reply.data())?.authorUid;
  if (author) await refreshEvidence(pageId, author);
}

/** A page created or renamed: everyone with evidence there gets the new title (and its terms). */
export async function pageWritten(event: Written<{ pageId: string }>): Promise<void> {
  const { pageId } = event.params;
  const title = event.data?.after.get('title');
  if (!event.data?.after.exists || title === event.data.before.get('title')) return;
  const holders = await db.collection(paths.expertise()).where('pageIds', 'array-contains', pageId).get();
  await refreshAll(
    pageId,
    holders.docs.map((d) => d.id),
  );
}

// Retried on failure (a transaction that lost too many races, a passing outage): safe, see above.
// Only transient errors throw; malformed documents are read defensively and count for nobody.
export const expertiseOnComment = onDocumentWritten({ document: 'pages/{pageId}/comments/{commentId}', retry: true }, commentWritten);
export const expertiseOnLike = onDocumentWritten({ document: 'pages/{pageId}/likes/{likeId}', retry: true }, likeWritten);
export const expertiseOnHelpful = onDocumentWritten({ document: 'pages/{pageId}/helpful/{replyId}', retry: true }, helpfulWritten);
export const expertiseOnPage = onDocumentWritten({ document: 'pages/{pageId}', retry: true }, pageWritten);
