// Background service worker: puts the layer into intranet pages after they load
// (entrypoints/background/injection.ts), routes messages, opens the side panel, keeps the toolbar badge, and
// sends the outbox (lib/data/outbox/worker.ts), so changes leave even when no panel is open.
// Counts come from the Dexie cache the side panel keeps, refreshed here with one Firestore Lite
// read when older than a few minutes (lib/data/page-counts.ts). The raw `chrome` API is used because
// sidePanel.open must run synchronously inside the message listener to keep the user gesture,
// and sidePanel is not in webextension-polyfill's types.
import { openDb } from '../../lib/data/db';
import { INJECT_AFTER_LOAD_MS, injectIntoOpenTabs, injectLayer, intranetUrlFilters } from './injection';
import { loadOrgConfig } from '../../lib/any/org-config';
import { liteSession } from '../../lib/data/firebase/lite-client';
import { fetchPageCounts, isFresh } from '../../lib/data/page-counts';
import { RETRY_ALARM, startOutboxWorker } from '../../lib/data/outbox/worker';
import { isFromContentScript, isFromExtensionPage, parseMessage, type Message, type PageCounts, type Replies } from '../../lib/any/messages';
import type { PageIdentity } from '../../lib/any/page-identity';

export default defineBackground(() => {
  const config = loadOrgConfig();
  const db = openDb();
  const lite = liteSession(config.firebase);

  // The layer goes into each intranet document once it has loaded and rendered: its load costs
  // nothing of ours.
  // Registered synchronously at start-up, so the event that woke the worker is delivered to it.
  chrome.webNavigation.onCompleted.addListener(
    (details) => void setTimeout(() => void injectLayer(chrome.scripting, details.tabId, details.frameId), INJECT_AFTER_LOAD_MS),
    { url: intranetUrlFilters(config) },
  );
  chrome.runtime.onInstalled.addListener(() => {
    void chrome.tabs.query({}).then((tabs) => injectIntoOpenTabs(tabs, chrome.scripting, config)).catch(console.error);
  });

  // Whatever woke the worker, send what a previous life (or a closed panel) left in the outbox.
  const outbox = startOutboxWorker(db, lite, (at) => void (at === null ? chrome.alarms.clear(RETRY_ALARM) : chrome.alarms.create(RETRY_ALARM, { when: at })));
  void outbox.kick().catch(console.error);
  chrome.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === RETRY_ALARM) void outbox.kick().catch(console.error);
  });

  // The toolbar button opens the panel for the current tab.
  void chrome.sidePanel.setPanelBehavior({ openPanelOnActionClick: true }).catch(console.error);

  /** A tab's page and the frame that reported it (0, or a frameset's content frame). */
  type TabPage = PageIdentity & { frameId: number };

  /** Which page each tab shows (session storage: survives the worker being stopped, not the browser). */
  const tabPages = {
    async get(): Promise<Record<string, TabPage>> {
      return ((await chrome.storage.session.get('tabPages')).tabPages as Record<string, TabPage> | undefined) ?? {};
    },
    async set(tabId: number, page: TabPage | null): Promise<void> {
      const map = await tabPages.get();
      if (page) map[tabId] = page;
      else delete map[tabId];
      await chrome.storage.session.set({ tabPages: map });
    },
  };

  /** The badge shows the comment count (its room is four characters); the launcher shows both. */
  async function setBadge(tabId: number, counts: PageCounts | null): Promise<void> {
    await chrome.action.setBadgeText({ tabId, text: counts?.comments ? String(counts.comments) : '' }).catch(() => undefined);
  }

  async function showCounts(tabId: number, page: TabPage, counts: PageCounts | null): Promise<void> {
    await setBadge(tabId, counts);
    const message: Message = { type: 'page:count', pageId: page.pageId, counts };
    await chrome.tabs.sendMessage(tabId, message, { frameId: page.frameId }).catch(() => undefined);
  }

  async function cachedCounts(pageId: string): Promise<PageCounts | null> {
    const row = await db.pages.get(pageId);
    return row?.commentCount == null ? null : { comments: row.commentCount, likes: row.likeCount ?? 0 };
  }

  /** Re-reads stale or unknown counts from Firestore, caches and shows them. */
  async function refreshCounts(tabId: number, page: TabPage, force = false): Promise<void> {
    const known = await db.pages.get(page.pageId);
    if (!force && isFresh(known?.countFetchedAt, Date.now())) return;
    const counts = await fetchPageCounts(lite, page.pageId);
    if (counts === null) return;
    const fields = { commentCount: counts.comments, likeCount: counts.likes, countFetchedAt: Date.now() };
    if (known) await db.pages.update(page.pageId, fields);
    else await db.pages.add({ pageId: page.pageId, url: page.url, title: page.title, ...fields });
    await showCounts(tabId, page, counts);
  }

  chrome.runtime.onMessage.addListener((raw, sender, sendResponse) => {
    const message = parseMessage(raw);
    if (!message) return false;
    const id = chrome.runtime.id;

    if (message.type === 'panel:open' && isFromContentScript(sender, id)) {
      // Synchronously, before any await: otherwise Chrome no longer counts it as the user's click.
      chrome.sidePanel.open({ tabId: sender.tab!.id! }).catch(console.error);
      return false;
    }

    if (message.type === 'page:report' && isFromContentScript(sender, id)) {
      const tabId = sender.tab!.id!;
      const page: TabPage = { ...message.page, frameId: sender.frameId ?? 0 };
      void (async () => {
        await tabPages.set(tabId, page);
        const counts = await cachedCounts(message.page.pageId);
        await setBadge(tabId, counts);
        const reply: Replies['page:report'] = { counts };
        sendResponse(reply);
        await refreshCounts(tabId, page);
      })();
      return true; // answered asynchronously
    }

    if (message.type === 'auth:changed' && isFromExtensionPage(sender, id)) {
      // A new session (or none): reload it, then show the counts the open intranet tabs now may see.
      void (async () => {
        // Every panel reports its session when it opens; only a real change is worth re-reading.
        const { countsUid } = await chrome.storage.session.get('countsUid');
        if (countsUid === message.uid) return;
        await chrome.storage.session.set({ countsUid: message.uid });
        await outbox.reset();
        void outbox.kick().catch(console.error);
        for (const [tabId, page] of Object.entries(await tabPages.get())) await refreshCounts(Number(tabId), page, true);
      })();
      return false;
    }

    if (message.type === 'outbox:kick' && isFromExtensionPage(sender, id)) {
      void outbox.kick(message.now).catch(console.error);
      return false;
    }

    if (message.type === 'count:changed' && isFromExtensionPage(sender, id)) {
      void (async () => {
        const map = await tabPages.get();
        for (const [tabId, page] of Object.entries(map)) {
          if (page.pageId === message.pageId) await showCounts(Number(tabId), page, message.counts);
        }
      })();
      return false;
    }
    return false;
  });

  chrome.tabs.onRemoved.addListener((tabId) => void tabPages.set(tabId, null));
});
