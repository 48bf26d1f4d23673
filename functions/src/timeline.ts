// "Wat speelt er? / What's happening": the timeline feed, `timeline/{pageId}`, one entry per thread
// (lib/core/timeline.ts says what an entry holds and why no anonymous author can reach it). These
// triggers are its only writer; members read the entries of the sections rollout lets them see
// (firebase/firestore.rules) and delta-sync them by `updatedAt` (lib/data/timeline/timeline-sync.ts).
//
// Design, as for expertise (./expertise.ts): each event RECOMPUTES the page's entry from the
// documents (the page, its newest visible comments, the named participants' profiles, rollout)
// instead of patching it, so retries, duplicates and events out of order converge. A refresh is a
// transaction that first reads the entry (the lock that orders all refreshes of one page), then the
// sources with plain reads (no employee's write ever waits for it), and always writes the entry:
// the new content with a new updatedAt, or the same content with its updatedAt kept (readers are
// not woken by a refresh that changed nothing). It never reads commentOwners: an anonymous
// comment's author is no input at all.
//
// Rollout moves entries between sections: a refresh reads `config/rollout` for the entry's
// sectionKey, and a change of rollout re-keys every entry (timelineOnRollout, paged). A refresh that
// read rollout just before a change could commit after the re-keying passed its entry, so it looks
// at rollout again once stored and goes round once more if it changed.
//
// Cost, in document reads per event: 1 (entry) + 1 (page) + max(1, k) (its newest k ≤ 50 visible
// comments) + 1 (rollout) + a (profiles of the a distinct named authors among them, for the leader
// and community manager flags) + 1 (rollout looked at again); 1 write. A like of a comment moves the
// comment's counter and so refreshes too; a page event refreshes only when its likes, title or url
// changed (a comment's own trigger covers the counter the same batch moved). The re-keying reads
// each entry's url and section once per rollout change (REKEY_PAGE at a time) and writes only the
// entries whose section changed.
import { FieldPath, FieldValue, type DocumentData, type DocumentSnapshot } from 'firebase-admin/firestore';
import { onDocumentWritten, type Change, type FirestoreEvent } from 'firebase-functions/v2/firestore';
import { paths } from '../../lib/core/paths';
import { NO_ROLLOUT, rolloutFromDoc, type Rollout } from '../../lib/core/rollout';
import {
  commentForTimeline,
  pageForTimeline,
  participantRolesFrom,
  sameTimelineContent,
  sectionKeyFor,
  timelineContentFrom,
  timelineEntryFrom,
  TIMELINE_WINDOW,
  type ParticipantRoles,
} from '../../lib/core/timeline';
import { db } from './admin';

/** Entries re-keyed per round when rollout changes. */
const REKEY_PAGE = 300;

const rolloutOf = (snap: DocumentSnapshot): Rollout => (snap.exists ? rolloutFromDoc(snap.data() ?? {}) : NO_ROLLOUT);
const versionOf = (snap: DocumentSnapshot): number => snap.updateTime?.toMillis() ?? 0;

/**
 * Recomputes the timeline entry of `pageId` from the documents and stores it.
 * Resolves to whether the entry changed.
 */
export async function refreshTimelineEntry(pageId: string): Promise<boolean> {
  const ref = db.doc(paths.timelineEntry(pageId));
  let changed = false;
  for (let round = 1; ; round++) {
    const { wrote, rolloutVersion } = await db.runTransaction(async (tx) => {
      const stored = await tx.get(ref);
      const [page, comments, rolloutSnap] = await Promise.all([
        db.doc(paths.page(pageId)).get(),
        db.collection(paths.comments(pageId)).where('deleted', '==', false).orderBy('createdAt', 'desc').limit(TIMELINE_WINDOW).get(),
        db.doc(paths.rollout()).get(),
      ]);
      const facts = comments.docs.map((d) => commentForTimeline(d.id, d.data()));
      const authors = [...new Set(facts.map((c) => c.authorUid).filter((uid): uid is string => uid !== null))];
      const profiles = authors.length > 0 ? await db.getAll(...authors.map((uid) => db.doc(paths.profile(uid)))) : [];
      const roles = new Map<string, ParticipantRoles>(profiles.map((p) => [p.id, participantRolesFrom(p.data())]));
      const pageFacts = pageForTimeline(page.data());
      const content = timelineEntryFrom({
        pageId,
        page: pageFacts,
        comments: facts,
        sectionKey: sectionKeyFor(rolloutOf(rolloutSnap), pageFacts?.url ?? ''),
        rolesOf: (uid) => roles.get(uid) ?? { leader: false, communityManager: false },
      });
      const before = timelineContentFrom(pageId, stored.data());
      let wrote = false;
      if (!stored.exists && content.removed) {
        tx.delete(ref); // nothing to show and nothing shown: no entry (still a write, for the ordering above)
      } else if (before && sameTimelineContent(before, content)) {
        tx.set(ref, stored.data()!); // the same, updatedAt kept
      } else {
        tx.set(ref, { ...content, updatedAt: FieldValue.serverTimestamp() });
        wrote = true;
      }
      return { wrote, rolloutVersion: versionOf(rolloutSnap) };
    });
    changed ||= wrote;
    if (round === 3 || versionOf(await db.doc(paths.rollout()).get()) === rolloutVersion) return changed;
  }
}

/**
 * Moves every entry whose section changed under the current rollout to its new section (with a new
 * updatedAt, so readers of the new section receive it). Paged by document id. Resolves to how many moved.
 */
export async function rekeyTimeline(): Promise<number> {
  const rollout = rolloutOf(await db.doc(paths.rollout()).get());
  let moved = 0;
  let after: string | null = null;
  for (;;) {
    let query = db.collection(paths.timeline()).orderBy(FieldPath.documentId()).select('url', 'sectionKey').limit(REKEY_PAGE);
    if (after !== null) query = query.startAfter(after);
    const snap = await query.get();
    const batch = db.batch();
    let writes = 0;
    for (const entry of snap.docs) {
      const url = entry.get('url');
      if (typeof url !== 'string' || url === '') continue;
      const key = sectionKeyFor(rollout, url);
      if (key === entry.get('sectionKey')) continue;
      batch.update(entry.ref, { sectionKey: key, updatedAt: FieldValue.serverTimestamp() });
      writes++;
    }
    if (writes > 0) await batch.commit();
    moved += writes;
    if (snap.size < REKEY_PAGE) return moved;
    after = snap.docs[snap.size - 1]!.id;
  }
}

type Written<Params> = FirestoreEvent<Change<DocumentSnapshot> | undefined, Params>;

/** Page fields an entry shows that no comment write moves. */
const PAGE_FIELDS = ['likeCount', 'title', 'url', 'aliasOf'];

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Whether a page write changed what its entry shows beyond what the comment trigger of the same batch covers. */
export function pageChangeMatters(before: DocumentData | undefined, after: DocumentData | undefined): boolean {
  if (!before || !after) return true;
  return PAGE_FIELDS.some((key) => !same(before[key], after[key]));
}

export async function commentWrittenForTimeline(event: Written<{ pageId: string; commentId: string }>): Promise<void> {
  await refreshTimelineEntry(event.params.pageId);
}

export async function pageWrittenForTimeline(event: Written<{ pageId: string }>): Promise<void> {
  if (!pageChangeMatters(event.data?.before.data(), event.data?.after.data())) return;
  await refreshTimelineEntry(event.params.pageId);
}

// Retried on failure: safe, each run recomputes from the documents.
export const timelineOnComment = onDocumentWritten({ document: 'pages/{pageId}/comments/{commentId}', retry: true }, commentWrittenForTimeline);
export const timelineOnPage = onDocumentWritten({ document: 'pages/{pageId}', retry: true }, pageWrittenForTimeline);
export const timelineOnRollout = onDocumentWritten({ document: 'config/rollout', retry: true }, async () => {
  await rekeyTimeline();
});
