// Firestore documents → local rows: each document shape read in one place, checked on the way in
// (a document a rule change or an older client left malformed is skipped or read defensively,
// never trusted). Pure: the data layer hands in `snapshot.data()`.
import { normalizeRoles } from './directory';
import type { CommentRow, EvidencePage, EvidenceRow, PersonRow } from './rows';
import { REPORT_REASONS, type ReportReason } from './moderation/model';

const isReportReason = (v: unknown): v is ReportReason => typeof v === 'string' && (REPORT_REASONS as readonly string[]).includes(v);

/** Firestore Timestamp-like value (the SDK's Timestamp satisfies it). */
export interface TimestampLike {
  seconds: number;
  nanoseconds: number;
  toMillis(): number;
}

function isTimestamp(value: unknown): value is TimestampLike {
  return typeof value === 'object' && value !== null && typeof (value as TimestampLike).toMillis === 'function';
}

/** Turns a comment document from Firestore into a row, or null when it does not have the agreed shape. */
export function commentFromDoc(id: string, data: Record<string, unknown>): CommentRow | null {
  const { pageId, parentId, text, authorUid, authorName, createdAt, updatedAt, editedAt, deleted } = data;
  const anonymous = data.anonymous === true;
  if (
    typeof pageId !== 'string' ||
    !(parentId === null || typeof parentId === 'string') ||
    typeof text !== 'string' ||
    // Named: both author fields. Anonymous: neither (a document with both is malformed).
    (anonymous ? authorUid !== undefined || authorName !== undefined : typeof authorUid !== 'string' || typeof authorName !== 'string') ||
    !isTimestamp(createdAt) ||
    !isTimestamp(updatedAt) ||
    !(editedAt === null || isTimestamp(editedAt)) ||
    typeof deleted !== 'boolean'
  ) {
    return null;
  }
  return {
    id,
    pageId,
    parentId,
    text,
    authorUid: anonymous ? null : (authorUid as string),
    authorName: anonymous ? null : (authorName as string),
    anonymous,
    likeCount: typeof data.likeCount === 'number' && data.likeCount >= 0 ? data.likeCount : 0,
    moderated: data.moderated === true,
    ...(data.moderated === true && isReportReason(data.moderationReason) ? { moderationReason: data.moderationReason } : {}),
    createdAt: createdAt.toMillis(),
    updatedAt: updatedAt.toMillis(),
    editedAt: editedAt === null ? null : editedAt.toMillis(),
    deleted,
    syncState: 'synced',
  };
}

type Data = Record<string, unknown>;

const str = (v: unknown, max = 200) => (typeof v === 'string' ? v.slice(0, max) : '');
const strList = (v: unknown, maxItems: number) => (Array.isArray(v) ? v.slice(0, maxItems).map((x) => String(x)) : []);
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? Math.floor(v) : 0);
const millis = (v: unknown) => (v && typeof (v as TimestampLike).toMillis === 'function' ? (v as TimestampLike).toMillis() : 0);

/** A profile document as a directory row. Missing directory fields read as empty (older profiles). */
export function personFromDoc(uid: string, data: Data): PersonRow {
  const department = str(data.department, 80);
  const path = strList(data.departmentPath, 4);
  return {
    uid,
    displayName: str(data.displayName, 80),
    departmentPath: path.length > 0 ? path : department ? [department] : [],
    jobTitle: str(data.jobTitle, 80),
    location: str(data.location, 80),
    languages: strList(data.languages, 8),
    skills: strList(data.skills, 20),
    optOut: data.optOut === true,
    // Only a leaver carries the field (a missing one reads as active, as PersonRow says).
    ...(data.active === false ? { active: false } : {}),
    // The roles too (the signed-in person's own row is read from here: without them the console's
    // overview and their own labels would lose them until their shard next changes).
    ...(data.roles !== undefined ? { roles: normalizeRoles(data.roles) } : {}),
    updatedAt: millis(data.updatedAt),
  };
}

/** An expertise document as a row; counters read defensively (missing → 0). */
export function evidenceFromDoc(uid: string, data: Data): EvidenceRow {
  const pages: EvidencePage[] = (Array.isArray(data.pages) ? data.pages : []).slice(0, 50).map((p: Data) => ({
    pageId: str(p.pageId, 64),
    title: str(p.title, 300),
    terms: strList(p.terms, 40),
    answers: num(p.answers),
    likes: num(p.likes),
    helpful: num(p.helpful),
  }));
  return { uid, pages, updatedAt: millis(data.updatedAt) };
}
