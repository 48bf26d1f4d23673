// A queue document (`moderationQueue/{id}`, model.ts QueueItem) read back untrusted: written by
// functions only, but an older function or a hand edit may have left it malformed; such fields
// read as empty rather than breaking the moderator's screen. Times become epoch ms.
import { REPORT_REASONS, type QueueDecision, type QueueItem, type QueueStatus, type ReportReason } from './model';
import type { QueueItemWithId } from './queue-view';

type Data = Record<string, unknown>;

const STATUSES: readonly QueueStatus[] = ['open', 'kept', 'hidden', 'restored', 'approved', 'rejected'];
const DECISIONS: ReadonlyArray<QueueDecision['action']> = ['keep', 'hide', 'restore', 'approve', 'reject', 'note'];

const str = (v: unknown, max = 2000) => (typeof v === 'string' ? v.slice(0, max) : '');
const count = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? Math.floor(v) : 0);
/** A Firestore Timestamp, a Date or a number, as epoch ms (0 when none). */
export function toMillis(v: unknown): number {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (v instanceof Date) return v.getTime();
  const ts = v as { toMillis?: () => number } | null;
  return typeof ts?.toMillis === 'function' ? ts.toMillis() : 0;
}
const isReason = (v: unknown): v is ReportReason => typeof v === 'string' && (REPORT_REASONS as readonly string[]).includes(v);

function decisionFrom(raw: unknown): QueueDecision | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const d = raw as Data;
  if (!DECISIONS.includes(d.action as QueueDecision['action'])) return null;
  const by = (d.by ?? {}) as Data;
  return {
    action: d.action as QueueDecision['action'],
    by: { uid: str(by.uid, 128), name: str(by.name, 120) },
    at: toMillis(d.at),
    ...(isReason(d.reason) ? { reason: d.reason } : {}),
    ...(typeof d.note === 'string' && d.note !== '' ? { note: str(d.note, 1000) } : {}),
  };
}

/** The queue item of document `id`; fields in the wrong shape read as empty. */
export function queueItemFromDoc(id: string, data: Data): QueueItemWithId {
  const reasons: QueueItem['reasons'] = {};
  const rawReasons = (typeof data.reasons === 'object' && data.reasons !== null ? data.reasons : {}) as Data;
  for (const reason of REPORT_REASONS) if (count(rawReasons[reason]) > 0) reasons[reason] = count(rawReasons[reason]);
  const claim = (typeof data.claim === 'object' && data.claim !== null ? data.claim : null) as Data | null;
  const anonymous = data.anonymous === true;
  return {
    id,
    pageId: str(data.pageId, 200),
    commentId: str(data.commentId, 200),
    url: str(data.url),
    title: str(data.title, 300),
    sectionKey: str(data.sectionKey, 200),
    excerpt: str(data.excerpt),
    // Never a name on an anonymous item, whatever the document says.
    authorName: anonymous ? null : typeof data.authorName === 'string' ? str(data.authorName, 120) : null,
    anonymous,
    held: data.held === true,
    reasons,
    reportCount: count(data.reportCount),
    latestAt: toMillis(data.latestAt),
    status: STATUSES.includes(data.status as QueueStatus) ? (data.status as QueueStatus) : 'open',
    claim: claim && typeof claim.uid === 'string' ? { uid: claim.uid, name: str(claim.name, 120), until: toMillis(claim.until) } : null,
    history: (Array.isArray(data.history) ? data.history : []).map(decisionFrom).filter((d): d is QueueDecision => d !== null),
    updatedAt: toMillis(data.updatedAt),
  };
}
