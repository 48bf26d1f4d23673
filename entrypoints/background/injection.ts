// How the in-page layer (entrypoints/content/) gets into intranet pages: the background injects it
// after each intranet document has loaded, instead of the manifest declaring a content script.
//
// Why: a declared content script costs every matching frame Chromium's fixed price before the
// page's load event (an isolated world, evaluating the bundle), whatever the script then does. On
// the small pages old intranets are made of (30–60 ms loads from a near server) that alone was
// +7–10 ms, 15–25 %, against a 5 % budget (bench/results.json). Injected on
// `webNavigation.onCompleted`, which fires after the document's load event, the layer costs the
// page's load nothing: the page has loaded before any of ours exists.
//
// The navigation events are filtered by URL in the browser, so the worker is only woken for the
// configured intranet origins and never learns of other sites. Each frame gets its own injection
// when it finishes loading (a frameset's content frame navigates on its own); the content script
// itself decides which frame of a tab acts (entrypoints/content/frame-role.ts), and a second
// injection into the same document replaces the first (WXT's content-script context).
//
// The listeners below are registered by the worker synchronously at start-up (index.ts), so the
// navigation event that woke a stopped worker is delivered to it.
//
// Enterprise policy can add intranet origins and switch the layer off while the browser runs
// (lib/any/managed-policy.ts). The navigation filter is therefore not the origins in effect but
// everything policy could ever add: the organisation file's origins and its policyOrigins (both
// host permissions of this build), fixed for the build; each load is then checked against the
// configuration in effect. Re-registering the filter when policy changes would not do: the
// configuration in effect is known only after an asynchronous storage read, and a worker stopped
// and woken by a navigation gets that event only through a listener registered in its first
// turn, with the filter it had then.
import type { OrgConfig } from '../../lib/any/org-config';

/**
 * How long after a document's load the layer is injected. Not at once: Chromium renders the first
 * frame after load within a frame interval on an ordinary page, but only after ~130 ms of layout
 * on the 121,000 px policy page, and an injection that lands before that frame puts the isolated
 * world's creation and the bundle's evaluation in front of it. The bench (legacy-pages, 25 loads
 * each) measured that frame on the long page +26 ms later when injected at once, −5 ms (noise)
 * with this delay; small pages were unaffected either way. The launcher showing a quarter second
 * later is not something a reader notices.
 */
export const INJECT_AFTER_LOAD_MS = 250;

/** The built layer, as WXT names it (entrypoints/content/ → content-scripts/content.js). */
export const LAYER_FILE = '/content-scripts/content.js';

/** One URL filter per configured origin: `origin + '/'` as a prefix (about:blank and srcdoc never match). */
export function intranetUrlFilters(config: OrgConfig): Array<{ urlPrefix: string }> {
  return config.sites.flatMap((site) => site.origins.map((origin) => ({ urlPrefix: `${new URL(origin).origin}/` })));
}

/** A webNavigation URL filter (the parts used here). */
export interface UrlFilter {
  urlPrefix?: string;
  schemes?: string[];
  hostEquals?: string;
  hostSuffix?: string;
  ports?: number[];
}

/** The URL filters of one match pattern of extension.policyOrigins (`https://*.host/*`, `http://host:8080/*`). */
export function patternUrlFilters(pattern: string): UrlFilter[] {
  const match = /^(https?):\/\/(\*\.)?([a-z0-9.-]+)(?::(\d+))?\/\*$/.exec(pattern);
  if (!match) return [];
  const [, scheme, anySub, host, port] = match;
  const common: UrlFilter = { schemes: [scheme!], ...(port ? { ports: [Number(port)] } : {}) };
  return anySub
    ? [
        { ...common, hostEquals: host },
        { ...common, hostSuffix: `.${host}` },
      ]
    : [{ ...common, hostEquals: host }];
}

/** The navigation filter: every origin the file configures and every one policy could add (see the top). */
export function navigationFilters(file: OrgConfig): UrlFilter[] {
  return [...intranetUrlFilters(file), ...(file.extension?.policyOrigins ?? []).flatMap(patternUrlFilters)];
}

/** Whether `url` is on a configured intranet origin (what the filters above let through). */
export function isIntranetUrl(url: string | undefined, config: OrgConfig): boolean {
  if (!url) return false;
  return intranetUrlFilters(config).some((filter) => url.startsWith(filter.urlPrefix));
}

/** The scripting calls this needs (chrome.scripting satisfies it; unit tests pass a recorder). */
export interface Injector {
  executeScript(injection: { target: { tabId: number; frameIds: number[] } | { tabId: number; allFrames: true }; files: string[] }): Promise<unknown>;
}

/**
 * Injects the layer into one frame. A frame can be gone by the time we get there (the tab closed,
 * the frame navigated on), and an error page is not ours to touch: those failures are expected
 * and say nothing about the layer, so they are swallowed.
 */
export async function injectLayer(scripting: Injector, tabId: number, frameId: number): Promise<boolean> {
  try {
    await scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [LAYER_FILE] });
    return true;
  } catch {
    return false;
  }
}

/**
 * After an install or an update, the intranet tabs already open have no layer (or the previous
 * version's, which can no longer reach the extension): give them this one, in every frame, without
 * making anybody reload. Also when policy adds origins or switches the layer back on; then `only`
 * limits it to the tabs whose URL passes it (the origins just added).
 */
export async function injectIntoOpenTabs(
  tabs: Array<{ id?: number; url?: string; status?: string }>,
  scripting: Injector,
  config: OrgConfig,
  only: (url: string) => boolean = () => true,
): Promise<number> {
  let injected = 0;
  for (const tab of tabs) {
    // A tab still loading gets its injection from its own onCompleted, after its load event.
    if (tab.id === undefined || tab.status !== 'complete' || !isIntranetUrl(tab.url, config) || !only(tab.url!)) continue;
    try {
      await scripting.executeScript({ target: { tabId: tab.id, allFrames: true }, files: [LAYER_FILE] });
      injected++;
    } catch {
      // The tab closed meanwhile, or shows an error page: nothing to do.
    }
  }
  return injected;
}

/** The navigation event used here (chrome.webNavigation.onCompleted satisfies it). */
export interface LoadEvent {
  addListener(listener: (details: { tabId: number; frameId: number; url: string }) => void, filter: { url: UrlFilter[] }): void;
}

/** The configuration in effect (policy applied), or null while policy has switched Prikbord off. */
export type CurrentConfig = () => Promise<OrgConfig | null>;

/** Runs `run` after `ms` (setTimeout; tests pass a recorder). */
export type Later = (run: () => void, ms: number) => unknown;

/**
 * Injects the layer into each intranet frame INJECT_AFTER_LOAD_MS after it has loaded, when its
 * URL is on an intranet origin in effect then (`current`; none while switched off). The browser
 * filters the events by URL (`file`'s navigationFilters), so other sites never wake the worker.
 */
export function injectAfterLoads(
  onCompleted: LoadEvent,
  scripting: Injector,
  file: OrgConfig,
  current: CurrentConfig,
  later: Later = (run, ms) => setTimeout(run, ms),
): void {
  onCompleted.addListener(
    (details) =>
      void later(
        () =>
          void current()
            .then((config) => (config && isIntranetUrl(details.url, config) ? injectLayer(scripting, details.tabId, details.frameId) : false))
            .catch(console.error),
        INJECT_AFTER_LOAD_MS,
      ),
    { url: navigationFilters(file) },
  );
}

/** The install event used here (chrome.runtime.onInstalled satisfies it). */
export interface InstallEvent {
  addListener(listener: () => void): void;
}

/** The tab query used here (chrome.tabs satisfies it). */
export interface TabQuery {
  query(info: Record<string, never>): Promise<Array<{ id?: number; url?: string; status?: string }>>;
}

/** After each install or update, injects the layer into the intranet tabs already open (injectIntoOpenTabs), unless switched off. */
export function injectOnInstall(onInstalled: InstallEvent, tabs: TabQuery, scripting: Injector, current: CurrentConfig): void {
  onInstalled.addListener(() => {
    void (async () => {
      const config = await current();
      if (config) await injectIntoOpenTabs(await tabs.query({}), scripting, config);
    })().catch(console.error);
  });
}
