// The weekly digest: what happened on what a person follows, as one inbox item `digest_{isoWeek}`,
// only for people who have not opened the panel for a week (InboxSummary.seenAt; daily users get
// no digest, they have seen it all). Built from the timeline entries (already one per thread, with
// the creation times of its newest 50 visible comments) and, per line, one aggregation counting
// the new threads (top-level comments), so it reads no comment's text: per follower 2 (summary,
// profile) + 1 (this week's item) + p (followed pages' entries, one getAll) + s (one query per
// followed section, ≥ 1 read each) + 1 per line. A page the person may no longer see (rollout) is
// left out.
//
// runDigests is exported for the tests and the `runDigest` callable (administrators: the emulators
// have no scheduler); `digestWeekly` runs it on Monday mornings.
import { FieldPath, Timestamp } from 'firebase-admin/firestore';
import { HttpsError, onCall } from 'firebase-functions/v2/https';
import { onSchedule } from 'firebase-functions/v2/scheduler';
import { membershipFromClaims } from '../../../lib/core/membership';
import { paths } from '../../../lib/core/paths';
import { accessFor } from '../../../lib/core/rollout';
import { DIGEST_AWAY_MS, isoWeek, itemIds, wantsDigest } from '../../../lib/core/notifications/fanout';
import type { DigestLine } from '../../../lib/core/notifications/model';
import { db } from '../admin';
import { deliver } from './deliver';
import { currentRollout } from './fanout';

const LINES = 10;
const PAGE = 200;

const millis = (v: unknown): number | null => (v instanceof Timestamp ? v.toMillis() : null);

/** Builds and delivers the digest of one follower; resolves to its lines (none: nothing delivered). */
async function digestOf(
  uid: string,
  pages: string[],
  sections: string[],
  now: number,
  rollout: Awaited<ReturnType<typeof currentRollout>>,
): Promise<DigestLine[]> {
  const [inbox, profile] = await Promise.all([db.doc(paths.inbox(uid)).get(), db.doc(paths.profile(uid)).get()]);
  if (!profile.exists || profile.get('active') === false) return [];
  if (!wantsDigest(millis(inbox.get('seenAt')), now)) return [];
  const itemRef = db.doc(paths.inboxItem(uid, itemIds.digest(isoWeek(now))));
  if ((await itemRef.get()).exists) return []; // this week's is out already
  const since = now - DIGEST_AWAY_MS;
  const entries = new Map<string, FirebaseFirestore.DocumentData>();
  if (pages.length > 0) for (const e of await db.getAll(...pages.map((id) => db.doc(paths.timelineEntry(id))))) if (e.exists) entries.set(e.id, e.data()!);
  for (const key of sections) {
    const snap = await db.collection(paths.timeline()).where('sectionKey', '==', key).where('updatedAt', '>', Timestamp.fromMillis(since)).get();
    for (const e of snap.docs) entries.set(e.id, e.data());
  }
  const departmentPath = Array.isArray(profile.get('departmentPath')) ? (profile.get('departmentPath') as string[]) : [];
  const lines: DigestLine[] = [];
  for (const [pageId, e] of entries) {
    if (e.removed === true || typeof e.url !== 'string') continue;
    if (accessFor(rollout, e.url, { uid, departmentPath }, now).mode === 'off') continue;
    const times: number[] = Array.isArray(e.recentCommentsAt) ? e.recentCommentsAt.filter((t: unknown): t is number => typeof t === 'number') : [];
    const newComments = times.filter((t) => t > since).length;
    if (newComments === 0) continue;
    const threads = await db
      .collection(paths.comments(pageId))
      .where('parentId', '==', null)
      .where('createdAt', '>', Timestamp.fromMillis(since))
      .count()
      .get();
    lines.push({ pageId, url: e.url, title: String(e.title ?? ''), newComments, newThreads: threads.data().count });
  }
  lines.sort((a, b) => b.newComments - a.newComments || a.title.localeCompare(b.title));
  const top = lines.slice(0, LINES);
  if (top.length === 0) return [];
  const total = lines.reduce((sum, l) => sum + l.newComments, 0);
  await deliver(uid, itemIds.digest(isoWeek(now)), {
    kind: 'digest',
    pageId: null,
    url: null,
    title: null,
    commentId: null,
    actor: null,
    excerpt: '',
    count: total,
    digest: top,
  });
  return top;
}

/** Delivers this week's digest to every follower who has been away a week. Resolves to how many got one. */
export async function runDigests(now = Date.now()): Promise<number> {
  const rollout = await currentRollout();
  let delivered = 0;
  let after: string | null = null;
  for (;;) {
    let query = db.collection('follows').orderBy(FieldPath.documentId()).limit(PAGE);
    if (after !== null) query = query.startAfter(after);
    const snap = await query.get();
    for (const f of snap.docs) {
      const pages = Array.isArray(f.get('pages')) ? (f.get('pages') as string[]) : [];
      const sections = Array.isArray(f.get('sections')) ? (f.get('sections') as string[]) : [];
      if ((await digestOf(f.id, pages, sections, now, rollout)).length > 0) delivered++;
    }
    if (snap.size < PAGE) return delivered;
    after = snap.docs[snap.size - 1]!.id;
  }
}

export const digestWeekly = onSchedule({ schedule: 'every monday 07:00', timeZone: 'Europe/Amsterdam', timeoutSeconds: 540, retryCount: 0 }, async () => {
  await runDigests();
});

/** Runs the digest now: administrators only (the demo and the tests; the emulators have no scheduler). */
export const runDigest = onCall<{ now?: number } | undefined, Promise<{ delivered: number }>>({ timeoutSeconds: 540 }, async (request) => {
  if (!request.auth) throw new HttpsError('unauthenticated', 'signed-out', { reason: 'signed-out' });
  const { member, roles } = membershipFromClaims(request.auth.token);
  if (!member || !roles.admin) throw new HttpsError('permission-denied', 'not-allowed', { reason: 'not-allowed' });
  const now = typeof request.data?.now === 'number' && Number.isFinite(request.data.now) ? request.data.now : Date.now();
  return { delivered: await runDigests(now) };
});
