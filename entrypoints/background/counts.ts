// The counts of the pages open in tabs: served at once from the cache (count-cache.ts), then
// re-read from Firestore (one document read, lib/data/page-counts.ts) when the cached count is
// older than a few minutes or unknown, cached and shown. Also the two messages that are about
// counts: a content script's page:report (answered with the cached counts) and the panel's
// count:changed (shown in every tab of that page).
import { isFresh } from '../../lib/data/page-counts';
import type { PageCounts, PageMode } from '../../lib/any/messages';
import type { CountCache } from './count-cache';
import type { CountDisplay } from './count-display';
import type { HandlerMap } from './router';
import type { TabPage, TabPages } from './tab-pages';

/** The counts of the pages open in tabs. */
export interface TabCounts {
  /** The page's cached counts, null when unknown (no server read). */
  cached(pageId: string): Promise<PageCounts | null>;
  /** Re-reads the page's counts when stale or unknown (always with `force`), caches and shows them. */
  refresh(tabId: number, page: TabPage, force?: boolean): Promise<void>;
  /** Re-reads and shows the counts of every open tab's page (after a sign-in or sign-out). */
  refreshAll(): Promise<void>;
}

/** What tabCounts works with. */
export interface TabCountsDeps {
  cache: CountCache;
  /** One server read of a page's counts; null when signed out or unreachable (fetchPageCounts). */
  fetch(pageId: string): Promise<PageCounts | null>;
  display: CountDisplay;
  tabs: TabPages;
  now(): number;
}

/** The counts of the pages open in tabs, from `cache`, refreshed with `fetch`. */
export function tabCounts({ cache, fetch, display, tabs, now }: TabCountsDeps): TabCounts {
  async function refresh(tabId: number, page: TabPage, force = false): Promise<void> {
    const known = await cache.read(page.pageId);
    if (!force && isFresh(known.fetchedAt, now())) return;
    const counts = await fetch(page.pageId);
    if (counts === null) return;
    await cache.write(page, counts, now());
    await display.show(tabId, page, counts);
  }
  return {
    async cached(pageId) {
      return (await cache.read(pageId)).counts;
    },
    refresh,
    async refreshAll() {
      for (const [tabId, page] of await tabs.all()) await refresh(tabId, page, true);
    },
  };
}

/**
 * page:report (a tab shows a page: remember it, answer with the cached counts, the layer's mode
 * for it and whether someone is signed in, then refresh), page:error (a tab shows an HTTP error
 * page: forget what it showed, no badge) and count:changed. Signed out, no counts are given at
 * all (only members may read them; a cached count is from someone's earlier session).
 */
export function countHandlers(
  tabs: TabPages,
  counts: TabCounts,
  display: CountDisplay,
  layerFor: (page: TabPage) => Promise<{ mode: PageMode; signedIn: boolean }>,
): Pick<HandlerMap, 'page:report' | 'page:error' | 'count:changed'> {
  return {
    'page:report': {
      from: 'content script',
      handle(message, { tabId, frameId }, respond) {
        const page: TabPage = { pageId: message.page.pageId, url: message.page.url, title: message.page.title, frameId };
        void (async () => {
          await tabs.remember(tabId, page);
          const [cached, { mode, signedIn }] = await Promise.all([counts.cached(page.pageId), layerFor(page)]);
          const shown = mode === 'off' || !signedIn ? null : cached;
          await display.setBadge(tabId, shown);
          respond({ counts: shown, mode, signedIn });
          if (mode === 'off' || !signedIn) return;
          await counts.refresh(tabId, page);
        })().catch(console.error);
        return 'answers later';
      },
    },
    'page:error': {
      from: 'content script',
      handle(_message, { tabId }) {
        void (async () => {
          await tabs.forget(tabId);
          await display.setBadge(tabId, null);
        })().catch(console.error);
      },
    },
    'count:changed': {
      from: 'extension page',
      handle(message) {
        void (async () => {
          for (const [tabId, page] of await tabs.all()) {
            if (page.pageId === message.pageId) await display.show(tabId, page, message.counts);
          }
        })().catch(console.error);
      },
    },
  };
}
