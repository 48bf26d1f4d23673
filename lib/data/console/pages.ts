// The comms console's Pages section: the pages Prikbord has seen (their page documents, newest
// activity first) and the `changePage` function (functions/src/pages.ts) that adds aliases, merges
// and moves threads and pins announcements. Only the console's bundle imports this file.
import { collection, limit, onSnapshot, orderBy, query, type Firestore } from 'firebase/firestore';
import { httpsCallable, type Functions } from 'firebase/functions';
import { normalizeUrl, rulesForUrl, type SiteRules } from '../../any/page-identity';
import { pageListingFromDoc, type ChangePageRequest, type ChangePageResponse, type PageChangeProblem, type PageListing } from '../../core/page-admin';

/** How many pages the console lists (by last activity); the search filters these. */
export const PAGES_LISTED = 300;

export type PageChangeFailure = PageChangeProblem | 'offline' | 'signed-out' | 'failed';
export type PageChangeOutcome = { ok: true; result: ChangePageResponse } | { ok: false; problem: PageChangeFailure };

export interface PagesApi {
  change(request: ChangePageRequest): Promise<PageChangeOutcome>;
}

export interface PagesState {
  pages: PageListing[];
  loaded: boolean;
  error: 'denied' | 'failed' | null;
}

const PROBLEMS: readonly string[] = [
  'invalid-request',
  'invalid-url',
  'not-allowed',
  'unknown-page',
  'same-page',
  'would-loop',
  'target-is-alias',
  'has-activity',
  'page-is-alias',
  'text-empty',
  'text-too-long',
] satisfies PageChangeProblem[];

/** What a failed call means for the person at the console. */
export function pageChangeFailure(error: unknown): PageChangeFailure {
  const { code, details, message } = (error ?? {}) as { code?: string; details?: unknown; message?: string };
  const reason = (details as { reason?: unknown } | undefined)?.reason ?? message;
  if (typeof reason === 'string' && PROBLEMS.includes(reason)) return reason as PageChangeProblem;
  if (code === 'functions/unauthenticated') return 'signed-out';
  if (code === 'functions/unavailable' || code === 'functions/deadline-exceeded' || (typeof navigator !== 'undefined' && navigator.onLine === false)) {
    return 'offline';
  }
  if (code === 'functions/permission-denied') return 'not-allowed';
  return 'failed';
}

/** The console's page changes through the `changePage` function. */
export function pagesApi(functions: Functions): PagesApi {
  // A merge of a long thread moves its documents in chunks: give it the function's own time.
  const call = httpsCallable<ChangePageRequest, ChangePageResponse>(functions, 'changePage', { timeout: 540_000 });
  return {
    async change(request) {
      try {
        return { ok: true, result: (await call(request)).data };
      } catch (error) {
        return { ok: false, problem: pageChangeFailure(error) };
      }
    },
  };
}

/** Follows the pages Prikbord has seen, most recent activity first. Returns a stop function. */
export function watchPages(fs: Firestore, onState: (state: PagesState) => void, max = PAGES_LISTED): () => void {
  return onSnapshot(
    query(collection(fs, 'pages'), orderBy('updatedAt', 'desc'), limit(max)),
    (snap) => onState({ pages: snap.docs.map((d) => pageListingFromDoc(d.id, d.data())), loaded: true, error: null }),
    (error) => onState({ pages: [], loaded: true, error: (error as { code?: string }).code === 'permission-denied' ? 'denied' : 'failed' }),
  );
}

/**
 * An address typed or pasted in the console, as the page identity of its site makes it (the same
 * normalisation the content script applies, so the server's page id is the one readers get); null
 * when it is not a web address of one of the organisation's intranet sites.
 */
export function intranetUrl(input: string, sites: SiteRules[]): string | null {
  const raw = input.trim();
  const rules = rulesForUrl(raw, sites);
  if (!rules) return null;
  try {
    return normalizeUrl(raw, rules);
  } catch {
    return null;
  }
}
