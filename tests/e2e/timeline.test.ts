// "Wat speelt er? / What's happening" in two browser profiles with the built extension against the
// emulators (Functions included): B comments on a page A never opened; A's timeline shows it within
// a few seconds; a click on the card opens that page in A's tab and A's panel shows its thread.
// Then: on a tab that is no intranet page the panel shows the timeline instead of a dead end.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../scripts/seed';
import { ensureSignedIn, openPanelPage, tabIdOf } from '../../scripts/chromium';
import { DEMO_PASSWORD, demoEmployee } from '../helpers/fixtures';
import { commentWith, employeeBrowser, INTRANET, serveIntranet, type Employee } from './setup';

/** Where A is: a page with no part in this story. */
const A_PATH = '/afdelingen/communicatie.html';
/** Where B comments: no seeded thread, and A never opens it before the click. */
const B_PATH = '/nieuws/2026-11-personeelsfeest.html';

describe('the timeline across two employees', () => {
  let intranet: Awaited<ReturnType<typeof serveIntranet>>;
  let a: Employee;
  let b: Employee;
  const comment = `Komt er ook een vegetarisch buffet op het personeelsfeest? ${Date.now()}`;

  beforeAll(async () => {
    await seedDemo();
    intranet = await serveIntranet();
    a = await employeeBrowser('anna', A_PATH, 'nl');
    b = await employeeBrowser('bram', B_PATH, 'en');
  });

  afterAll(async () => {
    await a?.eb.close();
    await b?.eb.close();
    await intranet?.close();
  });

  it('B comments on a page A never opened; A’s open timeline shows it within a few seconds', async () => {
    await a.panel.getByRole('button', { name: 'Wat speelt er?' }).click();
    await a.panel.getByRole('heading', { level: 1, name: 'Wat speelt er op het intranet?' }).waitFor();

    await b.panel.getByLabel('Your comment').fill(comment);
    const posted = Date.now();
    await b.panel.getByRole('button', { name: 'Post' }).click();
    await commentWith(b.panel, comment).waitFor();

    const card = a.panel.locator('article.timeline-card', { hasText: comment });
    // Usually well under a second (the bench measures it); the bound leaves room for the Functions
    // emulator still working through the seed's triggers on a busy CI machine.
    await card.waitFor({ timeout: 45_000 });
    console.log(`timeline e2e: B's comment in A's open timeline after ${Date.now() - posted} ms`);
    await expect.poll(() => card.locator('h3').textContent()).toMatch(/Personeelsfeest/);
    expect(await card.textContent()).toContain(demoEmployee('bram').displayName);
    await a.panel.screenshot({ path: 'docs/screenshots/panel-timeline.png', fullPage: true });
  });

  it('the card is reachable by keyboard and opens that page in A’s tab, with its thread in the panel', async () => {
    const link = a.panel.locator('article.timeline-card', { hasText: comment }).getByRole('link');
    await link.focus();
    await a.panel.keyboard.press('Enter');
    await expect.poll(() => a.tab.url(), { timeout: 10_000 }).toContain(B_PATH);
    await expect.poll(() => a.panel.locator('#page-title').textContent(), { timeout: 15_000 }).toMatch(/Personeelsfeest/);
    await commentWith(a.panel, comment).waitFor({ timeout: 10_000 });
  });

  it('on a tab that is no intranet page the panel shows the timeline, saying why', async () => {
    // The extension sees the urls of intranet tabs only: take the tab's id there, then leave the intranet.
    const elsewhere = await a.eb.context.newPage();
    await elsewhere.goto(`${INTRANET}/index.html`);
    const tabId = await tabIdOf(a.eb, elsewhere);
    await elsewhere.goto('about:blank');
    const panel = await openPanelPage(a.eb, tabId);
    try {
      await ensureSignedIn(panel, demoEmployee('anna').email, DEMO_PASSWORD);
      await panel.getByText('Prikbord is niet actief op deze pagina.').waitFor({ timeout: 15_000 });
      await panel.getByRole('heading', { level: 1, name: 'Wat speelt er op het intranet?' }).waitFor();
      await panel.locator('article.timeline-card', { hasText: comment }).waitFor({ timeout: 10_000 });
      await panel.screenshot({ path: 'docs/screenshots/panel-timeline-not-intranet.png', fullPage: true });
    } finally {
      await panel.close();
      await elsewhere.close();
    }
  });
});
