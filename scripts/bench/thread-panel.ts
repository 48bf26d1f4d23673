// The side panel with big threads, in the real built extension in Chromium against the emulators:
// how fast a cached thread shows when the panel opens, whether a 1,000-comment thread
// scrolls without long tasks, the panel's memory, and how long a comment posted in one browser
// takes to show in another.
import type { Page } from 'playwright-core';
import { startIntranet } from '../../demo/serve-intranet.mjs';
import { DEMO_PASSWORD } from '../../demo/org';
import { DEMO_PORTS } from '../../demo/ports';
import { ensureSignedIn, launchWithExtension, tabIdOf, type ExtensionBrowser } from '../chromium';
import { seedDemo, type SeededEmployee } from '../seed';
import { percentiles, type BenchSection, type Figure } from './figures';
import { INTRANET, loadRealRules, seedThread, waitForServerQuiet, type SeededThread } from './thread-seed';

const SECTION = 'thread-panel';
/** A side panel is narrow; the panel's page gets this viewport (Chrome's default panel is ~360-450 px wide). */
export const VIEWPORT = { width: 420, height: 900 };
/** "First screenful": this many comments in the DOM (or the whole thread when shorter). At 420×900 about six fit under the composer. */
const FIRST_SCREEN = 10;

/** What a measured panel waits for: `want` elements matching `items`, and when each phase's selector first matched. */
export interface PanelWatch {
  want: number;
  items: string;
  phases: Array<[string, string]>;
}

// When each stage of the panel first shows: the app mounted, auth known, the target page known.
const THREAD_PHASES: Array<[string, string]> = [
  ['app', 'main.panel'],
  ['signedIn', '.panel-header'],
  ['page', '#page-title'],
  ['thread', 'ol.thread'],
];

export interface BenchWindow {
  __bench: { want: number; domAt: number | null; paintAt: number | null; longTasks: number[]; phases: Record<string, number> };
}

/**
 * Runs at the start of the panel document, before any of its scripts: notes when the first
 * screenful of items is in the DOM and when the frame after it has been produced, and every
 * long task from navigation start on. Times are performance.now(): ms since navigation start.
 */
function observePanel({ want, items, phases }: PanelWatch) {
  if (!location.pathname.endsWith('/sidepanel.html')) return;
  const w = window as unknown as BenchWindow;
  w.__bench = { want, domAt: null, paintAt: null, longTasks: [], phases: {} };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) w.__bench.longTasks.push(entry.duration);
  }).observe({ type: 'longtask', buffered: true });
  const observer = new MutationObserver(() => {
    for (const [phase, selector] of phases) if (!(phase in w.__bench.phases) && document.querySelector(selector)) w.__bench.phases[phase] = performance.now();
    if (document.querySelectorAll(items).length < want) return;
    observer.disconnect();
    w.__bench.domAt = performance.now();
    // rAF runs just before the frame is painted; a task queued from it runs after that frame.
    requestAnimationFrame(() => setTimeout(() => (w.__bench.paintAt = performance.now()), 0));
  });
  observer.observe(document, { childList: true, subtree: true });
}

/** A fresh panel page for `tabId`, watched from its navigation start (observePanel). */
export async function openWatchedPanel(eb: ExtensionBrowser, tabId: number, watch: PanelWatch): Promise<Page> {
  const panel = await eb.context.newPage();
  await panel.setViewportSize(VIEWPORT);
  await panel.addInitScript(observePanel, watch);
  await panel.goto(`chrome-extension://${eb.extensionId}/sidepanel.html?tabId=${tabId}`);
  return panel;
}

function openPanel(eb: ExtensionBrowser, tabId: number, want: number): Promise<Page> {
  return openWatchedPanel(eb, tabId, { want, items: 'ol.thread article.comment', phases: THREAD_PHASES });
}

/** Waits for the watched panel's first frame with its items, then returns what observePanel noted. */
export async function benchState(panel: Page): Promise<BenchWindow['__bench'] & { scriptsRun: number }> {
  await panel.waitForFunction(() => (window as unknown as BenchWindow).__bench?.paintAt !== null, undefined, { timeout: 60_000 });
  return panel.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    // Module scripts run before DOMContentLoaded: its end is when the app's bundle has run.
    return { ...(window as unknown as BenchWindow).__bench, scriptsRun: nav.domContentLoadedEventEnd };
  });
}

const countText = (n: number) => (n === 1 ? '1 comment' : `${n} comments`);

/** JS heap in use after a forced garbage collection, and DOM nodes, of one page (CDP). */
export async function memory(eb: ExtensionBrowser, panel: Page): Promise<{ heapMB: number; nodes: number }> {
  const cdp = await eb.context.newCDPSession(panel);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? NaN;
    return { heapMB: metric('JSHeapUsedSize') / 2 ** 20, nodes: metric('Nodes') };
  } finally {
    await cdp.detach();
  }
}

/**
 * Scrolls the panel from top to bottom as a fast reader would (400 px per frame), pressing each
 * "show more" button as it comes into view, until the whole thread is shown and the end reached.
 * Returns the long tasks (ms) seen meanwhile, the presses, and the comments in the DOM at the end.
 */
async function scrollThrough(panel: Page): Promise<{ tasks: number[]; presses: number; rendered: number; ms: number }> {
  // No named inner functions here: tsx would wrap them in a __name() helper the page doesn't have.
  return panel.evaluate(async () => {
    const tasks: number[] = [];
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push(entry.duration);
    });
    observer.observe({ type: 'longtask' });
    const scroller = document.scrollingElement!;
    const started = performance.now();
    let presses = 0;
    for (let guard = 0; guard < 20_000; guard++) {
      scroller.scrollBy(0, 400);
      await new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
      const more = document.querySelector<HTMLButtonElement>('ol.thread > li.more button');
      if (more && more.getBoundingClientRect().top < innerHeight) {
        more.click();
        presses++;
        await new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
      }
      if (!more && scroller.scrollTop + innerHeight >= scroller.scrollHeight - 2) break;
    }
    const ms = performance.now() - started;
    await new Promise((r) => setTimeout(r, 300)); // late entries
    observer.disconnect();
    return { tasks, presses, rendered: document.querySelectorAll('ol.thread article.comment').length, ms };
  });
}

interface Reader {
  eb: ExtensionBrowser;
  tab: Page;
  tabId: number;
}

async function readerBrowser(person: SeededEmployee, path: string): Promise<Reader> {
  const eb = await launchWithExtension({ lang: 'en' });
  const tab = await eb.context.newPage();
  await tab.goto(`${INTRANET}${path}`);
  await tab.locator('prikbord-launcher').waitFor({ state: 'attached' });
  const tabId = await tabIdOf(eb, tab);
  const panel = await openPanel(eb, tabId, 0);
  await ensureSignedIn(panel, person.email, DEMO_PASSWORD);
  await panel.close();
  return { eb, tab, tabId };
}

async function showPage(reader: Reader, path: string): Promise<void> {
  await reader.tab.goto(`${INTRANET}${path}`);
  await reader.tab.locator('prikbord-launcher').waitFor({ state: 'attached' });
}

/** Cached-thread open times, memory, and (for the largest thread) the scroll-through. */
async function openFigures(reader: Reader, threads: Array<{ path: string; thread: SeededThread }>, reopens: number): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const { path, thread } of threads) {
    const label = `${thread.count.toLocaleString('en-US')} comments`;
    const want = Math.min(FIRST_SCREEN, thread.count);
    await showPage(reader, path);
    // First visit: the panel syncs the whole thread into Dexie. Unmeasured. Once in CI (machine hot
    // after the whole test run) a 1,000-comment first sync delivered nothing in 120 s while the same
    // run alone takes seconds; a second panel (a fresh listener) is tried before giving up, and the
    // retry is said in the log so it is not hidden.
    let first = await openPanel(reader.eb, reader.tabId, want);
    for (let attempt = 1; ; attempt++) {
      const arrived = await first
        .locator('.count', { hasText: countText(thread.count) })
        .waitFor({ timeout: 90_000 })
        .then(() => true)
        .catch(() => false);
      if (arrived) break;
      const said = (
        await first
          .locator('main')
          .innerText()
          .catch(() => '?')
      ).slice(0, 500);
      if (attempt === 2) throw new Error(`the ${label} thread did not arrive in the panel, twice\npanel said: ${said}`);
      console.warn(`bench thread-panel: the ${label} thread's first sync did not arrive in 90 s; opening the panel again`);
      await first.close();
      first = await openPanel(reader.eb, reader.tabId, want);
    }
    await first.waitForTimeout(1000); // the cursor write lands after the rows
    await first.close();

    const times: number[] = [];
    const openTasks: number[] = [];
    const phases: Record<string, number[]> = {};
    let last: Page | undefined;
    for (let i = 0; i < reopens; i++) {
      await last?.close();
      last = await openPanel(reader.eb, reader.tabId, want);
      const state = await benchState(last);
      times.push(state.paintAt!);
      for (const [phase, at] of Object.entries({ ...state.phases, scriptsRun: state.scriptsRun })) (phases[phase] ??= []).push(at);
      openTasks.push(state.longTasks.length);
    }
    const { median, p95 } = percentiles(times);
    const stage = (phase: string) => (phases[phase] ? Math.round(percentiles(phases[phase]!).median) : '?');
    figures.push(
      {
        section: SECTION,
        name: `${label}: panel open to cached thread shown, median`,
        value: Math.round(median),
        unit: 'ms',
        budget: thread.count >= 1000 ? { max: 150 } : undefined,
        note: `${reopens} reopens; panel navigation start → first frame after ${want} comments are in the DOM (thread already in Dexie)`,
      },
      {
        section: SECTION,
        name: `${label}: panel open to cached thread shown, p95`,
        value: Math.round(p95),
        unit: 'ms',
        note: `medians: bundle run ${stage('scriptsRun')}, signed in ${stage('signedIn')}, page known ${stage('page')}, thread in DOM ${stage('thread')} ms`,
      },
    );
    // Settle (the listeners' first answers), then weigh the panel as a reader has it open.
    await last!.locator('.count', { hasText: countText(thread.count) }).waitFor();
    await last!.waitForTimeout(1500);
    const mem = await memory(reader.eb, last!);
    figures.push({
      section: SECTION,
      name: `${label}: panel memory (JS heap after GC)`,
      value: Number(mem.heapMB.toFixed(1)),
      unit: 'MB',
      note: `CDP Performance.getMetrics JSHeapUsedSize after HeapProfiler.collectGarbage; ${mem.nodes.toLocaleString('en-US')} DOM nodes`,
    });
    if (thread.count >= 1000) {
      figures.push({
        section: SECTION,
        name: `${label}: long tasks while opening the panel`,
        value: percentiles(openTasks).median,
        unit: 'tasks',
        note: `median over ${reopens} reopens, from navigation start to the thread shown`,
      });
      const scroll = await scrollThrough(last!);
      figures.push(
        {
          section: SECTION,
          name: `${label}: long tasks scrolling through the whole thread`,
          value: scroll.tasks.length,
          unit: 'tasks',
          budget: { max: 0 },
          note: `400 px per frame top to bottom, pressing "show more" ${scroll.presses}× on the way; ${scroll.rendered} comments in the DOM at the end; ${(scroll.ms / 1000).toFixed(1)} s`,
        },
        {
          section: SECTION,
          name: `${label}: longest task while scrolling through`,
          value: Math.round(Math.max(0, ...scroll.tasks)),
          unit: 'ms',
          note: 'longest of the long tasks above (0: none over 50 ms)',
        },
      );
      if (scroll.rendered < thread.count) throw new Error(`scroll-through showed ${scroll.rendered} of ${thread.count} comments`);
      const all = await memory(reader.eb, last!);
      figures.push({
        section: SECTION,
        name: `${label}: panel memory, every comment shown`,
        value: Number(all.heapMB.toFixed(1)),
        unit: 'MB',
        note: `after the scroll-through; ${all.nodes.toLocaleString('en-US')} DOM nodes`,
      });
    }
    await last?.close();
  }
  return figures;
}

/** A posts through the composer; B's panel shows it. Times from the one machine clock (Date.now in both browsers). */
async function crossBrowser(a: Reader, bPerson: SeededEmployee, path: string, posts: number): Promise<Figure[]> {
  await showPage(a, path);
  const panelA = await openPanel(a.eb, a.tabId, 0);
  await panelA.locator('#new-comment-text').waitFor();
  const b = await readerBrowser(bPerson, path);
  const panelB = await openPanel(b.eb, b.tabId, 0);
  try {
    await panelB.locator('.count').waitFor();
    await panelB.evaluate(() => {
      const w = window as unknown as { __seen: Record<string, number> };
      w.__seen = {};
      new MutationObserver(() => {
        for (const p of document.querySelectorAll('article.comment p.text')) {
          const text = p.textContent ?? '';
          if (text.startsWith('bench ') && !(text in w.__seen)) w.__seen[text] = Date.now();
        }
      }).observe(document.body, { childList: true, subtree: true, characterData: true });
    });
    await panelA.evaluate(() => {
      // The moment the reader presses "Post" (capture phase: before the app handles it).
      document.addEventListener(
        'click',
        (event) => {
          const button = (event.target as Element).closest('button[type=submit]');
          if (button?.closest('form')?.querySelector('#new-comment-text')) (window as unknown as { __t0: number }).__t0 = Date.now();
        },
        true,
      );
    });
    const latencies: number[] = [];
    for (let i = 0; i < posts; i++) {
      const text = `bench ${i} ${Date.now()}`;
      await panelA.locator('#new-comment-text').fill(text);
      await panelA.locator('form:has(#new-comment-text) button[type=submit]').click();
      const seenAt = await panelB.waitForFunction((t) => (window as unknown as { __seen: Record<string, number> }).__seen[t], text, { timeout: 30_000 });
      const t1 = (await seenAt.jsonValue()) as number;
      const t0 = await panelA.evaluate(() => (window as unknown as { __t0: number }).__t0);
      latencies.push(t1 - t0);
      await panelA.waitForFunction(() => (document.querySelector('#new-comment-text') as HTMLTextAreaElement | null)?.value === '');
      await panelA.waitForTimeout(300);
    }
    const { median, p95 } = percentiles(latencies);
    const note = `${posts} posts through A's composer; press of "Post" in A → comment text in B's panel DOM`;
    return [
      { section: SECTION, name: 'comment posted in A visible in B, median', value: median, unit: 'ms', budget: { max: 1000 }, note },
      {
        section: SECTION,
        name: 'comment posted in A visible in B, p95',
        value: p95,
        unit: 'ms',
        budget: { max: 1000 },
        note: `max ${Math.max(...latencies)} ms`,
      },
    ];
  } finally {
    await panelA.close();
    await b.eb.close();
  }
}

export const threadPanel: BenchSection = {
  id: SECTION,
  needsEmulators: true,
  async run({ quick, root }) {
    const staff = await seedDemo({ threads: false });
    await loadRealRules(root);
    const anna = staff.find((e) => e.key === 'anna')!;
    const bram = staff.find((e) => e.key === 'bram')!;
    const authors = staff.filter((e) => e.key !== 'anna' && e.key !== 'bram').slice(0, 12);
    const paths: Array<[string, number]> = [
      ['/afdelingen/communicatie.html', 10],
      ['/en/welcome.html', 100],
      ['/nieuws/2026-11-personeelsfeest.html', 1000],
    ];
    const threads = [];
    for (const [path, size] of paths) threads.push({ path, thread: await seedThread(root, path, size, authors) });
    await waitForServerQuiet(authors);
    const intranet = await startIntranet({ port: DEMO_PORTS.intranet });
    let a: Reader | undefined;
    try {
      a = await readerBrowser(anna, paths[0]![0]);
      const figures = await openFigures(a, threads, quick ? 3 : 10);
      figures.push(...(await crossBrowser(a, bram, '/telefoonlijst.html', quick ? 5 : 25)));
      return figures;
    } finally {
      await a?.eb.close();
      await intranet.close();
    }
  },
};
