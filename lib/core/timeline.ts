// "Wat speelt er? / What's happening": one timeline entry per thread, `timeline/{pageId}`, built on
// the server (functions/src/timeline.ts) from the page and its newest comments, and read by every
// member's side panel for the sections rollout lets them see. Pure: what an entry says, computed
// from the documents it depends on, so a replayed or out-of-order event always ends in the same entry.
//
// Anonymity: an anonymous comment contributes its text, its time and its counts, never a person.
// Its author fields are dropped when the comment is read (commentForTimeline), so nothing later
// can pick them up — not `people`, not `latest.authorName`, not the leader or community manager
// flags. Likes are not read at all (a like names its liker; the entry needs only the counts).
import { isQuestion } from './insights/questions';
import { sectionIdFor, type Rollout } from './rollout';

/** The sectionKey of pages no section covers. Section ids never start with "_" (lib/core/rollout-edit.ts idFromName). */
export const REST_SECTION_KEY = '_rest';

/** The newest comments an entry is computed from: bounds the server's reads per event. */
export const TIMELINE_WINDOW = 50;
/** At most this many named participants per entry. */
export const PEOPLE_CAP = 5;
/** The latest comment's excerpt: at most this many characters. */
export const EXCERPT_LENGTH = 200;

/** One comment as the timeline sees it: anonymous comments carry no author here at all. */
export interface TimelineComment {
  id: string;
  parentId: string | null;
  text: string;
  anonymous: boolean;
  /** Null for an anonymous comment, whatever its document says. */
  authorUid: string | null;
  authorName: string | null;
  /** Deleted by its author or hidden by a moderator (both soft deletes). */
  deleted: boolean;
  /** Epoch ms. */
  createdAt: number;
  likeCount: number;
}

/** The page document's facts an entry needs. */
export interface TimelinePage {
  url: string;
  title: string;
  commentCount: number;
  likeCount: number;
}

/** A named participant. */
export interface TimelinePerson {
  uid: string;
  name: string;
}

/** The latest visible comment. */
export interface TimelineLatest {
  commentId: string;
  excerpt: string;
  anonymous: boolean;
  /** Null when anonymous. */
  authorName: string | null;
  /** When it was written, epoch ms. */
  at: number;
}

/** What the server stores in `timeline/{pageId}`, besides `updatedAt` (server time, the delta-sync cursor). */
export interface TimelineContent {
  pageId: string;
  url: string;
  title: string;
  /** The rollout section id of the url, or REST_SECTION_KEY. */
  sectionKey: string;
  /** Null when removed. */
  latest: TimelineLatest | null;
  /** Visible comments on the page (the page's own counter). */
  comments: number;
  /** Likes of the page and of its newest TIMELINE_WINDOW visible comments. */
  likes: number;
  /** Up to PEOPLE_CAP named participants, most recent first. Never anyone for an anonymous comment. */
  people: TimelinePerson[];
  /** A visible top-level comment asks something (lib/core/insights/questions.ts) and has no visible reply yet. */
  openQuestion: boolean;
  leaderTakingPart: boolean;
  communityManagerTakingPart: boolean;
  /** Creation times (epoch ms) of the newest visible comments, newest first: what "this week" counts. */
  recentCommentsAt: number[];
  /** No visible comment is left (deleted or hidden): readers drop the entry. */
  removed: boolean;
}

/** The roles of a named participant that the entry flags. */
export interface ParticipantRoles {
  leader: boolean;
  communityManager: boolean;
}

type Data = Record<string, unknown>;

/** Epoch ms of a Firestore Timestamp (either SDK), a Date or a number; 0 when unknown (a pending server time). */
export function millisOf(value: unknown): number {
  if (typeof value === 'number') return value;
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'object' && value !== null && typeof (value as { toMillis?: unknown }).toMillis === 'function') {
    return (value as { toMillis(): number }).toMillis();
  }
  return 0;
}

const str = (value: unknown): string => (typeof value === 'string' ? value : '');
const count = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.floor(value) : 0);

/** A comment document as the timeline reads it. An anonymous comment's author fields are dropped here, whatever it holds. */
export function commentForTimeline(id: string, data: Data): TimelineComment {
  const anonymous = data.anonymous === true;
  const authorUid = !anonymous && typeof data.authorUid === 'string' && data.authorUid !== '' ? data.authorUid : null;
  return {
    id,
    parentId: typeof data.parentId === 'string' ? data.parentId : null,
    text: str(data.text),
    anonymous,
    authorUid,
    authorName: authorUid === null ? null : str(data.authorName),
    deleted: data.deleted === true,
    createdAt: millisOf(data.createdAt),
    likeCount: count(data.likeCount),
  };
}

/** The page document as the timeline reads it (null: no page). */
export function pageForTimeline(data: Data | undefined): TimelinePage | null {
  if (!data || typeof data.url !== 'string') return null;
  return { url: data.url, title: str(data.title), commentCount: count(data.commentCount), likeCount: count(data.likeCount) };
}

/** The section key of a page url under `rollout`: its section's id, or REST_SECTION_KEY. */
export function sectionKeyFor(rollout: Rollout, url: string): string {
  return sectionIdFor(rollout, url) ?? REST_SECTION_KEY;
}

/** The first lines of a text, at most EXCERPT_LENGTH characters, cut at a word when it can be. */
export function excerptOf(text: string): string {
  const trimmed = text.trim().replace(/\n{3,}/g, '\n\n');
  if (trimmed.length <= EXCERPT_LENGTH) return trimmed;
  const cut = trimmed.slice(0, EXCERPT_LENGTH - 1);
  const space = cut.search(/\s\S*$/);
  return `${(space > EXCERPT_LENGTH / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

const visible = (c: TimelineComment) => !c.deleted && c.text.trim() !== '';
const newestFirst = (a: TimelineComment, b: TimelineComment) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

/** What the server needs to know to compute one entry. */
export interface TimelineInput {
  pageId: string;
  /** Null when the page document is gone. */
  page: TimelinePage | null;
  /** The page's newest comments (any order, deleted ones may be among them). */
  comments: TimelineComment[];
  sectionKey: string;
  /** The roles of a named participant (unknown people: none). */
  rolesOf(uid: string): ParticipantRoles;
}

/** The entry for one thread, from its page and newest comments. */
export function timelineEntryFrom(input: TimelineInput): TimelineContent {
  const live = input.comments.filter(visible).sort(newestFirst).slice(0, TIMELINE_WINDOW);
  const page = input.page;
  const removed = page === null || live.length === 0;

  const named = live.filter((c): c is TimelineComment & { authorUid: string } => !c.anonymous && c.authorUid !== null);
  const people: TimelinePerson[] = [];
  for (const c of named) {
    if (people.length >= PEOPLE_CAP) break;
    if (!people.some((p) => p.uid === c.authorUid)) people.push({ uid: c.authorUid, name: c.authorName ?? '' });
  }
  const authors = [...new Set(named.map((c) => c.authorUid))];
  const roles = authors.map((uid) => input.rolesOf(uid));
  const answered = new Set(live.filter((c) => c.parentId !== null).map((c) => c.parentId));
  const latest = live[0];

  return {
    pageId: input.pageId,
    url: page?.url ?? '',
    title: page?.title ?? '',
    sectionKey: input.sectionKey,
    latest:
      removed || !latest
        ? null
        : {
            commentId: latest.id,
            excerpt: excerptOf(latest.text),
            anonymous: latest.anonymous,
            authorName: latest.anonymous ? null : latest.authorName,
            at: latest.createdAt,
          },
    comments: removed ? 0 : Math.max(page.commentCount, live.length),
    likes: removed ? 0 : page.likeCount + live.reduce((sum, c) => sum + c.likeCount, 0),
    people: removed ? [] : people,
    openQuestion: !removed && live.some((c) => c.parentId === null && !answered.has(c.id) && isQuestion(c.text)),
    leaderTakingPart: !removed && roles.some((r) => r.leader),
    communityManagerTakingPart: !removed && roles.some((r) => r.communityManager),
    recentCommentsAt: removed ? [] : live.map((c) => c.createdAt),
    removed,
  };
}

/** The roles a profile document gives (leader; community manager of any section). */
export function participantRolesFrom(data: Data | undefined): ParticipantRoles {
  const roles = typeof data?.roles === 'object' && data.roles !== null ? (data.roles as Data) : {};
  return { leader: roles.leader === true, communityManager: Array.isArray(roles.communityManager) && roles.communityManager.length > 0 };
}

/** Whether two entries say the same (so a recompute that changes nothing does not wake every reader). */
export function sameTimelineContent(a: TimelineContent, b: TimelineContent): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** A stored entry read back (untrusted), without its updatedAt; null when it is not an entry. */
export function timelineContentFrom(pageId: string, data: Data | undefined): TimelineContent | null {
  if (!data || typeof data.sectionKey !== 'string') return null;
  const latest = typeof data.latest === 'object' && data.latest !== null ? (data.latest as Data) : null;
  const people = Array.isArray(data.people)
    ? data.people
        .filter((p): p is Data => typeof p === 'object' && p !== null && typeof (p as Data).uid === 'string')
        .slice(0, PEOPLE_CAP)
        .map((p) => ({ uid: p.uid as string, name: str(p.name) }))
    : [];
  return {
    pageId,
    url: str(data.url),
    title: str(data.title),
    sectionKey: data.sectionKey,
    latest:
      latest && typeof latest.commentId === 'string'
        ? {
            commentId: latest.commentId,
            excerpt: str(latest.excerpt),
            anonymous: latest.anonymous === true,
            authorName: latest.anonymous === true || typeof latest.authorName !== 'string' ? null : latest.authorName,
            at: millisOf(latest.at),
          }
        : null,
    comments: count(data.comments),
    likes: count(data.likes),
    people,
    openQuestion: data.openQuestion === true,
    leaderTakingPart: data.leaderTakingPart === true,
    communityManagerTakingPart: data.communityManagerTakingPart === true,
    recentCommentsAt: Array.isArray(data.recentCommentsAt) ? data.recentCommentsAt.map(millisOf).filter((n) => n > 0) : [],
    removed: data.removed === true || !latest,
  };
}
