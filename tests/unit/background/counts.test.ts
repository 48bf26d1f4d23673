// The counts of the pages open in tabs (entrypoints/background/counts.ts): when the server is
// asked again, and the page:report and count:changed messages.
import { describe, expect, it } from 'vitest';
import type { CachedCounts, CountCache } from '../../../entrypoints/background/count-cache';
import { countHandlers, tabCounts } from '../../../entrypoints/background/counts';
import type { CountDisplay } from '../../../entrypoints/background/count-display';
import { messageRouter } from '../../../entrypoints/background/router';
import { tabPages, type TabPage, type TabPages } from '../../../entrypoints/background/tab-pages';
import type { PageCounts, PageMode, SenderInfo } from '../../../lib/any/messages';
import type { PageIdentity } from '../../../lib/any/page-identity';
import { COUNT_MAX_AGE_MS } from '../../../lib/data/page-counts';
import { contentScript, EXT, extensionPage, FakeSessionArea, pageA, pageB, settle } from './fakes';

const NOW = 1_800_000_000_000;
const STALE = NOW - COUNT_MAX_AGE_MS;
const FRESH = NOW - COUNT_MAX_AGE_MS + 1;

/** The count cache in memory. */
class FakeCountCache implements CountCache {
  readonly rows = new Map<string, CachedCounts & { page?: PageIdentity }>();
  async read(pageId: string): Promise<CachedCounts> {
    const row = this.rows.get(pageId);
    return { counts: row?.counts ?? null, fetchedAt: row?.fetchedAt };
  }
  async write(page: PageIdentity, counts: PageCounts, fetchedAt: number): Promise<void> {
    this.rows.set(page.pageId, { page, counts, fetchedAt });
  }
}

/** The badge and the launchers, recorded in order. */
class FakeDisplay implements CountDisplay {
  readonly shown: Array<{ badge: number; counts: PageCounts | null } | { show: number; page: TabPage; counts: PageCounts | null }> = [];
  async setBadge(tabId: number, counts: PageCounts | null): Promise<void> {
    this.shown.push({ badge: tabId, counts });
  }
  async show(tabId: number, page: TabPage, counts: PageCounts | null): Promise<void> {
    this.shown.push({ show: tabId, page, counts });
  }
}

/** Firestore's answer to a count read, given by the test when it likes (a read is slow). */
class FakeServer {
  readonly reads: string[] = [];
  private answers: Array<(counts: PageCounts | null) => void> = [];
  fetch = (pageId: string): Promise<PageCounts | null> => {
    this.reads.push(pageId);
    return new Promise((resolve) => this.answers.push(resolve));
  };
  /** Answers the oldest read still waiting. */
  async answer(counts: PageCounts | null): Promise<void> {
    this.answers.shift()!(counts);
    await settle();
  }
}

function setup(mode: PageMode = 'on', signedIn = true) {
  const cache = new FakeCountCache();
  const display = new FakeDisplay();
  const server = new FakeServer();
  const tabs: TabPages = tabPages(new FakeSessionArea());
  const counts = tabCounts({ cache, fetch: server.fetch, display, tabs, now: () => NOW });
  const replies: unknown[] = [];
  const listener = messageRouter(
    EXT,
    countHandlers(tabs, counts, display, async () => ({ mode, signedIn })),
  );
  const send = (raw: unknown, sender: SenderInfo) => listener(raw, sender, (reply) => replies.push(reply));
  return { cache, display, server, tabs, counts, replies, send };
}

describe('refreshing a tab’s counts', () => {
  const page: TabPage = { ...pageA, frameId: 0 };

  it('serves a fresh count from the cache without a server read', async () => {
    const { cache, server, counts } = setup();
    await cache.write(pageA, { comments: 1, likes: 0 }, FRESH);
    await counts.refresh(7, page);
    expect(server.reads).toEqual([]);
  });

  it('re-reads a stale count, caches it and shows it in the tab', async () => {
    const { cache, display, server, counts } = setup();
    await cache.write(pageA, { comments: 1, likes: 0 }, STALE);
    const done = counts.refresh(7, page);
    await settle();
    await server.answer({ comments: 4, likes: 2 });
    await done;
    expect(server.reads).toEqual([pageA.pageId]);
    expect(await cache.read(pageA.pageId)).toEqual({ counts: { comments: 4, likes: 2 }, fetchedAt: NOW });
    expect(display.shown).toEqual([{ show: 7, page, counts: { comments: 4, likes: 2 } }]);
  });

  it('reads a page never counted', async () => {
    const { server, counts } = setup();
    void counts.refresh(7, page);
    await settle();
    expect(server.reads).toEqual([pageA.pageId]);
  });

  it('re-reads even a fresh count when forced', async () => {
    const { cache, server, counts } = setup();
    await cache.write(pageA, { comments: 1, likes: 0 }, FRESH);
    void counts.refresh(7, page, true);
    await settle();
    expect(server.reads).toEqual([pageA.pageId]);
  });

  it('leaves the cache and the tab alone when the read gives nothing (signed out, offline)', async () => {
    const { cache, display, server, counts } = setup();
    await cache.write(pageA, { comments: 1, likes: 0 }, STALE);
    const done = counts.refresh(7, page);
    await settle();
    await server.answer(null);
    await done;
    expect(await cache.read(pageA.pageId)).toEqual({ counts: { comments: 1, likes: 0 }, fetchedAt: STALE });
    expect(display.shown).toEqual([]);
  });

  it('re-reads the page of every open tab when asked for all', async () => {
    const { cache, display, server, tabs, counts } = setup();
    await cache.write(pageA, { comments: 1, likes: 0 }, FRESH);
    await tabs.remember(7, { ...pageA, frameId: 0 });
    await tabs.remember(8, { ...pageB, frameId: 2 });
    const done = counts.refreshAll();
    await settle();
    await server.answer({ comments: 3, likes: 0 });
    await server.answer({ comments: 0, likes: 1 });
    await done;
    expect(server.reads).toEqual([pageA.pageId, pageB.pageId]);
    expect(display.shown).toEqual([
      { show: 7, page: { ...pageA, frameId: 0 }, counts: { comments: 3, likes: 0 } },
      { show: 8, page: { ...pageB, frameId: 2 }, counts: { comments: 0, likes: 1 } },
    ]);
  });
});

describe('page:report', () => {
  it('answers page:report with the cached counts and then refreshes stale ones', async () => {
    const { cache, display, server, replies, send } = setup();
    await cache.write(pageA, { comments: 2, likes: 1 }, STALE);

    expect(send({ type: 'page:report', page: pageA }, contentScript(7, 3))).toBe(true); // answered later
    await settle();
    expect(replies).toEqual([{ counts: { comments: 2, likes: 1 }, mode: 'on', signedIn: true }]);
    expect(display.shown).toEqual([{ badge: 7, counts: { comments: 2, likes: 1 } }]);
    expect(server.reads).toEqual([pageA.pageId]); // after the answer, not before it

    await server.answer({ comments: 5, likes: 1 });
    expect(display.shown).toEqual([
      { badge: 7, counts: { comments: 2, likes: 1 } },
      { show: 7, page: { ...pageA, frameId: 3 }, counts: { comments: 5, likes: 1 } },
    ]);
  });

  it('answers with no counts for a page never counted, and clears the badge', async () => {
    const { display, replies, send } = setup();
    send({ type: 'page:report', page: pageA }, contentScript(7));
    await settle();
    expect(replies).toEqual([{ counts: null, mode: 'on', signedIn: true }]);
    expect(display.shown).toEqual([{ badge: 7, counts: null }]);
  });

  it('answers from the cache alone when the cached count is fresh', async () => {
    const { cache, server, replies, send } = setup();
    await cache.write(pageA, { comments: 2, likes: 1 }, FRESH);
    send({ type: 'page:report', page: pageA }, contentScript(7));
    await settle();
    expect(replies).toEqual([{ counts: { comments: 2, likes: 1 }, mode: 'on', signedIn: true }]);
    expect(server.reads).toEqual([]);
  });

  it('where the layer is off for this person: answers "off", shows no badge and reads no counts', async () => {
    const { cache, display, server, replies, send } = setup('off');
    await cache.write(pageA, { comments: 2, likes: 1 }, STALE);
    send({ type: 'page:report', page: pageA }, contentScript(7));
    await settle();
    expect(replies).toEqual([{ counts: null, mode: 'off', signedIn: true }]);
    expect(display.shown).toEqual([{ badge: 7, counts: null }]);
    expect(server.reads).toEqual([]);
  });

  it('signed out: answers so (the launcher invites to sign in), with no counts, no badge and no read (members only)', async () => {
    const { cache, display, server, replies, send } = setup('read', false);
    await cache.write(pageA, { comments: 2, likes: 1 }, STALE);
    send({ type: 'page:report', page: pageA }, contentScript(7));
    await settle();
    expect(replies).toEqual([{ counts: null, mode: 'read', signedIn: false }]);
    expect(display.shown).toEqual([{ badge: 7, counts: null }]);
    expect(server.reads).toEqual([]);
  });

  it('an error page in the tab: what the tab showed is forgotten and its badge cleared', async () => {
    const { tabs, display, send } = setup();
    send({ type: 'page:report', page: pageA }, contentScript(7));
    await settle();
    send({ type: 'page:error', status: 404 }, contentScript(7));
    await settle();
    expect(await tabs.all()).toEqual([]);
    expect(display.shown.at(-1)).toEqual({ badge: 7, counts: null });
  });

  it('remembers which page the tab shows and which frame reported it', async () => {
    const { tabs, send } = setup();
    send({ type: 'page:report', page: pageA }, contentScript(7, 3));
    await settle();
    expect(await tabs.all()).toEqual([[7, { ...pageA, frameId: 3 }]]);
  });

  it('drops a page:report from an extension page', async () => {
    const { tabs, display, replies, send } = setup();
    expect(send({ type: 'page:report', page: pageA }, extensionPage)).toBe(false);
    await settle();
    expect(await tabs.all()).toEqual([]);
    expect(display.shown).toEqual([]);
    expect(replies).toEqual([]);
  });
});

describe('count:changed', () => {
  it('count:changed updates every tab that shows that page, in the frame each reported it from', async () => {
    const { tabs, display, send } = setup();
    await tabs.remember(7, { ...pageA, frameId: 0 });
    await tabs.remember(8, { ...pageB, frameId: 0 });
    await tabs.remember(9, { ...pageA, frameId: 2 });
    expect(send({ type: 'count:changed', pageId: pageA.pageId, counts: { comments: 6, likes: 2 } }, extensionPage)).toBe(false);
    await settle();
    expect(display.shown).toEqual([
      { show: 7, page: { ...pageA, frameId: 0 }, counts: { comments: 6, likes: 2 } },
      { show: 9, page: { ...pageA, frameId: 2 }, counts: { comments: 6, likes: 2 } },
    ]);
  });

  it('drops a count:changed from a content script (a page cannot set its own count)', async () => {
    const { tabs, display, send } = setup();
    await tabs.remember(7, { ...pageA, frameId: 0 });
    send({ type: 'count:changed', pageId: pageA.pageId, counts: { comments: 999, likes: 0 } }, contentScript(7));
    await settle();
    expect(display.shown).toEqual([]);
  });
});
