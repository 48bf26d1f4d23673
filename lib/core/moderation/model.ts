// The contract of "keep it civil": reports, the one moderation queue, moderators' decisions and
// pre-moderation. Types and limits only; the functions (functions/src/moderation/) keep the queue,
// the panel reports (lib/data/moderation/), the console's moderation view works the queue.
//
// Who writes what:
//   - reports/{pageId}_{commentId}_{uid}  Report: the reporter creates it once (the id makes a second
//     report the same document); the reporter reads their own; moderators of that section read it.
//   - moderationQueue/{pageId}_{commentId}  QueueItem: functions only; moderators of its section read.
//   - pages/{pageId}/held/{commentId}  a held post (same fields as a comment): created by its writer
//     when the section pre-moderates that kind of post; readable by a named writer and by
//     moderators of the section; an anonymous writer finds theirs through their owner link.
//   - hiddenTexts/{pageId}_{commentId}  the text of a hidden comment, kept for a restore: server only.
// Every decision goes through the callable `moderate` (functions decide, never a client write),
// which checks the caller's sections, claims, and records the decision in the item's history.
//
// Anonymity: nothing here names the author of an anonymous post. The queue item, the history, the
// callable's answers and its errors are the same whoever wrote the post; the note to an anonymous
// author reaches them through the server's lookup of the owner link, which no moderator can read.

/** Why a comment is reported (i18n: moderation.reason.{key}). */
export type ReportReason = 'attack' | 'private' | 'spam' | 'offTopic' | 'other';
export const REPORT_REASONS: readonly ReportReason[] = ['attack', 'private', 'spam', 'offTopic', 'other'];

/** The free text beside a reason ('other' requires it): at most this long. */
export const MAX_REPORT_TEXT = 500;
/** A moderator's note to the author: at most this long. */
export const MAX_NOTE_LENGTH = 500;

/** `reports/{pageId}_{commentId}_{uid}`. */
export interface Report<Time = number> {
  pageId: string;
  commentId: string;
  uid: string;
  reason: ReportReason;
  text: string;
  createdAt: Time;
}

/** Pre-moderation of a section (or the rest of the intranet), set in the console's sections view. */
export type Premoderation = 'off' | 'anonymous' | 'all';
export const PREMODERATION_MODES: readonly Premoderation[] = ['off', 'anonymous', 'all'];

export type QueueStatus = 'open' | 'kept' | 'hidden' | 'restored' | 'approved' | 'rejected';

export type ModerationAction = 'claim' | 'release' | 'keep' | 'hide' | 'restore' | 'approve' | 'reject' | 'note';

/** One decision in an item's history. */
export interface QueueDecision<Time = number> {
  action: Exclude<ModerationAction, 'claim' | 'release'>;
  /** The moderator (moderators see each other's names; authors never see who decided). */
  by: { uid: string; name: string };
  at: Time;
  reason?: ReportReason;
  note?: string;
}

/** `moderationQueue/{pageId}_{commentId}`: one per reported or held comment. */
export interface QueueItem<Time = number> {
  pageId: string;
  commentId: string;
  url: string;
  title: string;
  /** The rollout section id of the page, or `_rest` (the rules scope moderators by it). */
  sectionKey: string;
  /** The comment's text as it was when last reported or held (moderators may read it anyway). */
  excerpt: string;
  /** Named author's name, for a named comment; null when anonymous (never the person). */
  authorName: string | null;
  anonymous: boolean;
  /** A pre-moderated post waiting for approval. */
  held: boolean;
  /** Open reports by reason (counts only). */
  reasons: Partial<Record<ReportReason, number>>;
  reportCount: number;
  /** Newest report or hold. */
  latestAt: Time;
  status: QueueStatus;
  /** Who is working on it, until when (a claim lapses after CLAIM_MINUTES). */
  claim: { uid: string; name: string; until: Time } | null;
  history: Array<QueueDecision<Time>>;
  updatedAt: Time;
}

export const CLAIM_MINUTES = 10;

/** Every refusal code, for clients mapping an error (details.code) to a message. */
export const MODERATE_REFUSALS: readonly ModerateRefusal[] = [
  'notModerator',
  'outsideSections',
  'claimedByOther',
  'notFound',
  'deletedByAuthor',
  'alreadyDecided',
  'reasonRequired',
  'noteTooLong',
  'invalidRequest',
];

/** What the callable `moderate` takes. */
export interface ModerateRequest {
  queueId: string;
  action: ModerationAction;
  reason?: ReportReason;
  /** The note to the author ('note', and optionally with hide/reject). */
  note?: string;
}

/** What `moderate` answers; errors are HttpsError with `details.code` one of ModerateRefusal. */
export interface ModerateResult {
  status: QueueStatus;
  claim: { uid: string; name: string; until: number } | null;
}

/** Why `moderate` or a report is refused (i18n: moderation.refused.{code}). */
export type ModerateRefusal =
  | 'notModerator'
  | 'outsideSections'
  | 'claimedByOther'
  | 'notFound'
  | 'deletedByAuthor'
  | 'alreadyDecided'
  | 'reasonRequired'
  | 'noteTooLong'
  /** A malformed request, or an action that does not fit the item (keep/hide/restore on a held post, approve/reject on a comment, an empty note). */
  | 'invalidRequest';

/** How a hidden comment shows to readers: "verborgen door moderatie: {reason}". */
export interface HiddenMark {
  moderated: true;
  moderationReason: ReportReason;
}
