// The page counts the worker has cached: the `pages` table of the extension's Dexie database,
// which the side panel keeps too (it writes the counts it sees live). The worker reads a page's
// counts there to answer a page:report at once, and writes what it re-read from the server.
import type { PrikbordDb } from '../../lib/data/db';
import type { PageCounts } from '../../lib/any/messages';
import type { PageIdentity } from '../../lib/any/page-identity';

/** A page's counts as cached, and when they were read from the server (undefined: never by us). */
export interface CachedCounts {
  counts: PageCounts | null;
  fetchedAt: number | undefined;
}

/** The count cache (the `pages` table; dexieCountCache). */
export interface CountCache {
  /** The page's cached counts; null counts when none were ever read. */
  read(pageId: string): Promise<CachedCounts>;
  /** Stores counts just read from the server, creating the page's row when there is none. */
  write(page: PageIdentity, counts: PageCounts, fetchedAt: number): Promise<void>;
}

/** The count cache in the extension's Dexie database, shared with the side panel. */
export function dexieCountCache(db: PrikbordDb): CountCache {
  return {
    async read(pageId) {
      const row = await db.pages.get(pageId);
      const counts = row?.commentCount == null ? null : { comments: row.commentCount, likes: row.likeCount ?? 0 };
      return { counts, fetchedAt: row?.countFetchedAt };
    },
    async write(page, counts, fetchedAt) {
      const fields = { commentCount: counts.comments, likeCount: counts.likes, countFetchedAt: fetchedAt };
      await db.transaction('rw', db.pages, async () => {
        if (await db.pages.get(page.pageId)) await db.pages.update(page.pageId, fields);
        else await db.pages.add({ pageId: page.pageId, url: page.url, title: page.title, ...fields });
      });
    },
  };
}
