// The rough edges people hit first (issue 18, item 3), in Chromium with the built extension:
//   - an intranet error page (a stale link's 404, a 500) gets no launcher, and the panel says it is
//     an error page instead of showing a thread;
//   - a frameset whose content frame starts blank shows its launcher in the navigation frame, and
//     once the content frame loads a page, there (one launcher throughout);
//   - the page's headings reach the expert suggestions (a page whose title says nothing);
//   - signed out, the launcher says what Prikbord is and offers one action, signing in, and the
//     panel says the same; signing in turns it into the usual launcher;
//   - the own profile saved while Firestore is down: kept, shown as waiting, sent when it is back.
// Screenshots of each go to docs/screenshots/ (README "Rough edges").
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, openPanelPage, signInThroughPanel, tabIdOf, type ExtensionBrowser } from '../../scripts/chromium';
import { waitFor } from '../../scripts/poll';
import { seedDemo } from '../../scripts/seed';
import { serverDoc } from '../helpers/emulator-admin';
import { readStore } from '../helpers/extension-idb';
import { stopFirestore } from '../helpers/firestore-outage';
import { DEMO_PASSWORD, demoEmployee, seededEmployee } from '../helpers/fixtures';
import { employeeBrowser, INTRANET, serveIntranet, type Employee } from './setup';

const SHOTS = new URL('../../docs/screenshots/', import.meta.url).pathname;

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

const total = async (tab: Page) => (await launchers(tab)).reduce((n, c) => n + c.count, 0);

/** The frame of the tab whose URL ends with `path`. */
function frameOf(tab: Page, path: string): Promise<Frame> {
  return waitFor(() => tab.frames().find((f) => f.url().endsWith(path)), { attempts: 50, intervalMs: 100, what: `the frame ${path}` });
}

describe('rough edges people hit first', () => {
  let intranet: Awaited<ReturnType<typeof serveIntranet>>;
  let anna: Employee;
  let annaUid: string;

  beforeAll(async () => {
    annaUid = seededEmployee(await seedDemo({ threads: false }), 'anna').uid;
    intranet = await serveIntranet();
    anna = await employeeBrowser('anna', '/index.html', 'nl');
    await anna.tab.setViewportSize({ width: 1100, height: 650 });
    await anna.panel.setViewportSize({ width: 420, height: 760 });
  });

  afterAll(async () => {
    await anna?.eb.close();
    await intranet?.close();
  });

  describe('error pages', () => {
    it.each([
      ['a stale link’s 404', '/hr/verlofregeling-2018.html', 404],
      ['a server error', '/status/500', 500],
    ])('%s: no launcher, and the panel says it is an error page (%s)', async (_what, path, status) => {
      const response = await anna.tab.goto(`${INTRANET}${path}`);
      expect(response?.status()).toBe(status);
      // The panel hears it from the page's content script: that it has run and decided.
      const notice = anna.panel.getByRole('region', { name: 'Dit is een foutpagina' });
      await notice.waitFor({ timeout: 15_000 });
      expect(await notice.textContent()).toContain(`foutmelding (${status})`);
      expect(await anna.panel.locator('#new-comment-text').count()).toBe(0);
      expect(await total(anna.tab)).toBe(0);
      // Asked directly, the tab says the same.
      const answer = await anna.panel.evaluate(async (id) => chrome.tabs.sendMessage(id, { type: 'page:identify' }), await tabIdOf(anna.eb, anna.tab));
      expect(answer).toEqual({ errorStatus: status });
      if (status === 404) {
        await anna.tab.bringToFront();
        await anna.tab.screenshot({ path: `${SHOTS}error-page-no-launcher.png` });
        await anna.panel.screenshot({ path: `${SHOTS}panel-error-page.png` });
      }
    });

    it('a real page after it has its launcher and thread again', async () => {
      await anna.tab.goto(`${INTRANET}/hr/verlofregeling.html`);
      await anna.tab.locator('prikbord-launcher').waitFor({ state: 'attached', timeout: 10_000 });
      await expect.poll(() => anna.panel.locator('#page-title').textContent(), { timeout: 10_000 }).toBe('Verlofregeling');
      expect(await anna.panel.getByRole('region', { name: 'Dit is een foutpagina' }).count()).toBe(0);
    });
  });

  it('a frameset whose content frame starts blank: the launcher is in the navigation frame, then in the page the content frame loads', async () => {
    await anna.tab.goto(`${INTRANET}/legacy/javadoc/leeg.html`);
    const nav = await frameOf(anna.tab, '/legacy/javadoc/nav.html');
    await nav.locator('prikbord-launcher').waitFor({ state: 'attached', timeout: 10_000 });
    expect(await total(anna.tab)).toBe(1);
    await expect.poll(() => anna.panel.locator('#page-title').textContent(), { timeout: 10_000 }).toBe('Alle klassen');
    await nav.locator('prikbord-launcher button.open').click({ trial: true });
    await anna.tab.bringToFront();
    await anna.tab.screenshot({ path: `${SHOTS}launcher-blank-frameset.png` });

    await nav.locator('#link-zaak').click(); // <base target="inhoud"> fills the blank frame
    const content = await frameOf(anna.tab, '/legacy/javadoc/klasse-zaak.html');
    await content.locator('prikbord-launcher').waitFor({ state: 'attached', timeout: 10_000 });
    await expect.poll(() => nav.locator('prikbord-launcher').count(), { timeout: 10_000 }).toBe(0);
    expect(await total(anna.tab)).toBe(1);
    await expect.poll(() => anna.panel.locator('#page-title').textContent(), { timeout: 10_000 }).toBe('Zaak (Zaaksysteem API)');
  });

  it('the page’s headings reach the expert suggestions: a page whose title says nothing of VPN suggests the VPN expert', async () => {
    await anna.tab.goto(`${INTRANET}/nieuws/2026-11-mededeling.html`);
    await anna.tab.locator('prikbord-launcher').waitFor({ state: 'attached', timeout: 10_000 });
    const tabId = await tabIdOf(anna.eb, anna.tab);
    const answer = (await anna.panel.evaluate(async (id) => chrome.tabs.sendMessage(id, { type: 'page:identify' }), tabId)) as {
      title: string;
      headings: string[];
    };
    expect(answer.title).toBe('Mededeling van 20 november');
    // Deduplicated, in page order (the page repeats "Wat moet je doen?" as an h3).
    expect(answer.headings).toEqual(['Mededeling van 20 november', 'Nieuwe VPN-verbinding vanaf 1 december', 'Wat moet je doen?']);
    await anna.panel.getByRole('button', { name: 'Mensen' }).click();
    await expect
      .poll(() => anna.panel.locator('.page-experts .expert .person-name').allTextContents(), { timeout: 20_000 })
      .toContain(demoEmployee('daan').displayName);
    await anna.panel.getByRole('button', { name: 'Discussie' }).click();
  });

  it('the own profile saved while Firestore is down: kept, shown as waiting, sent once it is back', async () => {
    const skill = `Kerstmarkt ${Date.now() % 100_000}`;
    await anna.panel.getByRole('button', { name: 'Mijn profiel' }).click();
    const skills = anna.panel.getByLabel(/Vraag me over/);
    await skills.waitFor();
    const before = await skills.inputValue();
    const stopped = await stopFirestore();
    try {
      await skills.fill(`${before}, ${skill}`);
      await anna.panel.getByRole('button', { name: 'Profiel opslaan' }).click();
      const pending = anna.panel.locator('#profile-pending');
      await pending.waitFor();
      expect(await pending.textContent()).toContain('Opgeslagen op dit apparaat');
      expect(await skills.inputValue()).toContain(skill);
      const queued = await readStore<{ op: { kind: string; fields: { skills: string[] } }; state: string }>(anna.panel, 'outbox');
      expect(queued.map((item) => [item.op.kind, item.state])).toEqual([['profile', 'pending']]);
      expect(queued[0]!.op.fields.skills).toContain(skill);
      // The people table (the directory, expert lookup) has it at once.
      const [row] = await readStore<{ skills: string[] }>(anna.panel, 'people', annaUid);
      expect(row!.skills).toContain(skill);
      await anna.panel.screenshot({ path: `${SHOTS}profile-pending.png` });
    } finally {
      await stopped.start();
    }
    await anna.panel.getByText('Profiel opgeslagen.').waitFor({ timeout: 60_000 });
    expect(await anna.panel.locator('#profile-pending').count()).toBe(0);
    expect((await serverDoc(`profiles/${annaUid}`))?.skills).toContain(skill);
    expect(await readStore(anna.panel, 'outbox')).toEqual([]);
  });
});

describe('signed out', () => {
  let intranet: Awaited<ReturnType<typeof serveIntranet>>;
  let eb: ExtensionBrowser;
  let tab: Page;
  let panel: Page;

  beforeAll(async () => {
    await seedDemo({ threads: false });
    intranet = await serveIntranet();
    eb = await launchWithExtension({ lang: 'en' });
    tab = await eb.context.newPage();
    await tab.setViewportSize({ width: 1100, height: 650 });
    await tab.goto(`${INTRANET}/hr/verlofregeling.html`);
  });

  afterAll(async () => {
    await eb?.close();
    await intranet?.close();
  });

  it('the launcher says what Prikbord is and offers one action, signing in; no count', async () => {
    const open = tab.locator('prikbord-launcher button.open');
    await open.waitFor({ timeout: 15_000 });
    expect(await open.textContent()).toBe('Sign in to join the conversation');
    expect(await open.getAttribute('aria-label')).toBe('Prikbord: Sign in to join the conversation');
    const about = tab.locator('prikbord-launcher p');
    expect(await about.isVisible()).toBe(true);
    expect(await about.textContent()).toContain('colleagues talk about this intranet page');
    await tab.bringToFront();
    await tab.screenshot({ path: `${SHOTS}launcher-signed-out.png` });
    // Described by it, for screen readers; reachable by keyboard.
    expect(await open.getAttribute('aria-describedby')).toBe(await about.getAttribute('id'));
    await open.focus();
    expect(await tab.evaluate(() => document.activeElement?.tagName)).toBe('PRIKBORD-LAUNCHER');
  });

  it('the panel says the same, and signing in there turns the launcher into the usual one', async () => {
    panel = await openPanelPage(eb, await tabIdOf(eb, tab));
    await panel.setViewportSize({ width: 420, height: 760 });
    const heading = panel.getByRole('heading', { name: 'Sign in to join the conversation' });
    await heading.waitFor({ timeout: 20_000 });
    expect(await panel.locator('#sign-in-about').textContent()).toContain('Prikbord lets colleagues talk about the intranet pages they read');
    await panel.screenshot({ path: `${SHOTS}panel-signed-out.png` });

    const anna = demoEmployee('anna');
    await signInThroughPanel(panel, anna.email, DEMO_PASSWORD);
    const open = tab.locator('prikbord-launcher button.open');
    await expect.poll(() => open.getAttribute('aria-label'), { timeout: 20_000 }).toMatch(/^Prikbord: (?!Sign in)/);
    expect(await tab.locator('prikbord-launcher p').isVisible()).toBe(false);
  });
});
