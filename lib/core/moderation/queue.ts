// The moderation queue's pure logic: what a queue item says after reports or a hold, who may
// decide about it, claims, which decision fits which item, and reading the callable's request.
// functions/src/moderation/ applies it with the Admin SDK; the console reads the same shapes.
//
// Anonymity: nothing here takes the author of an anonymous post as input. A queue item is built
// from the comment's public fields (an anonymous comment has no author field at all), so it cannot
// carry more than every member can already read in the thread.
import type { Roles } from '../membership';
import {
  CLAIM_MINUTES,
  MAX_NOTE_LENGTH,
  REPORT_REASONS,
  type ModerateRefusal,
  type ModerateRequest,
  type ModerationAction,
  type QueueItem,
  type QueueStatus,
  type ReportReason,
} from './model';

/** A refusal of `moderate` (or of filing a report), with its code (ModerateRefusal). */
export class ModerationError extends Error {
  constructor(
    readonly code: ModerateRefusal,
    /** Only ever a moderator's name (claimedByOther), never anything about an author. */
    readonly claimedBy?: string,
  ) {
    super(code);
    this.name = 'ModerationError';
  }
}

export const MODERATION_ACTIONS: readonly ModerationAction[] = ['claim', 'release', 'keep', 'hide', 'restore', 'approve', 'reject', 'note'];

/** How much of a post's text a queue item carries for the moderator to judge (comments are ≤ 2000). */
export const QUEUE_TEXT_LENGTH = 2000;

/** The queue id of a comment: `{pageId}_{commentId}` (paths.queueItem). */
export const queueIdOf = (pageId: string, commentId: string) => `${pageId}_${commentId}`;

/** The page and comment a queue id names. Comment ids hold no '_' (the client's ids are [A-Za-z0-9]). */
export function parseQueueId(queueId: string): { pageId: string; commentId: string } | null {
  const cut = queueId.lastIndexOf('_');
  if (cut <= 0 || cut === queueId.length - 1 || queueId.length > 200 || queueId.includes('/')) return null;
  return { pageId: queueId.slice(0, cut), commentId: queueId.slice(cut + 1) };
}

const isReason = (value: unknown): value is ReportReason => (REPORT_REASONS as readonly unknown[]).includes(value);

/** The callable's request, checked (untrusted input). */
export function parseModerateRequest(raw: unknown): ModerateRequest {
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  if (typeof r.queueId !== 'string' || !parseQueueId(r.queueId)) throw new ModerationError('invalidRequest');
  if (!(MODERATION_ACTIONS as readonly unknown[]).includes(r.action)) throw new ModerationError('invalidRequest');
  if (r.reason !== undefined && r.reason !== null && !isReason(r.reason)) throw new ModerationError('invalidRequest');
  if (r.note !== undefined && r.note !== null && typeof r.note !== 'string') throw new ModerationError('invalidRequest');
  const note = typeof r.note === 'string' ? r.note.trim() : '';
  if (note.length > MAX_NOTE_LENGTH) throw new ModerationError('noteTooLong');
  const action = r.action as ModerationAction;
  if (action === 'hide' && !isReason(r.reason)) throw new ModerationError('reasonRequired');
  if (action === 'note' && note === '') throw new ModerationError('invalidRequest');
  return {
    queueId: r.queueId,
    action,
    ...(isReason(r.reason) ? { reason: r.reason } : {}),
    ...(note !== '' ? { note } : {}),
  };
}

/** Whether `roles` moderate the section `sectionKey` (a rollout section id, or '_rest'). */
export function moderatesSection(roles: Roles, sectionKey: string): boolean {
  if (roles.admin || roles.moderator === true) return true;
  return Array.isArray(roles.moderator) && roles.moderator.includes(sectionKey);
}

/** Whether `roles` moderate anywhere at all (the first check, before any document is read). */
export const isModerator = (roles: Roles): boolean => roles.admin === true || roles.moderator === true || Array.isArray(roles.moderator);

/** The claim that holds at `now` (a lapsed one holds no more). */
export function activeClaim(item: Pick<QueueItem, 'claim'> | null, now: number): QueueItem['claim'] {
  return item?.claim && item.claim.until > now ? item.claim : null;
}

/** Refuses `uid` when someone else holds the item at `now`. */
export function checkClaim(item: Pick<QueueItem, 'claim'> | null, uid: string, now: number): void {
  const claim = activeClaim(item, now);
  if (claim && claim.uid !== uid) throw new ModerationError('claimedByOther', claim.name);
}

/** A new claim for `by`, lapsing after CLAIM_MINUTES. */
export const claimFor = (by: { uid: string; name: string }, now: number) => ({ uid: by.uid, name: by.name, until: now + CLAIM_MINUTES * 60_000 });

/** What the post is now, as the server read it: the facts each decision depends on. */
export type PostState =
  /** A comment in the thread. */
  | 'live'
  /** Deleted by its author (a tombstone without `moderated`). */
  | 'deletedByAuthor'
  /** Hidden by a moderator. */
  | 'hidden'
  /** A held post waiting for approval. */
  | 'held'
  /** Neither a comment nor a held post. */
  | 'missing';

export function postStateOf(comment: Record<string, unknown> | undefined, held: Record<string, unknown> | undefined): PostState {
  if (held) return 'held';
  if (!comment) return 'missing';
  if (comment.deleted !== true) return 'live';
  return comment.moderated === true ? 'hidden' : 'deletedByAuthor';
}

/** The status an item reaches by `action`; throws the refusal when the action does not fit the post. */
export function statusAfter(action: Exclude<ModerationAction, 'claim' | 'release' | 'note'>, post: PostState): QueueStatus {
  if (post === 'missing') throw new ModerationError('notFound');
  switch (action) {
    case 'keep':
    case 'hide':
      if (post === 'deletedByAuthor') throw new ModerationError('deletedByAuthor');
      if (post === 'hidden') throw new ModerationError('alreadyDecided');
      if (post === 'held') throw new ModerationError('invalidRequest');
      return action === 'keep' ? 'kept' : 'hidden';
    case 'restore':
      if (post === 'deletedByAuthor') throw new ModerationError('deletedByAuthor');
      if (post === 'live') throw new ModerationError('alreadyDecided');
      if (post === 'held') throw new ModerationError('invalidRequest');
      return 'restored';
    case 'approve':
    case 'reject':
      if (post !== 'held') throw new ModerationError('alreadyDecided');
      return action === 'approve' ? 'approved' : 'rejected';
  }
}

/** What the author is told of a decision (null: nothing; a kept post's author never learns it was reported). */
export function outcomeOf(action: ModerationAction): 'hidden' | 'restored' | 'approved' | 'rejected' | 'note' | null {
  switch (action) {
    case 'hide':
      return 'hidden';
    case 'restore':
      return 'restored';
    case 'approve':
      return 'approved';
    case 'reject':
      return 'rejected';
    case 'note':
      return 'note';
    default:
      return null;
  }
}

/** One report as the queue counts it. */
export interface ReportFact {
  reason: ReportReason;
  createdAt: number;
}

/** The public facts of the reported or held post (never its author, beyond a named comment's name). */
export interface PostFacts {
  text: string;
  anonymous: boolean;
  /** The named author's name; ignored for an anonymous post. */
  authorName: string | null;
}

/** The page facts a queue item shows. */
export interface PageFacts {
  url: string;
  title: string;
  sectionKey: string;
}

type ItemContent = Omit<QueueItem, 'claim' | 'history' | 'updatedAt'>;

/**
 * The item after the reports of a comment (all of them, read again: a retried trigger counts
 * nothing twice). A kept, restored or approved item opens again when a report came after the last
 * decision; other statuses stay (a hidden comment cannot be reported any more).
 */
export function itemAfterReports(
  before: Pick<QueueItem, 'status' | 'held' | 'history'> | null,
  ids: { pageId: string; commentId: string },
  page: PageFacts,
  post: PostFacts,
  reports: ReportFact[],
): ItemContent {
  const reasons: Partial<Record<ReportReason, number>> = {};
  for (const r of reports) reasons[r.reason] = (reasons[r.reason] ?? 0) + 1;
  const latestAt = reports.reduce((max, r) => Math.max(max, r.createdAt), 0);
  const decidedAt = before?.history.reduce((max, d) => Math.max(max, d.at), 0) ?? 0;
  let status: QueueStatus = before?.status ?? 'open';
  if ((status === 'kept' || status === 'restored' || status === 'approved') && latestAt > decidedAt) status = 'open';
  return {
    ...postOnPage(ids, page, post),
    held: before?.held ?? false,
    reasons,
    reportCount: reports.length,
    latestAt,
    status,
  };
}

/** What an item says of the post and its page: the author's name only when the post is named. */
function postOnPage(ids: { pageId: string; commentId: string }, page: PageFacts, post: PostFacts) {
  return {
    pageId: ids.pageId,
    commentId: ids.commentId,
    url: page.url,
    title: page.title,
    sectionKey: page.sectionKey,
    excerpt: post.text.slice(0, QUEUE_TEXT_LENGTH),
    authorName: post.anonymous ? null : post.authorName,
    anonymous: post.anonymous,
  };
}

/** A new item for a held post (pre-moderation). */
export function itemForHeld(ids: { pageId: string; commentId: string }, page: PageFacts, post: PostFacts, heldAt: number): ItemContent {
  return {
    ...postOnPage(ids, page, post),
    held: true,
    reasons: {},
    reportCount: 0,
    latestAt: heldAt,
    status: 'open',
  };
}

/** The queue's two orders: newest first, or most reported first (then newest). */
export function compareQueueItems(order: 'newest' | 'mostReported') {
  return (a: Pick<QueueItem, 'latestAt' | 'reportCount'>, b: Pick<QueueItem, 'latestAt' | 'reportCount'>): number =>
    (order === 'mostReported' ? b.reportCount - a.reportCount : 0) || b.latestAt - a.latestAt;
}
