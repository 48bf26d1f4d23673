// The comms console's Pages section in the built extension, by keyboard only (Tab, Shift+Tab,
// Enter, arrow keys and typing): the demo's comms advisor (Anna) opens the console from the side
// panel, finds the leave policy's page by search, updates its announcement, and adds the policy's
// 2019 address as an alias (confirmed first, the result announced and focused); the change is at
// the top of the audit log. Then an employee (Hugo, in Dutch) opens the 2019 address: his side
// panel shows the policy page's own thread, with the announcement on top, and the launcher counts
// that thread. Screenshots of both go to docs/screenshots/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, openPanelPage, tabIdOf, type ExtensionBrowser } from '../../scripts/chromium';
import { seedDemo } from '../../scripts/seed';
import { DEMO_PASSWORD, demoEmployee } from '../helpers/fixtures';
import { focused, tabTo } from '../helpers/keyboard';
import { employeeBrowser, INTRANET, serveIntranet, commentWith } from './setup';

const SCREENSHOTS = new URL('../../docs/screenshots/', import.meta.url).pathname;
const OLD_URL = `${INTRANET}/hr/verlof-2019.html`;
const ANNOUNCEMENT = 'Vragen over de nieuwe verlofregeling? Stel ze hier. P&O antwoordt binnen een werkdag.';

describe('the console’s Pages section', () => {
  let intranet: Awaited<ReturnType<typeof serveIntranet>>;
  const browsers: ExtensionBrowser[] = [];

  beforeAll(async () => {
    await seedDemo();
    intranet = await serveIntranet();
  });

  afterAll(async () => {
    for (const eb of browsers) await eb.close();
    await intranet?.close();
  });

  it('comms finds a page, updates its announcement and adds an old address, by keyboard only', async () => {
    const eb = await launchWithExtension({ lang: 'en' });
    browsers.push(eb);
    const tab = await eb.context.newPage();
    await tab.goto(`${INTRANET}/hr/verlofregeling.html`);
    await tab.locator('prikbord-launcher').waitFor({ state: 'attached' });
    const panel = await openPanelPage(eb, await tabIdOf(eb, tab));
    await tabTo(panel, panel.locator('#sign-in-email'));
    await panel.keyboard.type(demoEmployee('anna').email);
    await panel.keyboard.press('Tab');
    await panel.keyboard.type(DEMO_PASSWORD);
    await panel.keyboard.press('Enter');
    await panel.locator('.panel-header .who').waitFor({ timeout: 20_000 });

    const [page] = await Promise.all([
      eb.context.waitForEvent('page'),
      tabTo(panel, panel.getByRole('button', { name: 'Comms console' })).then(() => panel.keyboard.press('Enter')),
    ]);
    await page.waitForURL(/\/console\.html/);
    await page.bringToFront();
    await page.setViewportSize({ width: 1280, height: 900 });
    const nav = page.getByRole('navigation', { name: 'Console sections' });
    await expect
      .poll(() => nav.getByRole('link').allTextContents(), { timeout: 20_000 })
      .toEqual(['Roles', 'Sections', 'Pilot groups', 'Pages', 'Insights', 'Audit log']);
    await tabTo(page, nav.getByRole('link', { name: 'Pages' }));
    await page.keyboard.press('Enter');
    await page.waitForURL(/#pages$/);
    await expect.poll(() => focused(page.getByRole('heading', { level: 1, name: 'Pages' }))).toBe(true);

    // Search, arrow down into the results, Enter chooses the page: focus on its heading.
    const search = page.getByLabel('Title or address');
    await tabTo(page, search);
    await page.keyboard.type('verlof');
    const result = page.getByRole('button', { name: /Verlofregeling/ });
    await result.waitFor({ timeout: 20_000 });
    await page.keyboard.press('ArrowDown');
    expect(await focused(result)).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page.getByRole('heading', { level: 2, name: 'Verlofregeling' }))).toBe(true);

    // The announcement the demo seeded, replaced.
    const text = page.getByLabel('Short note at the top of the discussion');
    await tabTo(page, text);
    expect(await text.inputValue()).toMatch(/^Vragen over de nieuwe verlofregeling\?/);
    await page.keyboard.press('Control+A');
    await page.keyboard.type(ANNOUNCEMENT);
    await tabTo(page, page.getByRole('button', { name: 'Update announcement' }));
    await page.keyboard.press('Enter');
    const status = page.locator('.page-actions [role=status]');
    await expect
      .poll(() => status.textContent(), { timeout: 20_000 })
      .toBe('The announcement is pinned on “Verlofregeling”. Readers see it the next time they open the page.');
    await expect.poll(() => focused(status)).toBe(true);

    // An old address: asked to confirm (focus on "Yes"), then done.
    await tabTo(page, page.getByLabel('Old address of this page'));
    await page.keyboard.type(OLD_URL);
    await tabTo(page, page.getByRole('button', { name: 'Add old address' }));
    await page.keyboard.press('Enter');
    await page.getByText(`Show the discussion of “Verlofregeling” at ${OLD_URL} from now on?`).waitFor();
    expect(await focused(page.getByRole('button', { name: 'Yes, do it' }))).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => status.textContent(), { timeout: 20_000 }).toBe(`${OLD_URL} now shows the discussion of “Verlofregeling”.`);
    await expect.poll(() => focused(status)).toBe(true);
    // The list shows the old address as standing for the page.
    await tabTo(page, search, { back: true });
    await page.keyboard.press('Control+A');
    await page.keyboard.type('2019');
    await page.getByRole('button', { name: /verlof-2019\.html.*Shows “Verlofregeling”/ }).waitFor({ timeout: 20_000 });
    await page.keyboard.press('Control+A');
    await page.keyboard.type('verlof');
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${SCREENSHOTS}console-pages.png`, fullPage: true });

    // A move to that old address would go round in a circle: refused, said, nothing changed.
    await tabTo(page, page.getByLabel('New address of this page'));
    await page.keyboard.type(OLD_URL);
    await tabTo(page, page.getByRole('button', { name: 'Move discussion' }));
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page.getByRole('button', { name: 'Yes, do it' }))).toBe(true);
    await page.keyboard.press('Enter');
    await expect
      .poll(() => status.textContent(), { timeout: 20_000 })
      .toBe('That would go round in a circle: the other page already shows this page’s thread. Remove that alias first. Nothing was changed.');
    await expect.poll(() => focused(status)).toBe(true);

    // Merging: the search's results are reached with the arrow keys; choosing one asks first, and
    // "Cancel" returns focus to the result that asked (nothing merged here).
    await tabTo(page, page.getByLabel('Page to merge into'), { back: true });
    await page.keyboard.type('helpdesk');
    const candidate = page.getByRole('list', { name: 'Pages to merge into' }).getByRole('button', { name: /ICT-helpdesk/ });
    await candidate.waitFor();
    await page.keyboard.press('ArrowDown');
    expect(await focused(candidate)).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByText(/^Merge “Verlofregeling” into “ICT-helpdesk”\?/).waitFor();
    await tabTo(page, page.getByRole('button', { name: 'Cancel' }));
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(candidate)).toBe(true);
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');

    // The audit log: newest first, in words.
    await tabTo(page, page.getByRole('link', { name: 'Audit log' }), { back: true });
    await page.keyboard.press('Enter');
    await page.waitForURL(/#audit$/);
    const rows = page.locator('table.audit tbody tr');
    await expect.poll(() => rows.first().textContent(), { timeout: 20_000 }).toContain(`${OLD_URL} shows “Verlofregeling”`);
    expect(await rows.first().textContent()).toContain('Anna de Vries');
    await expect.poll(() => rows.nth(1).textContent()).toContain('Announcement on “Verlofregeling”');
    expect(await rows.nth(1).locator('td').nth(4).textContent()).toBe(`“${ANNOUNCEMENT}”`);
  });

  it('an employee opening the old address sees the page’s own thread, its announcement and its count', async () => {
    const hugo = await employeeBrowser('hugo', '/hr/verlof-2019.html', 'nl');
    browsers.push(hugo.eb);
    await hugo.panel.setViewportSize({ width: 420, height: 760 });
    await commentWith(hugo.panel, 'Telt ouderschapsverlof mee voor de opbouw van vakantiedagen?').waitFor({ timeout: 20_000 });
    await hugo.panel.getByText('Dit is een oud adres van deze pagina: je ziet het gesprek van de pagina.').waitFor();
    const note = hugo.panel.getByRole('complementary', { name: 'Mededeling' });
    await expect.poll(() => note.textContent(), { timeout: 20_000 }).toContain(ANNOUNCEMENT);
    expect(await note.textContent()).toContain('Vastgezet door Anna de Vries');
    await expect.poll(() => hugo.panel.locator('.count').textContent()).toBe('2 reacties');
    await expect.poll(() => hugo.tab.locator('prikbord-launcher').locator('button.open').textContent(), { timeout: 20_000 }).toContain('2');
    await hugo.panel.screenshot({ path: `${SCREENSHOTS}panel-announcement.png` });
  });
});
