// Which layer each intranet tab gets (off / read only / on, lib/core/rollout.ts), answered by the
// worker so the content script stays tiny and never loads the settings itself: it asks with its
// page:report and is told again (page:mode) whenever the answer changes.
//
// The answer comes from the cached rollout (lib/data/rollout/rollout-cache.ts) at once. A stale
// copy (older than ROLLOUT_MAX_AGE_MS) is re-read in the background (one read) and the tabs are
// told if it changed; with no copy at all the worker reads first, and when it cannot (offline,
// refused) the answer is "off": closed, not open. Any new copy in storage — the worker's own, or
// one an extension page wrote from its live listener — is told to every open tab at once.
//
// Someone who has never signed in on this browser is the one exception: only members may read
// rollout, so nothing is known yet, and the launcher shows (read only: it opens the sign-in and
// shows nothing else) so that people can sign in at all; once signed in, rollout decides.
import type { Message } from '../../lib/any/messages';
import type { PageIdentity } from '../../lib/any/page-identity';
import { accessFor, type LayerMode, type Rollout, type RolloutPerson } from '../../lib/core/rollout';
import { readCachedRollout, ROLLOUT_MAX_AGE_MS, writeCachedRollout, type LocalArea } from '../../lib/data/rollout/rollout-cache';
import type { TabPages } from './tab-pages';

export interface TabAccess {
  /** The layer mode for a page in a tab (see the top). */
  modeFor(page: PageIdentity): Promise<LayerMode>;
  /** The mode, and whether anyone is signed in (signed out, the launcher invites to sign in). */
  layerFor(page: PageIdentity): Promise<{ mode: LayerMode; signedIn: boolean }>;
  /** Tells every open tab its page's mode (after rollout changed). */
  tellTabs(): Promise<void>;
  /** Someone else signed in (or out): their department is read afresh, the tabs told again. */
  personChanged(): Promise<void>;
}

export interface TabAccessDeps {
  area: LocalArea;
  /** The storage key of this project's rollout (rolloutKey). */
  key: string;
  /** One read of rollout; 'signed-out', or null when unreachable (fetchRollout). */
  fetch(): Promise<Rollout | 'signed-out' | null>;
  /** One read of the signed-in person's department; null when signed out or unreachable. */
  fetchPerson(): Promise<RolloutPerson | null>;
  /** Whether someone is signed in in this browser (the worker's session). */
  signedIn(): Promise<boolean>;
  tabs: TabPages;
  send(tabId: number, message: Message, options: { frameId: number }): Promise<unknown>;
  now(): number;
}

/** The key beside the rollout's where the signed-in person's department is kept. */
const personKey = (key: string) => `${key}:person`;

export function tabAccess({ area, key, fetch, fetchPerson, signedIn, tabs, send, now }: TabAccessDeps): TabAccess {
  let refreshing: Promise<Rollout | 'signed-out' | null> | null = null;

  /** Reads rollout once (concurrent asks share the read) and stores it; the storage listener tells the tabs. */
  function refresh(): Promise<Rollout | 'signed-out' | null> {
    refreshing ??= (async () => {
      try {
        const rollout = await fetch();
        if (rollout && rollout !== 'signed-out') await writeCachedRollout(area, key, rollout, now());
        return rollout;
      } finally {
        refreshing = null;
      }
    })();
    return refreshing;
  }

  async function person(): Promise<RolloutPerson | null> {
    const stored = (await area.get(personKey(key)))[personKey(key)] as RolloutPerson | undefined;
    if (stored && Array.isArray(stored.departmentPath)) return stored;
    const fetched = await fetchPerson();
    if (fetched) await area.set({ [personKey(key)]: fetched });
    return fetched;
  }

  async function modeFor(page: PageIdentity): Promise<LayerMode> {
    const cached = await readCachedRollout(area, key);
    if (cached && now() - cached.fetchedAt >= ROLLOUT_MAX_AGE_MS) void refresh().catch(console.error);
    const rollout = cached?.rollout ?? (await refresh());
    if (rollout === 'signed-out') return 'read';
    if (!rollout) return 'off';
    // Without a known person a pilot does not let them in (accessFor with no uid, no department).
    return accessFor(rollout, page.url, (await person()) ?? { uid: null, departmentPath: [] }, now()).mode;
  }

  async function layerFor(page: PageIdentity): Promise<{ mode: LayerMode; signedIn: boolean }> {
    const [mode, someone] = await Promise.all([modeFor(page), signedIn()]);
    return { mode, signedIn: someone };
  }

  async function tellTabs(): Promise<void> {
    for (const [tabId, page] of await tabs.all()) {
      const message: Message = { type: 'page:mode', pageId: page.pageId, ...(await layerFor(page)) };
      await send(tabId, message, { frameId: page.frameId }).catch(() => undefined);
    }
  }

  return {
    modeFor,
    layerFor,
    tellTabs,
    async personChanged() {
      await area.set({ [personKey(key)]: null });
      await tellTabs();
    },
  };
}
