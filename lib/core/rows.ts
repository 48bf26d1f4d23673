// Every row this browser keeps in IndexedDB (lib/data/db.ts names the tables), with the outbox's
// operations. Types only: pure modules (thread tree, ranking, outbox states) and the data layer
// share them, so they live here rather than beside either.
import type { Announcement } from './page-admin';
import type { ReportReason } from './moderation/model';
import type { Roles } from './membership';
import type { OutboxItemState } from './outbox-states';
import type { TimelineContent } from './timeline';

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
  /** Why a moderator hid it, shown to readers ("Hidden by moderation: personal attack"). */
  moderationReason?: ReportReason;
  /**
   * The author's own post in a pre-moderated section, sent to `pages/{pageId}/held/` and waiting
   * for a moderator: shown only to its author, as waiting. Set by the outbox when it sends it there.
   */
  held?: boolean;
  /** A held post a moderator did not approve (its held document is gone, no comment came of it): only its author has this row. */
  notApproved?: boolean;
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
   * revisit starts those listeners only when the thread changed after that (lib/core/listener-plan.ts).
   */
  mine?: { uid: string; likes?: ServerTime; owned?: ServerTime; likesThrough?: ServerTime; ownedThrough?: ServerTime };
  /** createdAt of the newest "this helped" mark seen on this page. */
  helpfulCursor?: ServerTime;
  /**
   * The page this URL's page stands for (the page document's server-written `aliasOf`): the panel
   * shows that page's thread instead. Null or absent: this page's own thread.
   */
  aliasOf?: string | null;
  /** That page's URL (the page document's `aliasUrl`), for writing to it. */
  aliasUrl?: string | null;
  /** The note pinned at the top of the thread (server-written). */
  announcement?: Announcement | null;
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

/**
 * "I wrote this anonymous comment": this browser's copy of the person's own owner links
 * (Firestore `commentOwners/{commentId}`, readable only by them). Never holds anyone else's.
 */
export interface OwnedRow {
  commentId: string;
  pageId: string;
  uid: string;
}

/** A person as the directory and the lookup see them (Firestore `profiles/{uid}`). */
export interface PersonRow {
  uid: string;
  displayName: string;
  /** Department path, top-down: ['Bedrijfsvoering', 'ICT', 'Werkplek']. */
  departmentPath: string[];
  jobTitle: string;
  location: string;
  languages: string[];
  /** Declared "ask me about" skills, normalised with normalizeSkill(). */
  skills: string[];
  optOut: boolean;
  /** False for a former colleague (left the organisation: their named comments stay, labelled so). Missing: active. */
  active?: boolean;
  /** The person's roles, for the labels colleagues see (from the directory shards). */
  roles?: Roles;
  updatedAt: number;
}

/** What one person helped with on one page (a roll-up of named comments only). */
export interface EvidencePage {
  pageId: string;
  title: string;
  /** The page's topic terms (title, headings, thread words). */
  terms: string[];
  /** Replies by this person to someone else's question on this page. */
  answers: number;
  /** Likes on this person's comments on this page. */
  likes: number;
  /** Of those answers, how many the asker marked "this helped". */
  helpful: number;
}

/** One person's capped evidence as members read it (`evidence/{uid}`, and their shard's copy: lib/core/shard-evidence.ts). */
export interface EvidenceRow {
  uid: string;
  pages: EvidencePage[];
  updatedAt: number;
}

/** Facts about the page, written to the page document when a comment or like creates it. */
export interface PageFacts {
  url: string;
  title: string;
}

export type OutboxOp =
  | {
      kind: 'create';
      pageId: string;
      commentId: string;
      parentId: string | null;
      text: string;
      anonymous: boolean;
      page: PageFacts;
      /** uids of the people @mentioned (≤ MAX_MENTIONS): the server notifies them. Absent in items queued before mentions. */
      mentions?: string[];
    }
  | { kind: 'edit'; pageId: string; commentId: string; text: string; previousText: string }
  | { kind: 'delete'; pageId: string; commentId: string; previousText: string }
  /** A moderator hides someone's comment (a soft delete marked `moderated`). */
  | { kind: 'hide'; pageId: string; commentId: string; previousText: string }
  | { kind: 'like'; pageId: string; targetId: LikeTarget; active: boolean; page: PageFacts }
  /** The asker marks a reply to their question "this helped". */
  | { kind: 'helpful'; pageId: string; replyId: string; parentId: string }
  /** The person's own profile fields (the rest is the directory's); `previous`: what the server had, for a rollback. */
  | { kind: 'profile'; uid: string; fields: ProfileFields; previous: ProfileFields };

/** The fields of a profile that are the person's own to change (firebase/firestore.rules). */
export interface ProfileFields {
  languages: string[];
  skills: string[];
  optOut: boolean;
}

/** The kinds of outbox operation: the key of both outbox registries (local and remote), each total over it. */
export type OutboxKind = OutboxOp['kind'];

/** The operation of one kind, e.g. `OutboxOpOf<'like'>`. */
export type OutboxOpOf<K extends OutboxKind> = Extract<OutboxOp, { kind: K }>;

export interface OutboxItem extends OutboxItemState {
  /** Auto-increment: the order in which changes were made and must be sent. */
  seq?: number;
  /** What the item changes: a comment id, or a like key (see subjectOf). */
  subject: string;
  /** The author: only their own session sends it. */
  uid: string;
  op: OutboxOp;
  createdAt: number;
}

export interface SyncCursor {
  /**
   * 'profilesFeed' and 'evidenceFeed': the change feeds' cursors (lib/core/people-sync-plan.ts);
   * 'peopleSnapshot': how far a first sync through the directory shards got (docId: the last shard
   * applied; the time: the oldest coveredAt so far). 'profiles', 'expertise' and 'directoryShards'
   * are cursors of browsers from before the change feed (removed at their first snapshot).
   */
  id: 'profiles' | 'expertise' | 'directoryShards' | 'peopleSnapshot' | 'profilesFeed' | 'evidenceFeed' | TimelineCursorId | `inbox:${string}`;
  seconds: number;
  nanoseconds: number;
  /** Id of the last document read at that time. */
  docId?: string;
  /** What the local people tables hold (PEOPLE_SCHEMA); another value starts over from the shards. */
  schema?: number;
}

/** A composer's unsent text, kept so nothing typed is lost. Key: see draftKey(). */
export interface Draft {
  key: string;
  text: string;
  updatedAt: number;
  /** Whose draft it is: another person signing in on this profile neither sees nor keeps it. Absent in drafts saved before. */
  uid?: string;
}

/** The timeline's cursor of one section (lib/core/timeline-sections.ts): `timeline:` and the section key. */
export type TimelineCursorId = `timeline:${string}`;

/**
 * One thread of the timeline as this browser keeps it (Firestore `timeline/{pageId}`, lib/core/timeline.ts).
 * Removed entries are not kept: they are deleted when they arrive.
 */
export interface TimelineRow extends Omit<TimelineContent, 'removed' | 'latest'> {
  latest: NonNullable<TimelineContent['latest']>;
  /** The latest visible comment's time (epoch ms): the view's order. */
  latestAt: number;
  /** The server's updatedAt of this version: the section's delta-sync cursor moves to it. */
  updatedAt: ServerTime;
}
