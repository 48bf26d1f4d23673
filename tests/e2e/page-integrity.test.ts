// The intranet survives the layer: its own script still runs, its layout does not move, and the
// launcher opens the real side panel by mouse and by keyboard. The panel follows navigation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ensureSignedIn, launchWithExtension, openPanelPage, tabIdOf, type ExtensionBrowser } from '../../scripts/chromium';
import { waitFor } from '../../scripts/poll';
import { seedDemo } from '../../scripts/seed';
import { DEMO_PASSWORD, demoEmployee } from '../helpers/fixtures';
import { INTRANET, serveIntranet } from './setup';

const PAGES = ['/', '/hr/verlofregeling.html', '/telefoonlijst.html'];

/** Positions of the page's own content blocks, to compare with and without the extension. */
function layoutOf(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('h1, h2, h3, p, table, ul, ol, img, #topbar, #menu-knop, form, hr')].slice(0, 300).map((el) => {
      const r = el.getBoundingClientRect();
      return `${el.tagName}#${el.id} ${Math.round(r.x)},${Math.round(r.y)} ${Math.round(r.width)}x${Math.round(r.height)}`;
    }),
  );
}

/** Sum of layout-shift scores the page has seen (Chromium's Layout Instability API). */
function layoutShift(page: Page) {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let total = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as Array<PerformanceEntry & { value: number }>) total += entry.value;
        }).observe({ type: 'layout-shift', buffered: true });
        setTimeout(() => resolve(total), 300);
      }),
  );
}

describe('the intranet with Prikbord installed', () => {
  let intranet: Awaited<ReturnType<typeof serveIntranet>>;
  let plain: ExtensionBrowser;
  let eb: ExtensionBrowser;

  beforeAll(async () => {
    await seedDemo();
    intranet = await serveIntranet();
    // The same browser and flags, only without the extension.
    plain = await launchWithExtension({ lang: 'nl', withoutExtension: true });
    eb = await launchWithExtension({ lang: 'nl' });
  });

  afterAll(async () => {
    await eb?.close();
    await plain?.close();
    await intranet?.close();
  });

  it.each(PAGES)('%s keeps its layout, exactly as without the extension', async (path) => {
    const without = await plain.context.newPage();
    await without.setViewportSize({ width: 1280, height: 900 });
    await without.goto(`${INTRANET}${path}`);
    const withExt = await eb.context.newPage();
    await withExt.setViewportSize({ width: 1280, height: 900 });
    await withExt.goto(`${INTRANET}${path}`);
    await withExt.locator('prikbord-launcher').waitFor({ state: 'attached' });
    expect(await layoutOf(withExt)).toEqual(await layoutOf(without));
    expect(await layoutShift(withExt)).toBe(await layoutShift(without));
    await without.close();
    await withExt.close();
  });

  it('leaves the page’s own script working (it ran, and its menu still opens)', async () => {
    const page = await eb.context.newPage();
    await page.goto(`${INTRANET}/`);
    await page.locator('prikbord-launcher').waitFor({ state: 'attached' });
    expect(await page.evaluate(() => (window as unknown as { LINDENET_READY?: boolean }).LINDENET_READY)).toBe(true);
    await page.locator('#menu-knop').click();
    await expect.poll(() => page.locator('#menu-knop').getAttribute('aria-expanded')).toBe('true');
    expect(await page.locator('#menu-lijst').isVisible()).toBe(true);
    await page.close();
  });

  it('is injected by the background only after load, and a second injection into the same page leaves one working launcher', async () => {
    const page = await eb.context.newPage();
    await page.goto(`${INTRANET}/telefoonlijst.html`);
    const launcher = page.locator('prikbord-launcher');
    await launcher.waitFor({ state: 'attached' });
    // Nothing is declared in the manifest: the layer comes only from the background's injection.
    const worker = eb.context.serviceWorkers().find((w) => w.url().includes(eb.extensionId))!;
    expect(await worker.evaluate(() => chrome.runtime.getManifest().content_scripts ?? [])).toEqual([]);
    // The same injection again (as after an update, or a repeated load event).
    const tabId = await tabIdOf(eb, page);
    await worker.evaluate((id) => chrome.scripting.executeScript({ target: { tabId: id, allFrames: true }, files: ['/content-scripts/content.js'] }), tabId);
    // The newer copy takes over; the older one removed its launcher.
    await page.waitForTimeout(1500);
    expect(await launcher.count()).toBe(1);
    // The tab still answers the background with its page (the panel asks this when it opens).
    const identity = await worker.evaluate((id) => chrome.tabs.sendMessage(id, { type: 'page:identify' }), tabId);
    expect(identity).toMatchObject({ url: `${INTRANET}/telefoonlijst.html` });
    await page.close();
  });

  it('waits for the page: nothing of ours is in the document at its load event or its first frame after load, and it posts the page no message', async () => {
    // The background injects the content script only after the page's load event
    // (entrypoints/background/injection.ts), and what it does waits for the first frame after load too
    // (entrypoints/content/after-load.ts).
    type Seen = { messages: unknown[]; oursAtLoad: boolean | null; oursAtFrame: boolean | null };
    const page = await eb.context.newPage();
    await page.addInitScript(() => {
      const w = window as unknown as { __seen: Seen };
      const ours = () => document.querySelector('prikbord-launcher') !== null;
      w.__seen = { messages: [], oursAtLoad: null, oursAtFrame: null };
      addEventListener('message', (event) => w.__seen.messages.push(event.data));
      addEventListener('load', () => {
        w.__seen.oursAtLoad = ours();
        // A task posted from rAF runs after that frame's rendering.
        requestAnimationFrame(() => setTimeout(() => void (w.__seen.oursAtFrame = ours()), 0));
      });
    });
    await page.goto(`${INTRANET}/`);
    await page.locator('prikbord-launcher').waitFor({ state: 'attached' });
    await page.waitForTimeout(300); // anything posted after the launcher would arrive by now
    const seen = await page.evaluate(() => (window as unknown as { __seen: Seen }).__seen);
    expect(seen.oursAtLoad).toBe(false);
    expect(seen.oursAtFrame).toBe(false);
    expect(seen.messages).toEqual([]);
    await page.close();
  });

  it('shows a launcher that is labelled, visible above the fixed top bar, and reachable by keyboard', async () => {
    const page = await eb.context.newPage();
    await page.goto(`${INTRANET}/`);
    const button = page.locator('prikbord-launcher').locator('button.open');
    await expect.poll(() => button.getAttribute('aria-label')).toMatch(/Prikbord/);
    expect(await button.isVisible()).toBe(true);
    // Nothing of the page lies on top of the launcher's centre.
    const onTop = await page.evaluate(() => {
      const host = document.querySelector('prikbord-launcher')!;
      const r = host.shadowRoot!.querySelector('button')!.getBoundingClientRect();
      return document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2) === host;
    });
    expect(onTop).toBe(true);
    // Tab through the page until the launcher has focus: at most 200 presses.
    await waitFor(
      async () => {
        await page.keyboard.press('Tab');
        return page.evaluate(() => document.activeElement?.tagName === 'PRIKBORD-LAUNCHER');
      },
      { attempts: 200, intervalMs: 0, what: 'the launcher to have keyboard focus' },
    );
    await page.close();
  });

  it('opens the real side panel when the launcher is clicked', async () => {
    const page = await eb.context.newPage();
    await page.goto(`${INTRANET}/ict/helpdesk.html`);
    await page.locator('prikbord-launcher').locator('button.open').click();
    // Playwright's CDP connection does not list a side panel that opened after it connected; a new
    // connection does. So each try connects afresh, up to 50 times.
    await waitFor(
      async () => {
        const fresh = await eb.reconnect();
        const panelUrl = fresh
          .contexts()
          .flatMap((c) => c.pages())
          .map((p) => p.url())
          .find((u) => u.includes('/sidepanel.html'));
        await fresh.close().catch(() => undefined);
        return panelUrl;
      },
      { attempts: 50, intervalMs: 200, what: 'the side panel to open' },
    );
    await page.close();
  });

  it('the panel follows the tab to the next page, with that page’s thread', async () => {
    const tab = await eb.context.newPage();
    await tab.goto(`${INTRANET}/`);
    await tab.locator('prikbord-launcher').waitFor({ state: 'attached' });
    const panel = await openPanelPage(eb, await tabIdOf(eb, tab));
    await ensureSignedIn(panel, demoEmployee('karin').email, DEMO_PASSWORD);
    await expect.poll(() => panel.locator('#page-title').textContent(), { timeout: 10_000 }).toMatch(/Lindenet/);
    await panel.getByText('Eindelijk! Hoe zie ik wie er nog meer reageert?').waitFor({ timeout: 10_000 });
    await tab.goto(`${INTRANET}/hr/verlofregeling.html`);
    await expect.poll(() => panel.locator('#page-title').textContent(), { timeout: 10_000 }).toMatch(/Verlof/i);
    await panel.getByText('Telt ouderschapsverlof mee').waitFor({ timeout: 10_000 });
  });
});
