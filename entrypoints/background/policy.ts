// What the worker does when enterprise policy changes (lib/any/policy-watch.ts reads it,
// lib/any/managed-policy.ts validates it): the project-bound part of the worker — the Dexie
// database, the Firebase Lite session, the outbox sender and the count cache — runs for the
// Firebase project in effect and is rebuilt when policy names another one, and is not running at
// all while policy has switched Prikbord off; origins added by policy get the layer in tabs already
// open; the kill switch clears every badge and launcher count.
//
// Why rebuild in place rather than chrome.runtime.reload(): a reload closes the person's side
// panel, cuts every launcher already on a page off from the extension until that page is loaded
// again, and Chrome throttles extensions that reload repeatedly. Rebuilding costs a new Dexie
// handle and Firebase app in the worker; the side panel reloads its own document
// (entrypoints/sidepanel/main.tsx), and content scripts take nothing from Firebase.
//
// The listeners that need these services are registered in the worker's first turn (index.ts) and
// reach them through `ProjectSwitch`, which waits for the first policy outcome (the remembered
// copy: a few ms) and then for the services in effect. Changes are applied one after the other.
import type { InboxBadge } from './inbox';
import type { PageCounts } from '../../lib/any/messages';
import { intranetOrigins, projectKey, type PolicyOutcome } from '../../lib/any/managed-policy';
import { ignoredLine } from '../../lib/any/policy-text';
import type { OrgConfig } from '../../lib/any/org-config';
import type { CountDisplay } from './count-display';
import type { TabCounts } from './counts';
import { injectIntoOpenTabs, type Injector, type TabQuery } from './injection';
import type { Outbox } from './outbox-wakeups';
import type { TabAccess } from './rollout';
import type { TabPage, TabPages } from './tab-pages';

/** The project-bound part of the worker, for one Firebase project. */
export interface ProjectServices {
  outbox: Outbox;
  counts: TabCounts;
  access: TabAccess;
  /** The storage key of this project's cached rollout (lib/data/rollout/rollout-cache.ts). */
  rolloutKey: string;
  /** The unread notifications on the badge (./inbox.ts). */
  inbox?: InboxBadge;
  /** Stops the outbox sender (after a send under way) and deletes the Firebase app. */
  close(): Promise<void>;
}

/** The services in effect, switched as policy changes. Its outbox and counts reach whichever is in effect. */
export interface ProjectSwitch {
  /** Applies an outcome; resolves once the services in effect match it. What changed: */
  use(outcome: PolicyOutcome): Promise<'started' | 'switched' | 'stopped' | 'unchanged'>;
  /** The services in effect, null while switched off (waits for the first outcome). */
  current(): Promise<ProjectServices | null>;
  outbox: Outbox;
  counts: TabCounts;
  /** The layer per tab; while switched off every page is 'off'. */
  access: TabAccess;
}

/** Builds the services for a config (in the worker: openDb, liteSession, startOutboxWorker, tabCounts). */
export type BuildProject = (config: OrgConfig) => ProjectServices;

export function projectSwitch(build: BuildProject): ProjectSwitch {
  let key: string | undefined;
  let services: ProjectServices | null = null;
  let markReady!: () => void;
  let ready = new Promise<void>((resolve) => (markReady = resolve));
  let chain: Promise<unknown> = Promise.resolve();

  const current = async () => {
    await ready;
    return services;
  };

  const apply = async (outcome: PolicyOutcome) => {
    const next = outcome.disabled ? 'off' : projectKey(outcome.config);
    if (next === key) return 'unchanged' as const;
    const first = key === undefined;
    key = next;
    const old = services;
    if (!first) ready = new Promise<void>((resolve) => (markReady = resolve));
    services = null;
    // The old services go first: the file's project always uses Firebase's default app name, and
    // two apps of one name cannot live side by side.
    await old?.close().catch(console.error);
    services = next === 'off' ? null : build(outcome.config);
    markReady();
    if (next === 'off') return 'stopped' as const;
    return first || old === null ? ('started' as const) : ('switched' as const);
  };

  return {
    use(outcome) {
      const done = chain.then(() => apply(outcome));
      chain = done.catch(console.error);
      return done;
    },
    current,
    outbox: {
      async kick(now) {
        await (await current())?.outbox.kick(now);
      },
      async reset() {
        await (await current())?.outbox.reset();
      },
    },
    counts: {
      async cached(pageId): Promise<PageCounts | null> {
        return (await (await current())?.counts.cached(pageId)) ?? null;
      },
      async refresh(tabId, page, force) {
        await (await current())?.counts.refresh(tabId, page, force);
      },
      async refreshAll() {
        await (await current())?.counts.refreshAll();
      },
    },
    access: {
      async modeFor(page) {
        return (await (await current())?.access.modeFor(page)) ?? 'off';
      },
      async layerFor(page) {
        return (await (await current())?.access.layerFor(page)) ?? { mode: 'off', signedIn: false };
      },
      async tellTabs() {
        await (await current())?.access.tellTabs();
      },
      async personChanged() {
        await (await current())?.access.personChanged();
      },
    },
  };
}

/** What followPolicy works with. */
export interface FollowDeps {
  project: ProjectSwitch;
  tabs: TabPages;
  display: CountDisplay;
  browserTabs: TabQuery;
  scripting: Injector;
  /** Where ignored values are reported (console.warn). */
  warn(message: string): void;
}

/**
 * Returns the worker's reaction to each policy outcome (watchPolicy's onChange), in order:
 * switch the project-bound services; switched off: clear every badge and launcher count;
 * another project: clear them and read them afresh from it; switched on again or origins added:
 * give the open tabs of the origins now in effect the layer. Content scripts remove their own
 * launcher when their origin leaves or Prikbord is switched off (entrypoints/content/index.ts).
 */
export function followPolicy({ project, tabs, display, browserTabs, scripting, warn }: FollowDeps): (outcome: PolicyOutcome) => Promise<void> {
  let previous: PolicyOutcome | undefined;
  let chain: Promise<void> = Promise.resolve();

  const clearCounts = async () => {
    for (const [tabId, page] of await tabs.all()) await display.show(tabId, page as TabPage, null);
  };

  const react = async (outcome: PolicyOutcome) => {
    for (const item of outcome.ignored) warn(ignoredLine(item, outcome.config));
    const before = previous;
    previous = outcome;
    const change = await project.use(outcome);
    // What waited in the outbox while switched off (or for this project) leaves now.
    if (before !== undefined && (change === 'started' || change === 'switched')) void project.outbox.kick().catch(console.error);
    if (change === 'stopped') await clearCounts();
    if (change === 'switched') {
      await clearCounts();
      await project.counts.refreshAll();
    }
    // The first outcome at a start needs nothing more: pages get the layer as they load, and
    // after an install or update injectOnInstall gives it to the open tabs.
    if (before === undefined || outcome.disabled) return;
    const had = before.disabled ? new Set<string>() : new Set(intranetOrigins(before.config));
    const added = intranetOrigins(outcome.config).filter((origin) => !had.has(origin));
    if (added.length === 0) return;
    await injectIntoOpenTabs(await browserTabs.query({}), scripting, outcome.config, (url) => added.some((origin) => url.startsWith(`${origin}/`)));
    if (change === 'started') await project.counts.refreshAll();
  };

  return (outcome) => {
    chain = chain.then(() => react(outcome)).catch(console.error);
    return chain;
  };
}
