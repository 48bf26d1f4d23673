// Page identity management and announcements, as the comms console asks for them and the server's
// `changePage` function (functions/src/pages.ts) carries them out: which request is well formed,
// who may make it, and what it does to the pages involved. Pure; the function applies the plan in
// transactions and the console translates each refusal by its code.
//
// One page = one thread (lib/any/page-identity.ts). When a page moves to a new URL, the old URL's
// page document says `aliasOf: <the new page's id>`: every reader's side panel, finding that on
// the page document it already listens to, shows the other page's thread instead. Aliases are one
// hop only (an alias never points at an alias), which is what makes a loop impossible: the plan
// refuses a target that is itself an alias, and re-points the aliases of a page that becomes one.
import type { Roles } from './membership';

/** An announcement is one short note: at most this many characters. */
export const ANNOUNCEMENT_MAX = 280;
/** A URL as the page documents keep it (the rules' limit on `url`). */
export const PAGE_URL_MAX = 2048;

/** The note pinned at the top of a page's thread (`pages/{pageId}.announcement`). */
export interface Announcement {
  text: string;
  byUid: string;
  byName: string;
  /** Epoch ms (0 while a client has not heard it from the server). */
  at: number;
}

/** What the console asks `changePage` to do. Page ids are those of lib/any/page-identity.ts. */
export type ChangePageRequest =
  /** This old URL (already normalised by the console with the site's rules) is page `pageId`. */
  | { action: 'alias'; pageId: string; url: string }
  /** The page at `pageId` no longer stands for another page: its own (empty) thread shows again. */
  | { action: 'unalias'; pageId: string }
  /** Everything of page `pageId` moves to page `into`; `pageId` becomes an alias of `into`. */
  | { action: 'merge'; pageId: string; into: string }
  /** The page moved to a new URL (normalised): its thread goes with it, the old URL becomes an alias. */
  | { action: 'move'; pageId: string; url: string }
  /** Pins (or replaces) the page's announcement. */
  | { action: 'announce'; pageId: string; text: string }
  /** Removes the page's announcement. */
  | { action: 'unannounce'; pageId: string };

export type ChangePageAction = ChangePageRequest['action'];
export const CHANGE_PAGE_ACTIONS = ['alias', 'unalias', 'merge', 'move', 'announce', 'unannounce'] as const satisfies readonly ChangePageAction[];

/** What the function answers. */
export interface ChangePageResponse {
  /** False: it was already so; nothing was written, no audit entry. */
  changed: boolean;
  /** The page the thread now lives on (merge, move, alias: the target). */
  pageId: string;
  /** What a merge or move carried over (zeros for other actions, and for a finished merge asked again). */
  moved: MovedCounts;
}

export interface MovedCounts {
  comments: number;
  likes: number;
  marks: number;
  owners: number;
}

/** Why a request is refused; the console shows each as a translated message. Nothing was changed. */
export type PageChangeProblem =
  | 'invalid-request'
  /** Not an http(s) URL of a configured intranet site (the console checks the site, the server the shape). */
  | 'invalid-url'
  | 'not-allowed'
  | 'unknown-page'
  | 'same-page'
  /** The target is an alias of the page itself (or of a page aliased to it): a loop. */
  | 'would-loop'
  /** The target is an alias of yet another page: pick the page it stands for. */
  | 'target-is-alias'
  /** An alias for a URL whose page already has comments or likes: that is a merge. */
  | 'has-activity'
  /** The page is already an alias of another page (announce on, or merge from, that one). */
  | 'page-is-alias'
  | 'text-empty'
  | 'text-too-long';

export class PageChangeError extends Error {
  constructor(
    readonly code: PageChangeProblem,
    message: string,
  ) {
    super(message);
    this.name = 'PageChangeError';
  }
}

const PAGE_ID = /^p_[0-9a-f]{24}$/;
const isPageId = (value: unknown): value is string => typeof value === 'string' && PAGE_ID.test(value);

/** A normalised intranet URL as the server accepts it: http(s), no credentials, at most PAGE_URL_MAX. */
export function urlProblem(url: unknown): PageChangeProblem | null {
  if (typeof url !== 'string' || url.length === 0 || url.length > PAGE_URL_MAX) return 'invalid-url';
  try {
    const parsed = new URL(url);
    if ((parsed.protocol !== 'http:' && parsed.protocol !== 'https:') || parsed.username || parsed.password) return 'invalid-url';
  } catch {
    return 'invalid-url';
  }
  return null;
}

/** An announcement's text, trimmed, with line breaks kept and other control characters refused. */
export function announcementText(text: unknown): string {
  if (typeof text !== 'string') throw new PageChangeError('invalid-request', 'text: expected a string');
  const trimmed = text.replace(/\r\n?/g, '\n').trim();
  if (trimmed === '') throw new PageChangeError('text-empty', 'an announcement needs a text');
  // Characters, not UTF-16 units: "ë" typed as one character counts once.
  if ([...trimmed].length > ANNOUNCEMENT_MAX) throw new PageChangeError('text-too-long', `at most ${ANNOUNCEMENT_MAX} characters`);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0009\u000b-\u001f\u007f]/.test(trimmed)) throw new PageChangeError('invalid-request', 'text: control characters');
  return trimmed;
}

/** Reads a request from untrusted input (the callable's data); throws PageChangeError. */
export function parseChangePage(data: unknown): ChangePageRequest {
  const d = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
  const action = d.action;
  if (!(CHANGE_PAGE_ACTIONS as readonly unknown[]).includes(action)) throw new PageChangeError('invalid-request', `unknown action ${JSON.stringify(action)}`);
  if (!isPageId(d.pageId)) throw new PageChangeError('invalid-request', 'pageId: expected p_ and 24 hex digits');
  const pageId = d.pageId;
  const url = () => {
    const problem = urlProblem(d.url);
    if (problem) throw new PageChangeError(problem, 'url: expected the http(s) address of an intranet page');
    return d.url as string;
  };
  switch (action as ChangePageAction) {
    case 'alias':
      return { action: 'alias', pageId, url: url() };
    case 'move':
      return { action: 'move', pageId, url: url() };
    case 'merge':
      if (!isPageId(d.into)) throw new PageChangeError('invalid-request', 'into: expected a page id');
      if (d.into === pageId) throw new PageChangeError('same-page', 'a page cannot be merged into itself');
      return { action: 'merge', pageId, into: d.into };
    case 'announce':
      return { action: 'announce', pageId, text: announcementText(d.text) };
    case 'unalias':
      return { action: 'unalias', pageId };
    case 'unannounce':
      return { action: 'unannounce', pageId };
  }
}

/** Who may ask for what: comms and administrators manage page identity; a leader may also pin announcements. */
export function mayChangePage(roles: Roles, action: ChangePageAction): boolean {
  if (roles.comms === true || roles.admin === true) return true;
  return roles.leader === true && (action === 'announce' || action === 'unannounce');
}

/** What the planning needs to know of a page document (null: no such document). */
export interface PageFacts {
  pageId: string;
  url: string;
  title: string;
  commentCount: number;
  likeCount: number;
  aliasOf: string | null;
}

/**
 * Checks that `from` may become (or stay) an alias of `into`, for alias, merge and move alike:
 * not itself, `into` exists and is no alias (one hop; `into` aliased to `from` would be a loop),
 * and `from` is not already an alias of a third page. Returns whether it is already so (a repeat,
 * or a merge to finish after an interruption).
 */
export function checkAliasTarget(from: PageFacts | null, into: PageFacts | null, fromId: string, intoId: string): { already: boolean } {
  if (fromId === intoId) throw new PageChangeError('same-page', 'a page cannot stand for itself');
  if (!into) throw new PageChangeError('unknown-page', `no page ${intoId}`);
  if (into.aliasOf === fromId) throw new PageChangeError('would-loop', `${intoId} is an alias of ${fromId}`);
  if (into.aliasOf) throw new PageChangeError('target-is-alias', `${intoId} is an alias of ${into.aliasOf}`);
  if (from?.aliasOf && from.aliasOf !== intoId) throw new PageChangeError('page-is-alias', `${fromId} is already an alias of ${from.aliasOf}`);
  return { already: from?.aliasOf === intoId };
}

/** A page as the console lists it (`pages/{pageId}`), read from an untrusted document. */
export interface PageListing {
  pageId: string;
  url: string;
  title: string;
  commentCount: number;
  likeCount: number;
  aliasOf: string | null;
  aliasUrl: string | null;
  announcement: Announcement | null;
  /** Last activity, epoch ms. */
  updatedAt: number;
}

type Data = Record<string, unknown>;
const millis = (value: unknown): number => {
  const t = value as { toMillis?: () => number } | null | undefined;
  return typeof t?.toMillis === 'function' ? t.toMillis() : 0;
};
const count = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.floor(value) : 0);

/** The announcement of a page document; null when there is none (or it is malformed). */
export function announcementFromDoc(value: unknown): Announcement | null {
  if (typeof value !== 'object' || value === null) return null;
  const a = value as Data;
  if (typeof a.text !== 'string' || a.text.trim() === '') return null;
  return {
    text: a.text.slice(0, ANNOUNCEMENT_MAX * 2),
    byUid: typeof a.byUid === 'string' ? a.byUid : '',
    byName: typeof a.byName === 'string' ? a.byName.slice(0, 200) : '',
    at: millis(a.at),
  };
}

/** The page a page document stands for: its `aliasOf` when that is a page id, else null. */
export function aliasFromDoc(data: Data): string | null {
  return isPageId(data.aliasOf) ? data.aliasOf : null;
}

export function pageListingFromDoc(pageId: string, data: Data): PageListing {
  return {
    pageId,
    url: typeof data.url === 'string' ? data.url : '',
    title: typeof data.title === 'string' ? data.title : '',
    commentCount: count(data.commentCount),
    likeCount: count(data.likeCount),
    aliasOf: aliasFromDoc(data),
    aliasUrl: typeof data.aliasUrl === 'string' ? data.aliasUrl : null,
    announcement: announcementFromDoc(data.announcement),
    updatedAt: millis(data.updatedAt),
  };
}

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/** Pages whose title or URL holds every word of the query (accents and case ignored); all when empty. */
export function findPages<T extends Pick<PageListing, 'title' | 'url'>>(pages: T[], query: string): T[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return pages;
  return pages.filter((page) => {
    const hay = fold(`${page.title} ${page.url}`);
    return words.every((word) => hay.includes(word));
  });
}

/**
 * A merge or move cut short (a crash, a timeout): the page is already an alias but still holds
 * comments or likes. The console offers to finish it (the same request again resumes it).
 */
export function unfinishedMove(page: Pick<PageListing, 'aliasOf' | 'commentCount' | 'likeCount'>): boolean {
  return page.aliasOf !== null && (page.commentCount > 0 || page.likeCount > 0);
}
