// Notifications in two browser profiles with the built extension against the emulators (Functions
// included): B replies to A's comment and @mentions her (picked from the suggestions); A's bell and
// the toolbar badge show it within seconds; the inbox item opens the page in A's tab and the panel
// scrolls to the reply, highlights and focuses it. A follows the section; while she is away a
// colleague starts a thread there, and the weekly digest (run as the scheduler would) shows it.
// Screenshots of the bell, the inbox (with items and empty), the highlighted comment, the follow
// controls and the settings go to docs/screenshots/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db as server } from '../../functions/src/admin';
import { runDigests } from '../../functions/src/notifications/digest';
import { paths } from '../../lib/core/paths';
import { seedDemo } from '../../scripts/seed';
import { ensureSignedIn, openPanelPage, tabIdOf } from '../../scripts/chromium';
import { DEMO_PASSWORD, demoEmployee } from '../helpers/fixtures';
import { commentWith, employeeBrowser, INTRANET, serveIntranet, type Employee } from './setup';

const PAGE = '/nieuws/2026-11-personeelsfeest.html';
const ELSEWHERE = '/afdelingen/communicatie.html';
const NEW_THREAD_PAGE = '/index.html';

/** The global badge text (the unread notifications), asked of the extension's worker. */
async function globalBadge(e: Employee): Promise<string> {
  const worker = e.eb.context.serviceWorkers().find((w) => w.url().includes(e.eb.extensionId))!;
  return worker.evaluate(() => chrome.action.getBadgeText({}));
}

describe('notifications across two employees', () => {
  let intranet: Awaited<ReturnType<typeof serveIntranet>>;
  let a: Employee;
  let b: Employee;
  const question = `Who knows when the staff party starts? ${Date.now()}`;
  const reply = 'At eight, see the invitation';

  beforeAll(async () => {
    await seedDemo();
    intranet = await serveIntranet();
    a = await employeeBrowser('anna', PAGE, 'en');
    b = await employeeBrowser('bram', PAGE, 'en');
  });

  afterAll(async () => {
    await a?.eb.close();
    await b?.eb.close();
    await intranet?.close();
  });

  it('B replies to A and mentions her; A’s bell and badge show it within seconds', async () => {
    await a.panel.getByLabel('Your comment', { exact: true }).fill(question);
    await a.panel.getByRole('button', { name: 'Post' }).click();
    await commentWith(b.panel, question).waitFor({ timeout: 15_000 });
    await b.panel
      .locator('article.comment', { hasText: question })
      .getByRole('button', { name: /Reply to/ })
      .click();
    const box = b.panel.getByRole('combobox', { name: /Your reply to/ });
    await box.pressSequentially(`${reply}, @Ann`);
    await b.panel.getByRole('listbox', { name: 'People to mention' }).getByRole('option', { name: 'Anna de Vries' }).waitFor({ timeout: 30_000 });
    await box.press('Enter');
    await b.panel.getByRole('button', { name: 'Reply', exact: true }).click();
    await commentWith(b.panel, reply).waitFor();

    await a.panel.getByRole('button', { name: 'Notifications, 1 unread' }).waitFor({ timeout: 20_000 });
    await expect.poll(() => globalBadge(a), { timeout: 10_000 }).toBe('1');
    // The reply names A, so one item (a reply), not a second for the mention of the same comment.
    const stored = await server
      .collection(paths.inboxItems((await server.collection('profiles').where('email', '==', demoEmployee('anna').email).get()).docs[0]!.id))
      .get();
    expect(stored.docs.map((d) => d.get('kind'))).toContain('reply');
    await a.panel.locator('.panel-header').screenshot({ path: 'docs/screenshots/notifications-bell.png' });
  });

  it('the item deep-links: A’s tab opens the page, the panel scrolls to the reply, highlights and focuses it', async () => {
    await a.tab.goto(`${INTRANET}${ELSEWHERE}`);
    await expect.poll(() => a.panel.locator('#page-title').textContent(), { timeout: 15_000 }).not.toMatch(/feest/i);
    await a.panel.getByRole('button', { name: 'Notifications, 1 unread' }).click();
    await a.panel.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
    await a.panel.screenshot({ path: 'docs/screenshots/notifications-inbox.png', fullPage: true });
    await a.panel.getByRole('button', { name: /Bram Jansen replied to your comment/ }).click();
    await expect.poll(() => a.tab.url(), { timeout: 10_000 }).toContain(`${PAGE}#prikbord-comment=`);
    const highlighted = a.panel.locator('article.comment.highlighted', { hasText: reply });
    await highlighted.waitFor({ timeout: 15_000 });
    await expect.poll(() => a.panel.evaluate(() => document.activeElement?.classList.contains('highlighted') ?? false)).toBe(true);
    await a.panel.getByRole('button', { name: 'Notifications, none unread' }).waitFor({ timeout: 10_000 });
    await a.panel.screenshot({ path: 'docs/screenshots/notifications-highlighted-comment.png' });
  });

  it('an inbox with nothing in it says what will appear there; the desktop settings are off by default', async () => {
    const c = await employeeBrowser('chantal', PAGE, 'nl');
    try {
      await c.panel.getByRole('button', { name: 'Meldingen, niets ongelezen' }).click();
      await c.panel.getByText('Nog geen meldingen.', { exact: false }).waitFor();
      await c.panel.locator('summary', { hasText: 'Bureaubladmeldingen' }).click();
      const enabled = c.panel.getByRole('checkbox', { name: 'Bureaubladmeldingen tonen' });
      expect(await enabled.isChecked()).toBe(false);
      expect(await c.panel.getByRole('checkbox', { name: 'Stille uren' }).isDisabled()).toBe(true);
      await c.panel.screenshot({ path: 'docs/screenshots/notifications-empty-and-settings.png', fullPage: true });
    } finally {
      await c.eb.close();
    }
  });

  it('a followed section’s new thread reaches A’s weekly digest while she was away', async () => {
    await a.panel.getByRole('button', { name: 'Follow the rest of the intranet' }).click();
    await a.panel.getByRole('button', { name: 'Following the rest of the intranet' }).waitFor({ timeout: 10_000 });
    await a.panel.locator('.follow').screenshot({ path: 'docs/screenshots/notifications-follow.png' });
    const aUid = (await server.collection('profiles').where('email', '==', demoEmployee('anna').email).get()).docs[0]!.id;
    // The button shows the follow at once; the digest needs it on the server before the panel closes.
    await expect
      .poll(async () => ((await server.doc(paths.follows(aUid)).get()).get('sections') as string[] | undefined)?.includes('_rest') ?? false, {
        timeout: 15_000,
      })
      .toBe(true);
    await a.panel.close();
    // A has not been around for nine days.
    await server.doc(paths.inbox(aUid)).set({ seenAt: new Date(Date.now() - 9 * 86_400_000) }, { merge: true });

    await b.tab.goto(`${INTRANET}${NEW_THREAD_PAGE}`);
    await expect.poll(() => b.panel.locator('#page-title').textContent(), { timeout: 15_000 }).not.toMatch(/feest/i);
    const thread = `A new topic for everyone following ${Date.now()}`;
    await b.panel.getByLabel('Your comment', { exact: true }).fill(thread);
    await b.panel.getByRole('button', { name: 'Post' }).click();
    await commentWith(b.panel, thread).waitFor();
    const pageTitle = (await b.panel.locator('#page-title').textContent()) ?? '';
    await expect.poll(async () => (await server.collection(paths.timeline()).where('latest.excerpt', '==', thread).get()).size, { timeout: 30_000 }).toBe(1);
    await runDigests(Date.now());

    a.panel = await openPanelPage(a.eb, await tabIdOf(a.eb, a.tab));
    await ensureSignedIn(a.panel, demoEmployee('anna').email, DEMO_PASSWORD);
    await a.panel.getByRole('button', { name: /^Notifications, \d+ unread$/ }).click({ timeout: 20_000 });
    const digest = a.panel.locator('.digest');
    await digest.waitFor({ timeout: 15_000 });
    expect(await digest.textContent()).toContain(pageTitle.trim());
    await a.panel.screenshot({ path: 'docs/screenshots/notifications-digest.png', fullPage: true });
  });
});
