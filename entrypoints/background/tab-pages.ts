// Which intranet page each tab shows, and which of its frames reported it: what the badge, the
// launcher's count and a sign-in refresh need to know about open tabs. Kept in
// chrome.storage.session, not in memory: Chrome stops an idle worker after 30 s, and the next
// message (a count:changed from the panel) must still find every tab. Session storage lives as
// long as the browser session, which is as long as tab ids mean anything.
//
// The record is one storage entry, changed by read-modify-write; changes are made one after the
// other (there is one worker), else tabs reporting at the same time would overwrite each other.
import type { PageIdentity } from '../../lib/any/page-identity';

/** A tab's page and the frame that reported it (0, or a frameset's content frame). */
export type TabPage = PageIdentity & { frameId: number };

/** The part of a chrome.storage area used here (chrome.storage.session satisfies it). */
export interface SessionArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/** The tab → page record. */
export interface TabPages {
  /** Remembers that `tabId` shows `page` (replacing what it showed before). */
  remember(tabId: number, page: TabPage): Promise<void>;
  /** Forgets a tab (it closed). */
  forget(tabId: number): Promise<void>;
  /** Every remembered tab with its page. */
  all(): Promise<Array<[tabId: number, page: TabPage]>>;
}

/** The storage key of the whole map (one entry, keyed by tab id). */
const KEY = 'tabPages';

/** The tab → page record in `storage` (chrome.storage.session in the worker). */
export function tabPages(storage: SessionArea): TabPages {
  async function read(): Promise<Record<string, TabPage>> {
    return ((await storage.get(KEY))[KEY] as Record<string, TabPage> | undefined) ?? {};
  }
  let lastWrite: Promise<void> = Promise.resolve();
  function write(tabId: number, page: TabPage | null): Promise<void> {
    const change = async () => {
      const map = await read();
      if (page) map[tabId] = page;
      else delete map[tabId];
      await storage.set({ [KEY]: map });
    };
    // After the previous change, whether it worked or not; the caller still sees this one's failure.
    const done = lastWrite.then(change, change);
    lastWrite = done.catch(() => undefined);
    return done;
  }
  return {
    remember: (tabId, page) => write(tabId, page),
    forget: (tabId) => write(tabId, null),
    async all() {
      return Object.entries(await read()).map(([tabId, page]) => [Number(tabId), page]);
    },
  };
}
