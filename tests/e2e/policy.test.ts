// Enterprise policy reaching the running extension in real Chromium (docs/enterprise-policy.md):
// set before start through the profile's Local State, changed while running through
// chrome://policy/test (tests/helpers/policy.ts says what was verified about both). The demo
// organisation file lets policy add origins within http://127.0.0.1/*; the demo intranet is served
// a second time on 127.0.0.1:8103 for that, and reached as localhost:8103 for an origin outside.
import { rmSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startIntranet } from '../../demo/serve-intranet.mjs';
import { launchWithExtension, openPanelPage, signInThroughPanel, tabIdOf, type ExtensionBrowser } from '../../scripts/chromium';
import { sleep } from '../../scripts/poll';
import { seedDemo } from '../../scripts/seed';
import { DEMO_PASSWORD, demoEmployee } from '../helpers/fixtures';
import { EXTENSION_ID, policySeenByWorker, profileWithPolicy, setPolicyNow } from '../helpers/policy';
import { INTRANET, serveIntranet } from './setup';

const EXTRA = 'http://127.0.0.1:8103';
const OUTSIDE = 'http://localhost:8103';
const PATH = '/afdelingen/communicatie.html';
const SWITCHED_OFF = "Prikbord has been switched off by your organisation's IT department";

/** The launcher in a page, counted (0 or 1). */
const launchers = (page: Page) => page.locator('prikbord-launcher').count();

/** The toolbar badge of a tab, as the extension set it. */
async function badgeOf(eb: ExtensionBrowser, page: Page): Promise<string> {
  const tabId = await tabIdOf(eb, page);
  const worker = eb.context.serviceWorkers().find((w) => w.url().includes(eb.extensionId))!;
  return worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
}

/** Waits long enough for the layer to have gone into a loaded page if it were going to (injected 250 ms after load, then idle). */
const LAYER_WOULD_BE_THERE_MS = 2500;

describe('enterprise policy in Chromium', () => {
  let intranet: Awaited<ReturnType<typeof serveIntranet>>;
  let extra: Awaited<ReturnType<typeof startIntranet>>;

  beforeAll(async () => {
    await seedDemo();
    intranet = await serveIntranet();
    extra = await startIntranet({ port: 8103 });
  });

  afterAll(async () => {
    await intranet?.close();
    await extra?.close();
  });

  describe('policy set before the browser starts, then changed while it runs', () => {
    let eb: ExtensionBrowser;
    let profile: string;
    let tab: Page;
    let panel: Page;

    beforeAll(async () => {
      // A good extra origin, one outside the file's policyOrigins, and a value of the wrong type.
      profile = profileWithPolicy({ extraOrigins: [EXTRA, OUTSIDE], firebaseProjectId: 42 });
      eb = await launchWithExtension({ userDataDir: profile, lang: 'en' });
    });

    afterAll(async () => {
      await eb?.close();
      if (profile) rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
    });

    it('is keyed by the extension id the organisation file fixes', () => {
      expect(eb.extensionId).toBe(EXTENSION_ID);
    });

    it('an origin policy adds gets the layer and its thread; one outside the file’s policyOrigins does not', async () => {
      tab = await eb.context.newPage();
      await tab.goto(`${EXTRA}${PATH}`);
      // On a first start the worker waits for the browser's policy (3–5 s) before it injects anything.
      await tab.locator('prikbord-launcher').waitFor({ state: 'attached', timeout: 20_000 });
      panel = await openPanelPage(eb, await tabIdOf(eb, tab));
      await signInThroughPanel(panel, demoEmployee('anna').email, DEMO_PASSWORD);
      await expect.poll(() => panel.locator('#page-title').textContent(), { timeout: 15_000 }).toMatch(/Communicatie/);

      const other = await eb.context.newPage();
      await other.goto(`${OUTSIDE}${PATH}`);
      await sleep(LAYER_WOULD_BE_THERE_MS);
      expect(await launchers(other)).toBe(0);
      // The organisation file's own origin keeps its layer.
      await other.goto(`${INTRANET}${PATH}`);
      await other.locator('prikbord-launcher').waitFor({ state: 'attached', timeout: 10_000 });
      await other.close();
    });

    it('shows in the panel which values came from policy, and what it ignored and why; the rest works on', async () => {
      const details = panel.locator('details.policy-details');
      await details.locator('summary').focus();
      await panel.keyboard.press('Enter'); // keyboard reachable
      await expect.poll(() => details.getAttribute('open')).toBe('');
      const text = await details.innerText();
      expect(text).toContain(`extraOrigins\n${EXTRA}`);
      expect(text).toContain(`extraOrigins = ${OUTSIDE}: outside what this organisation's extension may add by policy (http://127.0.0.1/*)`);
      expect(text).toContain('firebaseProjectId = 42: must be a text');
      // The wrong-typed project id changed nothing: Anna is signed in to the file's project.
      await expect.poll(() => panel.locator('.panel-header .who').textContent(), { timeout: 10_000 }).toContain(demoEmployee('anna').displayName);
    });

    it('the kill switch set while running: launchers and badges go, the panel says so; switched on again, all comes back', async () => {
      // A page with comments (seeded), so there is a badge to clear.
      const helpdesk = await eb.context.newPage();
      await helpdesk.goto(`${INTRANET}/ict/helpdesk.html`);
      await expect.poll(() => badgeOf(eb, helpdesk), { timeout: 10_000 }).toBe('3');

      await setPolicyNow(eb, { extraOrigins: [EXTRA], disabled: true });
      await expect.poll(() => launchers(tab), { timeout: 10_000 }).toBe(0);
      await expect.poll(() => launchers(helpdesk), { timeout: 10_000 }).toBe(0);
      await expect.poll(() => panel.locator('h1').first().textContent(), { timeout: 10_000 }).toBe(SWITCHED_OFF);
      await expect.poll(() => badgeOf(eb, helpdesk), { timeout: 10_000 }).toBe('');
      await helpdesk.close();
      // A page loaded now gets nothing either.
      await tab.reload();
      await sleep(LAYER_WOULD_BE_THERE_MS);
      expect(await launchers(tab)).toBe(0);
      if (process.env.PRIKBORD_POLICY_SCREENSHOT) {
        await panel.setViewportSize({ width: 420, height: 700 });
        await panel.screenshot({ path: process.env.PRIKBORD_POLICY_SCREENSHOT });
      }

      await setPolicyNow(eb, { extraOrigins: [EXTRA] });
      // The open tab gets the layer back without a reload, and the panel its app, still signed in.
      await tab.locator('prikbord-launcher').waitFor({ state: 'attached', timeout: 10_000 });
      await expect.poll(() => panel.locator('#page-title').textContent(), { timeout: 15_000 }).toMatch(/Communicatie/);
      await expect.poll(() => panel.locator('.panel-header .who').textContent(), { timeout: 10_000 }).toContain(demoEmployee('anna').displayName);
    });

    it('another Firebase project by policy: the panel restarts on it with nothing of the previous person; back again, all is as it was', async () => {
      await setPolicyNow(eb, {
        extraOrigins: [EXTRA],
        firebaseApiKey: 'demo-api-key',
        firebaseAuthDomain: 'demo-prikbord-policy.firebaseapp.com',
        firebaseProjectId: 'demo-prikbord-policy',
      });
      await panel.locator('#sign-in-email').waitFor({ timeout: 15_000 });
      const shown = await panel.locator('body').innerText();
      expect(shown).not.toContain(demoEmployee('anna').displayName);
      expect(shown).not.toContain(demoEmployee('anna').email);
      expect(await panel.locator('details.policy-details').textContent()).toContain('firebaseProjectIddemo-prikbord-policy');
      const databases = await panel.evaluate(async () => (await indexedDB.databases()).map((db) => db.name));
      expect(databases).toContain('prikbord@demo-prikbord-policy');

      await setPolicyNow(eb, { extraOrigins: [EXTRA] });
      await expect.poll(() => panel.locator('#page-title').textContent(), { timeout: 15_000 }).toMatch(/Communicatie/);
      await expect.poll(() => panel.locator('.panel-header .who').textContent(), { timeout: 10_000 }).toContain(demoEmployee('anna').displayName);
    });

    it('an origin policy no longer lists loses its launcher while its page stays open', async () => {
      await setPolicyNow(eb, {});
      await expect.poll(() => launchers(tab), { timeout: 10_000 }).toBe(0);
      // The panel bound to that tab restarts and no longer offers the page's thread.
      await panel.getByText('Prikbord is not active on this page.').waitFor({ timeout: 15_000 });
    });
  });

  describe('the kill switch set before the browser starts', () => {
    let eb: ExtensionBrowser;
    let profile: string;

    beforeAll(async () => {
      profile = profileWithPolicy({ disabled: true });
      eb = await launchWithExtension({ userDataDir: profile, lang: 'nl' });
    });

    afterAll(async () => {
      await eb?.close();
      if (profile) rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
    });

    it('no launcher on an intranet page, the panel shows only the message; switched on, the layer comes without reinstalling', async () => {
      const tab = await eb.context.newPage();
      await tab.goto(`${INTRANET}${PATH}`);
      await expect.poll(() => policySeenByWorker(eb), { timeout: 15_000 }).toEqual({ disabled: true });
      await sleep(LAYER_WOULD_BE_THERE_MS);
      expect(await launchers(tab)).toBe(0);
      const panel = await openPanelPage(eb, await tabIdOf(eb, tab));
      await expect.poll(() => panel.locator('h1').textContent(), { timeout: 10_000 }).toBe('Prikbord is uitgeschakeld door de IT-afdeling van je organisatie');
      expect(await panel.locator('#sign-in-email').count()).toBe(0);

      await setPolicyNow(eb, {});
      await tab.locator('prikbord-launcher').waitFor({ state: 'attached', timeout: 10_000 });
      await panel.locator('#sign-in-email').waitFor({ timeout: 15_000 });
    });
  });
});
