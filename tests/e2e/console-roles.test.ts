// The comms console in the built extension, by keyboard only (Tab, Shift+Tab, Enter, Space, arrow
// keys and typing; not one mouse click, sign-in included): the demo's administrator (Rachida, ICT)
// opens the console from the side panel, finds Hugo by search, grants him ambassador with a
// confirmation, hears the result, and finds the change at the top of the audit log, filtered by kind.
// A plain employee (Daan, in Dutch) has no console button, and console.html tells him, translated,
// that it is not for him and whom to ask.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionBrowser } from '../../scripts/chromium';
import { seedDemo } from '../../scripts/seed';
import { browserOf, focused, tabTo } from '../helpers/console-keyboard';
import { serveIntranet } from './setup';

describe('the comms console', () => {
  let intranet: Awaited<ReturnType<typeof serveIntranet>>;
  const browsers: ExtensionBrowser[] = [];

  beforeAll(async () => {
    await seedDemo({ threads: false });
    intranet = await serveIntranet();
  });

  afterAll(async () => {
    for (const eb of browsers) await eb.close();
    await intranet?.close();
  });

  it('the administrator opens it from the side panel, grants Hugo ambassador and finds it in the audit log, by keyboard only', async () => {
    const { eb, panel } = await browserOf('rachida', 'en');
    browsers.push(eb);

    // The side panel: the console's button, reached with Tab, opens the console in a tab.
    const button = panel.getByRole('button', { name: 'Comms console' });
    await tabTo(panel, button);
    const [page] = await Promise.all([eb.context.waitForEvent('page'), panel.keyboard.press('Enter')]);
    await page.waitForURL(/\/console\.html/);
    await page.bringToFront();
    await page.getByRole('heading', { level: 1, name: 'Roles' }).waitFor({ timeout: 20_000 });
    expect(await page.getByRole('navigation', { name: 'Console sections' }).getByRole('link').allTextContents()).toEqual([
      'Roles',
      'Sections',
      'Pilot groups',
      'Moderation',
      'Pages',
      'Insights',
      'Audit log',
    ]);
    // The directory copy syncs in this page too.
    await page.getByText(/Searches the 41 people in the directory/).waitFor({ timeout: 20_000 });

    // Find Hugo: type in the search field, arrow down into the results, Enter opens his roles.
    const search = page.getByLabel('Name, job title or department');
    await tabTo(page, search);
    await page.keyboard.type('hugo');
    const result = page.getByRole('button', { name: /Hugo de Boer/ });
    await result.waitFor();
    await page.keyboard.press('ArrowDown');
    expect(await focused(result)).toBe(true);
    await page.keyboard.press('Enter');
    const heading = page.getByRole('heading', { level: 3, name: 'Hugo de Boer' });
    await expect.poll(() => focused(heading)).toBe(true);
    await page.getByText('Hugo de Boer has no roles: a member like everyone else.').waitFor();

    // Choose Ambassador in the role group with the arrow keys; "Grant…" asks to confirm.
    const first = page.getByRole('radio', { name: 'Administrator' });
    await tabTo(page, first);
    expect(await first.isChecked()).toBe(false); // Tab into the group chooses nothing yet
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowDown');
    expect(await page.getByRole('radio', { name: 'Ambassador' }).isChecked()).toBe(true);
    await tabTo(page, page.getByRole('button', { name: 'Grant…' }));
    await page.keyboard.press('Enter');
    await page.getByText('Give Hugo de Boer the role Ambassador?').waitFor();
    const yes = page.getByRole('button', { name: 'Yes, grant' });
    expect(await focused(yes)).toBe(true);
    await page.keyboard.press('Enter');

    // The result is announced (a live region) and focused; his roles show it.
    const status = page.locator('.person-roles [role=status]');
    await expect.poll(() => status.textContent(), { timeout: 20_000 }).toMatch(/^Hugo de Boer now has the role Ambassador\. It takes effect the next time/);
    await expect.poll(() => focused(status)).toBe(true);
    await page.locator('.held-roles', { hasText: 'Ambassador' }).waitFor();
    await page.locator('.role-overview tr', { hasText: 'Ambassador' }).getByRole('button', { name: 'Hugo de Boer' }).waitFor();

    // Back up to the navigation: the audit log, its newest entry first.
    await tabTo(page, page.getByRole('link', { name: 'Audit log' }), { back: true });
    await page.keyboard.press('Enter');
    await page.waitForURL(/#audit$/);
    await expect.poll(() => focused(page.getByRole('heading', { level: 1, name: 'Audit log' }))).toBe(true);
    const newest = page.locator('table.audit tbody tr').first();
    await expect.poll(() => newest.textContent(), { timeout: 20_000 }).toContain('Granted Ambassador to Hugo de Boer');
    expect(await newest.textContent()).toContain('Rachida Bouzid');
    expect(await newest.textContent()).toContain('in the console');
    expect(await newest.locator('td').nth(3).textContent()).toBe('no roles');
    expect(await newest.locator('td').nth(4).textContent()).toBe('Ambassador');

    // The kind filter, by keyboard: role changes only still shows it.
    const filter = page.getByLabel('Show');
    await tabTo(page, filter);
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => filter.inputValue()).toBe('roles');
    await expect.poll(() => page.locator('table.audit tbody tr').first().textContent()).toContain('Granted Ambassador to Hugo de Boer');

    await page.screenshot({ path: '/tmp/console-audit-e2e.png', fullPage: true });
  });

  it('a plain employee has no console button, and console.html tells him (in Dutch) it is not for him', async () => {
    const { eb, panel } = await browserOf('daan', 'nl');
    browsers.push(eb);
    await panel.getByRole('button', { name: 'Mensen' }).waitFor();
    expect(await panel.getByRole('button', { name: 'Communicatieconsole' }).count()).toBe(0);

    const page = await eb.context.newPage();
    await page.goto(`chrome-extension://${eb.extensionId}/console.html#roles`);
    await page.getByRole('heading', { level: 1, name: 'De communicatieconsole is niet voor jouw account' }).waitFor({ timeout: 20_000 });
    await page.getByText('Vraag het een beheerder: Rachida Bouzid.').waitFor({ timeout: 20_000 });
    expect(await page.getByRole('navigation').count()).toBe(0);
    expect(await page.getByText('Rollen', { exact: true }).count()).toBe(0);
  });
});
