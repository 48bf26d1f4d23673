// What the extension adds to page load on the legacy demo pages: long tasks (> 50 ms), layout
// shift and load time, each measured in the same run with and without the extension (loads
// interleaved, since machines are noisy). Budgets: no long task and no layout shift added.
import { startIntranet } from '../../demo/serve-intranet.mjs';
import { DEMO_PORTS } from '../../lib/org-config';
import { launchWithExtension, type ExtensionBrowser } from '../chromium';
import { percentiles, type BenchSection, type Figure } from './figures';

const PAGES = [
  '/',
  '/beleid/informatiebeveiliging.html',
  '/telefoonlijst.html',
  '/legacy/oude-bibliotheken.html',
  '/legacy/reset.html',
  '/legacy/vaste-balken.html',
  '/legacy/javadoc/index.html',
  '/legacy/editor.html',
  '/legacy/windows-1252.html',
  '/legacy/fotoalbum.html',
  '/legacy/app/',
];

interface Load {
  longTasks: number;
  shift: number;
  loadMs: number;
}

/** Loads `url` in a fresh tab and reads, from the page's own performance timeline, what happened. */
async function load(eb: ExtensionBrowser, url: string, withExtension: boolean): Promise<Load> {
  const tab = await eb.context.newPage();
  try {
    await tab.setViewportSize({ width: 1280, height: 900 });
    // Observe from the very start of the document, before any script of the page or ours.
    await tab.addInitScript(() => {
      const w = window as unknown as { __bench: { longTasks: number; shift: number } };
      w.__bench = { longTasks: 0, shift: 0 };
      new PerformanceObserver((list) => void (w.__bench.longTasks += list.getEntries().length)).observe({ type: 'longtask', buffered: true });
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as Array<PerformanceEntry & { value: number; hadRecentInput: boolean }>) {
          if (!entry.hadRecentInput) w.__bench.shift += entry.value;
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await tab.goto(url, { waitUntil: 'load' });
    if (withExtension) await tab.locator('prikbord-launcher').first().waitFor({ state: 'attached', timeout: 10_000 }).catch(() => undefined);
    await tab.waitForTimeout(300); // let late tasks and shifts land
    return await tab.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      const b = (window as unknown as { __bench: { longTasks: number; shift: number } }).__bench;
      return { longTasks: b.longTasks, shift: b.shift, loadMs: nav.loadEventEnd - nav.startTime };
    });
  } finally {
    await tab.close();
  }
}

/** Long tasks while the page is scrolled from top to bottom in steps, as a reader would. */
async function scrollLongTasks(eb: ExtensionBrowser, url: string): Promise<number> {
  const tab = await eb.context.newPage();
  try {
    await tab.setViewportSize({ width: 1280, height: 900 });
    await tab.goto(url, { waitUntil: 'load' });
    await tab.waitForTimeout(500);
    return await tab.evaluate(async () => {
      let longTasks = 0;
      const observer = new PerformanceObserver((list) => void (longTasks += list.getEntries().length));
      observer.observe({ type: 'longtask' });
      const end = document.documentElement.scrollHeight;
      for (let y = 0; y < end; y += 2000) {
        window.scrollTo(0, y);
        await new Promise((r) => requestAnimationFrame(() => r(undefined)));
      }
      await new Promise((r) => setTimeout(r, 300));
      observer.disconnect();
      return longTasks;
    });
  } finally {
    await tab.close();
  }
}

const SCROLLED = ['/beleid/informatiebeveiliging.html', '/legacy/fotoalbum.html'];

export const legacyPages: BenchSection = {
  id: 'legacy-pages',
  needsEmulators: false,
  async run({ quick }) {
    const rounds = quick ? 3 : 15;
    const intranet = await startIntranet({ port: DEMO_PORTS.intranet });
    const withExt = await launchWithExtension({ lang: 'nl' });
    const without = await launchWithExtension({ lang: 'nl', withoutExtension: true });
    const figures: Figure[] = [];
    const ratios: number[] = [];
    try {
      for (const path of PAGES) {
        const url = `http://127.0.0.1:${DEMO_PORTS.intranet}${path}`;
        const a: Load[] = [];
        const b: Load[] = [];
        await load(withExt, url, true); // warm both caches once, unmeasured
        await load(without, url, false);
        for (let i = 0; i < rounds; i++) {
          a.push(await load(withExt, url, true));
          b.push(await load(without, url, false));
        }
        // Medians: one slow load of either browser (a GC, the machine busy) is not "ours".
        const median = (loads: Load[], key: 'longTasks' | 'shift') => percentiles(loads.map((l) => l[key])).median;
        const addedLongTasks = Math.max(0, median(a, 'longTasks') - median(b, 'longTasks'));
        const addedShift = Math.max(0, median(a, 'shift') - median(b, 'shift'));
        const withMs = percentiles(a.map((l) => l.loadMs)).median;
        const withoutMs = percentiles(b.map((l) => l.loadMs)).median;
        ratios.push(withMs / withoutMs);
        const note = `${rounds} loads each; load ${withMs.toFixed(0)} ms vs ${withoutMs.toFixed(0)} ms without`;
        figures.push(
          { section: 'legacy-pages', name: `long tasks added: ${path}`, value: addedLongTasks, unit: 'tasks', budget: { max: 0 }, note },
          { section: 'legacy-pages', name: `layout shift added: ${path}`, value: Number(addedShift.toFixed(4)), unit: 'CLS', budget: { max: 0 } },
        );
      }
      for (const path of SCROLLED) {
        const url = `http://127.0.0.1:${DEMO_PORTS.intranet}${path}`;
        const a: number[] = [];
        const b: number[] = [];
        for (let i = 0; i < Math.min(rounds, 5); i++) {
          a.push(await scrollLongTasks(withExt, url));
          b.push(await scrollLongTasks(without, url));
        }
        const added = Math.max(0, percentiles(a).median - percentiles(b).median);
        figures.push({
          section: 'legacy-pages',
          name: `long tasks added while scrolling: ${path}`,
          value: added,
          unit: 'tasks',
          budget: { max: 0 },
          note: `top to bottom in 2,000 px steps, ${a.length} runs each; median ${percentiles(a).median} vs ${percentiles(b).median} without`,
        });
      }
      const overhead = (percentiles(ratios).median - 1) * 100;
      figures.push({
        section: 'legacy-pages',
        name: 'page-load overhead, median over pages',
        value: Number(overhead.toFixed(1)),
        unit: '%',
        budget: { max: 5 },
        note: `median of per-page ratios of median load times, ${PAGES.length} pages`,
      });
    } finally {
      await withExt.close();
      await without.close();
      await intranet.close();
    }
    return figures;
  },
};
