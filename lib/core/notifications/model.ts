// The contract of "hear back": what reaches a person's inbox, how they follow pages and sections,
// and what their browser settles for desktop notifications. Types and limits only; the functions
// (functions/src/notifications/) write inboxes, the panel (lib/data/notifications/) reads them.
//
// Who writes what:
//   - inboxes/{uid}                 InboxSummary: functions only; the owner may set readThrough / seenAt.
//   - inboxes/{uid}/items/{itemId}  InboxItem: functions only (fan-out); the owner may set read: true.
//   - follows/{uid}                 Follows: the owner only, read and write.
// Fan-out happens on the server, from comment, "this helped" and moderation events: no client
// ever queries other people's comments to find what concerns it.
//
// Anonymity: an inbox lives under its owner's uid and only its owner reads it, so an item telling
// the author of an anonymous comment about a reply ties nobody to anything another person can
// read. An item never names an anonymous actor (actor: null) and never carries anyone's uid but
// the actor's own when they wrote under their name.

/** Why something is in the inbox. */
export type InboxKind =
  /** Someone replied to your comment (named or anonymous). */
  | 'reply'
  /** Someone @mentioned you in a comment. */
  | 'mention'
  /** The asker (or the section's community manager) marked your reply as the answer / "this helped". */
  | 'helpful'
  /** New activity on a page or section you follow (one item per page, its count grows). */
  | 'follow'
  /** A moderator decided about your post (hidden with a reason, restored, held post approved or rejected, a note). */
  | 'moderation'
  /** You mentioned someone who cannot read that page: they were not told. */
  | 'mentionUnseen'
  /** The weekly digest of what happened on what you follow, for people who have not been around. */
  | 'digest';

export const INBOX_KINDS: readonly InboxKind[] = ['reply', 'mention', 'helpful', 'follow', 'moderation', 'mentionUnseen', 'digest'];

/** The kinds a person can switch desktop notifications on for (the digest stays inside the panel). */
export const DESKTOP_KINDS: readonly InboxKind[] = ['reply', 'mention', 'helpful', 'follow', 'moderation'];

/** What the moderator decided, as the author is told. */
export type ModerationOutcome = 'hidden' | 'restored' | 'approved' | 'rejected' | 'note';

/** One line of a digest: a followed page with new activity. */
export interface DigestLine {
  pageId: string;
  url: string;
  title: string;
  /** New comments since the person was last around. */
  newComments: number;
  /** New threads (top-level comments) among them. */
  newThreads: number;
}

/**
 * `inboxes/{uid}/items/{itemId}`. Item ids are chosen by the server so a repeat event updates
 * rather than duplicates: `reply_{commentId}`, `mention_{commentId}`, `helpful_{replyId}`,
 * `follow_{pageId}`, `moderation_{commentId}_{n}`, `mentionUnseen_{commentId}`, `digest_{isoWeek}`.
 * Times are Firestore Timestamps on the server; the panel stores epoch ms in Dexie.
 */
export interface InboxItem<Time = number> {
  kind: InboxKind;
  /** The page the item is about (the digest: null). */
  pageId: string | null;
  url: string | null;
  /** The page's title as the page document has it. */
  title: string | null;
  /** The comment to open and highlight (the reply, the mention's comment, the answer, the newest on a followed page). */
  commentId: string | null;
  /** Who did it, when they wrote under their name; null for an anonymous writer, a moderator, or the digest. */
  actor: { uid: string; name: string } | null;
  /** The first 140 characters of the comment, or of the moderator's note. */
  excerpt: string;
  /** For 'follow': comments since the person last read the item; else 1. */
  count: number;
  /** For 'moderation': what happened, and the reason key (REPORT_REASONS) shown to the author. */
  outcome?: ModerationOutcome;
  reason?: string;
  /** For 'digest': up to 10 lines. */
  digest?: DigestLine[];
  /** For 'mentionUnseen': the names of the people who could not see the page. */
  unseen?: string[];
  createdAt: Time;
  /** Moves on every server change and on the owner's read mark: the panel's delta cursor. */
  updatedAt: Time;
  read: boolean;
}

/**
 * `inboxes/{uid}`: one small document per person. The background reads only this when no panel is
 * open (one read), so an idle person costs at most one document read an hour.
 */
export interface InboxSummary<Time = number> {
  /** Unread items, as the functions last counted them. */
  unread: number;
  /** The newest item's updatedAt: a reader that saw this has seen everything. */
  latestAt: Time | null;
  /** "Mark all read": items created up to then count as read (owner-written). */
  readThrough?: Time | null;
  /** When the person last opened the panel (owner-written, at most once a day): the digest goes only to those away a week. */
  seenAt?: Time | null;
}

/** `follows/{uid}`: the pages and sections a person follows (owner only). */
export interface Follows {
  /** Page ids. */
  pages: string[];
  /** Section keys as the timeline uses them: a rollout section id, or `_rest`. */
  sections: string[];
}

export const MAX_FOLLOWED_PAGES = 200;
export const MAX_FOLLOWED_SECTIONS = 50;

/** How many inbox items the panel keeps and shows (the server deletes items older than this many days). */
export const INBOX_KEEP_DAYS = 90;

/** Mentions stored with a comment: at most this many people (the rules check the list). */
export const MAX_MENTIONS = 10;

/** Desktop notification settings, per browser (chrome.storage.local): off by default. */
export interface DesktopSettings {
  enabled: boolean;
  kinds: Partial<Record<InboxKind, boolean>>;
  /** Quiet hours in local time, "HH:MM"; null: none. From may be after to (overnight). */
  quiet: { from: string; to: string } | null;
}

export const DEFAULT_DESKTOP_SETTINGS: DesktopSettings = {
  enabled: false,
  kinds: { reply: true, mention: true, helpful: true, follow: false, moderation: true },
  quiet: null,
};

/** How long an item's excerpt may be. */
export const EXCERPT_LENGTH = 140;

// ---------- the panel's local copies (Dexie, lib/data/db.ts version 7) ----------

/** One inbox item in Dexie: the item with epoch-ms times, keyed by `${uid}/${itemId}`. */
export interface InboxRow extends InboxItem<number> {
  key: string;
  uid: string;
  itemId: string;
}

/** The summary in Dexie, per person (epoch ms). */
export interface InboxStateRow extends InboxSummary<number> {
  uid: string;
}

/** The person's follows in Dexie. */
export interface FollowsRow extends Follows {
  uid: string;
}
