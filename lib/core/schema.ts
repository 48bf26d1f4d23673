// The shape of the shared data: Firestore documents and the local rows derived from them,
// with the validators that guard both. Imported by the side panel, scripts and tests; the same
// limits are enforced by firebase/firestore.rules (keep the two in step).

/** Longest comment, in characters (UTF-16 code units, as Firestore rules count `size()`). */
export const MAX_COMMENT_LENGTH = 2000;
/** Longest display name in a profile. */
export const MAX_NAME_LENGTH = 80;

/** Where a local row stands relative to Firestore. */
export type SyncState = 'synced' | 'pending' | 'refused';

/** A comment as the UI reads it from Dexie. Times are epoch milliseconds. */
export interface CommentRow {
  id: string;
  pageId: string;
  /** Null for a top-level comment; the top-level comment's id for a reply (one level deep). */
  parentId: string | null;
  text: string;
  /** The author, for a named comment; null for an anonymous one (the server never says who). */
  authorUid: string | null;
  authorName: string | null;
  anonymous: boolean;
  /** Likes, as the server last counted them (the UI adds this browser's unsent like, if any). */
  likeCount: number;
  /** Hidden by a moderator (then also deleted). */
  moderated: boolean;
  createdAt: number;
  /** Server time of the last change; the local clock while the change is pending. */
  updatedAt: number;
  editedAt: number | null;
  deleted: boolean;
  syncState: SyncState;
  /** Why Firestore refused the last change (an i18n key), when syncState is 'refused'. */
  refusal?: string;
}

/** A page as cached locally: the launcher's count and the sync cursor of its thread. */
export interface PageRow {
  pageId: string;
  url: string;
  title: string;
  /** Comment count from the server's page document; null when the page was never fetched. */
  commentCount: number | null;
  /** Likes of the page itself, from the same document; null when never fetched. */
  likeCount?: number | null;
  /** When commentCount was last read from the server (epoch ms). */
  countFetchedAt?: number;
  /** updatedAt (seconds, nanoseconds) of the newest comment change seen from the server. */
  cursor?: ServerTime;
  /** updatedAt of the page document itself, as last seen from the server. */
  pageUpdatedAt?: ServerTime;
  /**
   * The signed-in person's own likes and anonymous-comment links on this page: each listener's
   * cursor, and the newest thread change (comment or page document) it is known to reflect. A
   * revisit starts those listeners only when the thread changed after that (lib/data/thread/thread-sync.ts).
   */
  mine?: { uid: string; likes?: ServerTime; owned?: ServerTime; likesThrough?: ServerTime; ownedThrough?: ServerTime };
  /** createdAt of the newest "this helped" mark seen on this page. */
  helpfulCursor?: ServerTime;
}

/**
 * "Dit hielp / this helped": the asker's mark on a reply (Firestore `pages/{pageId}/helpful/{replyId}`).
 * It never says who marked it: the asker may have asked anonymously.
 */
export interface HelpfulRow {
  replyId: string;
  pageId: string;
  parentId: string;
  syncState: SyncState;
}

export interface ServerTime {
  seconds: number;
  nanoseconds: number;
}

/** What a like is for: the page itself or one of its comments. */
export type LikeTarget = 'page' | string;

/**
 * One person's like of one target, as this browser knows it (Firestore
 * `pages/{pageId}/likes/{targetId}_{uid}`). Only the signed-in person's own likes are stored;
 * who else liked something is fetched on demand and never kept.
 */
export interface LikeRow {
  /** `${pageId}/${likeId}`: like ids are only unique within a page (the target 'page' repeats). */
  key: string;
  pageId: string;
  targetId: LikeTarget;
  uid: string;
  /** What the person wants now (may be ahead of the server). */
  active: boolean;
  /** What the server last confirmed (false when it never had the like). */
  serverActive: boolean;
  syncState: SyncState;
  /** Why the last change was refused (an i18n key); the like was rolled back. */
  refusal?: string;
}

/** The like document's id: one per (target, person), so liking twice can never count twice. */
export function likeId(targetId: LikeTarget, uid: string): string {
  return `${targetId}_${uid}`;
}

export function likeKey(pageId: string, targetId: LikeTarget, uid: string): string {
  return `${pageId}/${likeId(targetId, uid)}`;
}

/**
 * "I wrote this anonymous comment": this browser's copy of the person's own owner links
 * (Firestore `commentOwners/{commentId}`, readable only by them). Never holds anyone else's.
 */
export interface OwnedRow {
  commentId: string;
  pageId: string;
  uid: string;
}

/** A signed-in person's public profile (Firestore `profiles/{uid}`). */
export interface Profile {
  uid: string;
  displayName: string;
  department: string;
}

export type TextCheck = { ok: true; text: string } | { ok: false; reason: 'empty' | 'tooLong' };

/** Checks a comment's text the way the rules will: trimmed, not empty, at most MAX_COMMENT_LENGTH. */
export function checkCommentText(raw: string): TextCheck {
  const text = raw.trim();
  if (text.length === 0) return { ok: false, reason: 'empty' };
  if (text.length > MAX_COMMENT_LENGTH) return { ok: false, reason: 'tooLong' };
  return { ok: true, text };
}

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
    createdAt: createdAt.toMillis(),
    updatedAt: updatedAt.toMillis(),
    editedAt: editedAt === null ? null : editedAt.toMillis(),
    deleted,
    syncState: 'synced',
  };
}

/** Makes a client-side comment id: random, URL-safe, 20 characters like Firestore's own ids. */
export function newCommentId(random: (n: number) => Uint8Array = (n) => crypto.getRandomValues(new Uint8Array(n))): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  // 62 does not divide 256: reject bytes ≥ 248 so every character is equally likely.
  let id = '';
  while (id.length < 20) {
    for (const byte of random(20)) {
      if (byte < 248 && id.length < 20) id += alphabet[byte % 62];
    }
  }
  return id;
}
