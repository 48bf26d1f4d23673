// Works on any legacy page: for each trait of an old intranet (demo/intranet/legacy/ and a few
// older demo pages), in Chromium with the built extension, the launcher is visible and clickable
// and alone, the page id is the right one, the thread opens and a post works, the page's own
// script still works, its layout does not move, and no console error is ours. One browser with
// the extension and one without run the same pages side by side. See README "Legacy page traits".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { BUILD_ORG_CONFIG } from '../../lib/any/bundled-org-config';
import { normalizeUrl, pageIdFor } from '../../lib/any/page-identity';
import { ensureSignedIn, launchWithExtension, openPanelPage, tabIdOf, type ExtensionBrowser } from '../../scripts/chromium';
import { waitFor } from '../../scripts/poll';
import { seedDemo } from '../../scripts/seed';
import { DEMO_PASSWORD, demoEmployee } from '../helpers/fixtures';
import { commentWith, INTRANET, serveIntranet } from './setup';

interface Trait {
  name: string;
  path: string;
  /** The URL that must identify the page (default: the page's own URL, normalised). */
  identity?: string;
  title: string;
  /** The document that owns the thread, for framesets: the content frame's path. */
  contentFrame?: string;
  /** Checks the page's own behaviour still works (run in both browsers; must pass in both). */
  own?(doc: Page | Frame): Promise<void>;
}

const TRAITS: Trait[] = [
  {
    name: 'built-ins patched by old libraries, an AMD loader and document.write',
    path: '/legacy/oude-bibliotheken.html',
    title: 'Zaaksysteem - overzicht van zaken',
    async own(doc) {
      await doc.locator('#tel').click();
      expect(await doc.locator('#uitkomst').textContent()).toBe('Open: 2 "[1,2]" (gesloten)');
      expect(await doc.locator('#geschreven').count()).toBe(1);
    },
  },
  {
    name: 'global CSS resets, body 550 px wide, hundreds of !important',
    path: '/legacy/reset.html',
    title: 'Huisstijlhandboek (globale CSS)',
    async own(doc) {
      await doc.locator('#uitklap-knop').click();
      await doc.locator('#uitklap').waitFor({ state: 'visible' });
    },
  },
  {
    name: 'fixed top bar and sidebar, z-index in the millions, a help button in the corner',
    path: '/legacy/vaste-balken.html',
    title: 'Planning en roosters (vaste balken)',
    async own(doc) {
      await doc.locator('#help-knop').click();
      await doc.locator('#help-paneel').waitFor({ state: 'visible' });
    },
  },
  {
    name: 'quirks mode, table layout and <font> tags',
    path: '/telefoonlijst.html',
    title: 'Telefoonlijst Gemeente Lindeveen',
    async own(doc) {
      expect(await doc.evaluate(() => document.compatMode)).toBe('BackCompat');
      expect(await doc.evaluate(() => (window as unknown as { LINDENET_READY?: boolean }).LINDENET_READY)).toBe(true);
    },
  },
  {
    name: 'a javadoc-style frameset: the content frame owns the thread',
    path: '/legacy/javadoc/index.html',
    identity: '/legacy/javadoc/overzicht.html',
    contentFrame: '/legacy/javadoc/overzicht.html',
    title: 'Overzicht (Zaaksysteem API)',
  },
  {
    name: 'a <frameset> placed inside <head>',
    path: '/legacy/frameset-in-head.html',
    identity: '/legacy/javadoc/klasse-zaak.html',
    contentFrame: '/legacy/javadoc/klasse-zaak.html',
    title: 'Zaak (Zaaksysteem API)',
  },
  {
    name: 'a script-written editor iframe with the page’s own URL',
    path: '/legacy/editor.html',
    title: 'Nieuwsbericht schrijven (editor)',
    async own(doc) {
      await doc.locator('#vet').click();
      expect(await doc.locator('#woorden').textContent()).toBe('7 woorden');
    },
  },
  {
    name: '<base href> pointing to another origin',
    path: '/legacy/andere-base.html',
    title: 'Oud archief (base naar ander domein)',
    async own(doc) {
      expect(await doc.locator('#archief-link').evaluate((a) => (a as HTMLAnchorElement).href)).toBe(
        'http://archief.lindeveen.local/oud/raadsbesluiten-2004.html',
      );
    },
  },
  {
    name: 'windows-1252 with real 8-bit bytes',
    path: '/legacy/windows-1252.html',
    title: 'Thuiswerkvergoeding “2026” – € 2,35 per dag',
    async own(doc) {
      expect(await doc.locator('#bedrag').textContent()).toContain('€ 2,35');
    },
  },
  {
    name: 'ISO-8859-1 with real 8-bit bytes',
    path: '/archief/nieuws-2009.html',
    title: 'Archief 2009 - Café-avond, reünie & geïnde leges',
  },
  {
    name: 'UTF-8 with a byte-order mark and no charset declared',
    path: '/legacy/bom.html',
    title: 'Café-regeling: één keer per jaar naïef gezellig',
  },
  {
    name: 'a canonical link to another origin (ignored)',
    path: '/legacy/canoniek-extern.html',
    title: 'Afvalkalender (kopie van de publiekssite)',
  },
  {
    name: 'a canonical link to the same origin (used)',
    path: '/hr/verlofregeling.html?utm_source=nieuwsbrief',
    identity: '/hr/verlofregeling.html',
    title: 'Verlofregeling',
  },
  {
    name: 'lazy images',
    path: '/legacy/fotoalbum.html',
    title: 'Fotoalbum kerstmarkt (lazy afbeeldingen)',
    async own(doc) {
      await doc.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await expect.poll(() => doc.evaluate(() => [...document.images].filter((img) => img.complete && img.naturalWidth > 0).length)).toBeGreaterThan(10);
    },
  },
  {
    name: 'a very long page (over 100,000 px)',
    path: '/beleid/informatiebeveiliging.html',
    title: 'Informatiebeveiligingsbeleid Gemeente Lindeveen 2025',
    async own(doc) {
      expect(await doc.evaluate(() => document.documentElement.scrollHeight)).toBeGreaterThan(100_000);
      await doc.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    },
  },
];

const site = BUILD_ORG_CONFIG.sites[0]!;
const idOf = (path: string) => pageIdFor(normalizeUrl(`${INTRANET}${path}`, site));

/** Positions of the page's own content blocks. */
function layoutOf(doc: Page | Frame) {
  return doc.evaluate(() =>
    [...document.querySelectorAll('h1, h2, p, table, td, img, button, div, iframe, a')].slice(0, 200).map((el) => {
      const r = el.getBoundingClientRect();
      return `${el.tagName}#${el.id} ${Math.round(r.x)},${Math.round(r.y)} ${Math.round(r.width)}x${Math.round(r.height)}`;
    }),
  );
}

/** The frame whose URL ends with `path`, or the page itself. */
async function documentOf(tab: Page, contentFrame: string | undefined): Promise<Page | Frame> {
  if (!contentFrame) return tab;
  const frame = await waitFor(() => tab.frames().find((f) => f.url().endsWith(contentFrame)), {
    attempts: 50,
    intervalMs: 100,
    what: `the frame ${contentFrame}`,
  });
  await frame.waitForLoadState();
  return frame;
}

/** Launchers in every frame of the tab. */
async function launchers(tab: Page): Promise<Array<{ frame: Frame; count: number }>> {
  return Promise.all(
    tab.frames().map(async (frame) => ({
      frame,
      count: await frame
        .locator('prikbord-launcher')
        .count()
        .catch(() => 0),
    })),
  );
}

describe('Prikbord on legacy intranet pages', () => {
  let intranet: Awaited<ReturnType<typeof serveIntranet>>;
  let plain: ExtensionBrowser;
  let eb: ExtensionBrowser;
  let tab: Page;
  let bare: Page;
  let panel: Page;
  let tabId: number;
  const errors = { ext: [] as string[], bare: [] as string[] };

  beforeAll(async () => {
    await seedDemo({ threads: false });
    intranet = await serveIntranet();
    plain = await launchWithExtension({ lang: 'nl', withoutExtension: true });
    eb = await launchWithExtension({ lang: 'nl' });
    tab = await eb.context.newPage();
    bare = await plain.context.newPage();
    for (const [page, list] of [
      [tab, errors.ext],
      [bare, errors.bare],
    ] as const) {
      await page.setViewportSize({ width: 1280, height: 900 });
      page.on('console', (m) => m.type() === 'error' && list.push(m.text()));
      page.on('pageerror', (e) => list.push(String(e)));
    }
    await tab.goto(`${INTRANET}/`);
    tabId = await tabIdOf(eb, tab);
    panel = await openPanelPage(eb, tabId);
    await ensureSignedIn(panel, demoEmployee('anna').email, DEMO_PASSWORD);
    await panel.locator('#new-comment-text').waitFor();
  });

  afterAll(async () => {
    await eb?.close();
    await plain?.close();
    await intranet?.close();
  });

  it.each(TRAITS)('$name', async (trait) => {
    errors.ext.length = 0;
    errors.bare.length = 0;
    await bare.goto(`${INTRANET}${trait.path}`);
    await tab.goto(`${INTRANET}${trait.path}`);
    const doc = await documentOf(tab, trait.contentFrame);
    const bareDoc = await documentOf(bare, trait.contentFrame);

    // One launcher in the whole tab, in the document that owns the thread, visible and clickable.
    await doc.locator('prikbord-launcher').waitFor({ state: 'attached', timeout: 10_000 });
    await tab.waitForTimeout(300); // give any other frame's content script the time to (wrongly) add one
    const counts = await launchers(tab);
    expect(counts.reduce((n, c) => n + c.count, 0)).toBe(1);
    await doc.locator('prikbord-launcher button.open').click({ trial: true, timeout: 5000 });

    // The page id and title the panel shows.
    const expectedId = await idOf(trait.identity ?? trait.path);
    await expect.poll(() => panel.locator('#page-title').textContent(), { timeout: 10_000 }).toBe(trait.title);
    const reported = await panel.evaluate(async (id) => (await chrome.tabs.sendMessage(id, { type: 'page:identify' })) as { pageId: string }, tabId);
    expect(reported.pageId).toBe(expectedId);

    // A post works.
    const text = `Getest op ${trait.path} ${Date.now()}`;
    await panel.getByLabel('Je reactie').fill(text);
    await panel.getByRole('button', { name: 'Plaatsen' }).click();
    await expect.poll(() => commentWith(panel, text).locator('.state.pending').count(), { timeout: 10_000 }).toBe(0);

    // The page's own behaviour, the same with and without the extension.
    if (trait.own) {
      await trait.own(bareDoc);
      await trait.own(doc);
    }

    // The layout has not moved (compared after the same actions in both browsers).
    expect(await layoutOf(doc)).toEqual(await layoutOf(bareDoc));

    // No console error that the page does not also have without the extension.
    expect(errors.ext.filter((e) => !errors.bare.includes(e))).toEqual([]);
  });

  it('patched built-ins are only ever called by the page itself, never by our code', async () => {
    const calls = async (page: Page) => {
      await page.goto(`${INTRANET}/legacy/oude-bibliotheken.html`);
      await page.locator('#tel').click();
      await page.waitForTimeout(500);
      return page.evaluate(() => (window as unknown as { __aanroepen: string[] }).__aanroepen.join(','));
    };
    const withExt = await calls(tab);
    await tab.locator('prikbord-launcher').waitFor({ state: 'attached' });
    expect(withExt).toBe(await calls(bare));
    expect(withExt).toContain('Array.from'); // the log is real: the page's own calls are in it
  });

  it('in a frameset the panel follows navigation inside the content frame', async () => {
    await tab.goto(`${INTRANET}/legacy/javadoc/index.html`);
    await expect.poll(() => panel.locator('#page-title').textContent(), { timeout: 10_000 }).toBe('Overzicht (Zaaksysteem API)');
    const nav = await documentOf(tab, '/legacy/javadoc/nav.html');
    await nav.locator('#link-zaak').click(); // <base target="inhoud"> sends it to the content frame
    await expect.poll(() => panel.locator('#page-title').textContent(), { timeout: 10_000 }).toBe('Zaak (Zaaksysteem API)');
    const counts = await launchers(tab);
    expect(counts.reduce((n, c) => n + c.count, 0)).toBe(1);
    expect(counts.find((c) => c.count === 1)?.frame.url()).toMatch(/klasse-zaak\.html$/);
  });

  it('in a hash-routed app each route is its own thread; a plain anchor is not', async () => {
    await tab.goto(`${INTRANET}/legacy/app/`);
    await expect.poll(() => panel.locator('#page-title').textContent(), { timeout: 10_000 }).toBe('Personeelsapp');
    const root = await idOf('/legacy/app/');
    await tab.locator('#anker').click();
    await tab.waitForTimeout(1500);
    expect((await panel.evaluate(async (id) => (await chrome.tabs.sendMessage(id, { type: 'page:identify' })) as { pageId: string }, tabId)).pageId).toBe(root);
    await tab.locator('#route-verlof').click();
    await expect.poll(() => panel.locator('#page-title').textContent(), { timeout: 10_000 }).toBe('Verlof aanvragen - Personeelsapp');
    expect((await panel.evaluate(async (id) => (await chrome.tabs.sendMessage(id, { type: 'page:identify' })) as { pageId: string }, tabId)).pageId).toBe(
      await idOf('/legacy/app/#/verlof'),
    );
    await tab.locator('#route-ziekte').click();
    await expect.poll(() => panel.locator('#page-title').textContent(), { timeout: 10_000 }).toBe('Ziekmelden - Personeelsapp');
    // pushState to a path of its own (History.js style): another page, followed too.
    await tab.locator('#archief').click();
    await expect.poll(() => panel.locator('#page-title').textContent(), { timeout: 10_000 }).toBe('Archief - Personeelsapp');
  });

  it('the launcher leaves the page’s own corner button free, and can be moved by keyboard; the choice is remembered', async () => {
    await tab.goto(`${INTRANET}/legacy/vaste-balken.html`);
    const host = tab.locator('prikbord-launcher');
    await expect.poll(() => host.getAttribute('data-corner')).not.toBe('bottom-right');
    await tab.locator('#help-knop').click({ trial: true }); // nothing of ours on top of it
    const before = await host.getAttribute('data-corner');
    await tab.locator('prikbord-launcher button.move').focus();
    await tab.keyboard.press('Enter');
    const after = await host.getAttribute('data-corner');
    expect(after).not.toBe(before);
    await tab.reload();
    await expect.poll(() => tab.locator('prikbord-launcher').getAttribute('data-corner')).toBe(after);
  });
});
