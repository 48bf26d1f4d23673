// Every runtime message between the extension's contexts, typed in one place and validated where
// it is received. Imported by the content script, the background and the side panel.
//
// Directions:
//   content  → background, panel   page:report   (this tab shows this page, with its headings; sent on load and route change)
//   content  → background, panel   page:error    (this tab shows an HTTP error page: no thread here)
//   content  → background          panel:open    (the launcher was clicked)
//   panel    → content             page:identify (which page is this tab showing?)
//   panel    → background          count:changed (a page's comment and like counts, for badge and launcher)
//   panel    → background          auth:changed  (someone signed in or out: reload the session)
//   panel    → background          outbox:kick   (changes are waiting: send them; `now` skips the backoff)
//   background → content           page:count    (show these counts on the launcher)
//   background → content           page:mode     (the layer for this page is now off / read only / on; signed in or not)
import type { PageIdentity } from './page-identity';

/** The layer on a page for this person (lib/core/rollout.ts LayerMode; repeated here so the content script imports no rollout code). */
export type PageMode = 'off' | 'read' | 'on';
const PAGE_MODES: readonly unknown[] = ['off', 'read', 'on'];

/** What the launcher and badge show for a page: its live comments and the likes of the page itself. */
export interface PageCounts {
  comments: number;
  likes: number;
}

/** At most this many headings of at most HEADING_LENGTH characters cross with a page report (entrypoints/content/headings.ts caps them). */
export const MAX_REPORTED_HEADINGS = 12;
export const HEADING_LENGTH = 120;

export type Message =
  | { type: 'page:report'; page: PageIdentity; headings?: string[] }
  | { type: 'page:error'; status: number }
  | { type: 'panel:open' }
  | { type: 'page:identify' }
  | { type: 'count:changed'; pageId: string; counts: PageCounts }
  | { type: 'auth:changed'; uid: string | null }
  | { type: 'outbox:kick'; now: boolean }
  | { type: 'page:count'; pageId: string; counts: PageCounts | null }
  | { type: 'page:mode'; pageId: string; mode: PageMode; signedIn: boolean }
  /** The panel knows the person's unread notifications: the worker shows them on the badge. */
  | { type: 'inbox:unread'; uid: string; unread: number };

/** Answer types for the messages that expect one. */
export interface Replies {
  /** `signedIn` false: the launcher invites to sign in and shows no counts (members-only). */
  'page:report': { counts: PageCounts | null; mode: PageMode; signedIn: boolean };
  /** The page with its headings, or the HTTP status of an error page (no thread there). */
  'page:identify': (PageIdentity & { headings?: string[] }) | { errorStatus: number };
}

const PAGE_ID = /^p_[0-9a-f]{24}$/;

function isPage(value: unknown): value is PageIdentity {
  if (typeof value !== 'object' || value === null) return false;
  const page = value as Record<string, unknown>;
  return (
    typeof page.pageId === 'string' &&
    PAGE_ID.test(page.pageId) &&
    typeof page.url === 'string' &&
    page.url.length <= 2048 &&
    /^https?:\/\//.test(page.url) &&
    typeof page.title === 'string' &&
    page.title.length <= 300
  );
}

function isHeadings(value: unknown): value is string[] {
  return (
    Array.isArray(value) && value.length <= MAX_REPORTED_HEADINGS && value.every((heading) => typeof heading === 'string' && heading.length <= HEADING_LENGTH)
  );
}

/** An HTTP error status (4xx, 5xx). */
function isErrorStatus(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 400 && value <= 599;
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

function isCounts(value: unknown): value is PageCounts {
  if (typeof value !== 'object' || value === null) return false;
  const counts = value as Record<string, unknown>;
  return isCount(counts.comments) && isCount(counts.likes);
}

/** Returns the message if `raw` is a well-formed Message, else null (the receiver then ignores it). */
export function parseMessage(raw: unknown): Message | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const msg = raw as Record<string, unknown>;
  switch (msg.type) {
    case 'page:report':
      if (!isPage(msg.page)) return null;
      // Headings that fail the check are dropped, not the report: the thread does not depend on them.
      return isHeadings(msg.headings) ? { type: 'page:report', page: msg.page, headings: [...msg.headings] } : { type: 'page:report', page: msg.page };
    case 'page:error':
      return isErrorStatus(msg.status) ? { type: 'page:error', status: msg.status } : null;
    case 'panel:open':
      return { type: 'panel:open' };
    case 'page:identify':
      return { type: 'page:identify' };
    case 'auth:changed':
      return msg.uid === null || (typeof msg.uid === 'string' && msg.uid.length <= 128) ? { type: 'auth:changed', uid: msg.uid } : null;
    case 'outbox:kick':
      return { type: 'outbox:kick', now: msg.now === true };
    case 'count:changed':
      return typeof msg.pageId === 'string' && PAGE_ID.test(msg.pageId) && isCounts(msg.counts)
        ? { type: 'count:changed', pageId: msg.pageId, counts: { comments: msg.counts.comments, likes: msg.counts.likes } }
        : null;
    case 'page:count':
      return typeof msg.pageId === 'string' && PAGE_ID.test(msg.pageId) && (msg.counts === null || isCounts(msg.counts))
        ? { type: 'page:count', pageId: msg.pageId, counts: msg.counts && { comments: msg.counts.comments, likes: msg.counts.likes } }
        : null;
    case 'inbox:unread':
      return typeof msg.uid === 'string' && msg.uid.length <= 128 && isCount(msg.unread)
        ? { type: 'inbox:unread', uid: msg.uid, unread: msg.unread as number }
        : null;
    case 'page:mode':
      return typeof msg.pageId === 'string' && PAGE_ID.test(msg.pageId) && PAGE_MODES.includes(msg.mode)
        ? { type: 'page:mode', pageId: msg.pageId, mode: msg.mode as PageMode, signedIn: msg.signedIn !== false }
        : null;
    default:
      return null;
  }
}

/** Validates an answer to page:identify (it crosses from a content script, so it is checked too). */
export function parsePageIdentity(raw: unknown): PageIdentity | null {
  return isPage(raw) ? { pageId: raw.pageId, url: raw.url, title: raw.title } : null;
}

/** What a tab's answer to page:identify says: its page and headings, an error page, or nothing usable. */
export type IdentifyAnswer = { page: PageIdentity; headings: string[] } | { errorStatus: number } | null;

/** Validates an answer to page:identify: a page (with its headings, if well-formed) or an error page's status. */
export function parseIdentifyAnswer(raw: unknown): IdentifyAnswer {
  const page = parsePageIdentity(raw);
  if (page) {
    const headings = (raw as { headings?: unknown }).headings;
    return { page, headings: isHeadings(headings) ? [...headings] : [] };
  }
  const status = (raw as { errorStatus?: unknown } | null)?.errorStatus;
  return isErrorStatus(status) ? { errorStatus: status } : null;
}

/** The parts of a runtime sender the receivers check. */
export interface SenderInfo {
  id?: string;
  tab?: { id?: number };
  frameId?: number;
  url?: string;
}

/**
 * True for a message from our own content script in a tab. Any frame: in a frameset the content
 * frame is the one that reports (entrypoints/content/frame-role.ts); the receiver remembers
 * `frameId` to answer that frame.
 */
export function isFromContentScript(sender: SenderInfo, extensionId: string): boolean {
  return sender.id === extensionId && typeof sender.tab?.id === 'number' && typeof sender.frameId === 'number';
}

/** True for a message from one of our own extension pages (side panel, options; also when opened in a tab). */
export function isFromExtensionPage(sender: SenderInfo, extensionId: string): boolean {
  return sender.id === extensionId && (sender.url ?? '').startsWith(`chrome-extension://${extensionId}/`);
}
