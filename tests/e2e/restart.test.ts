// Nothing typed is lost: a comment written offline waits in the outbox (IndexedDB), survives the
// browser crashing (killed, not closed), and is sent when it runs again online; a half-written
// draft survives the crash too.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureSignedIn, launchWithExtension, openPanelPage, tabIdOf, type ExtensionBrowser } from '../../scripts/chromium';
import { seedDemo } from '../../scripts/seed';
import { DEMO_PASSWORD, demoEmployee } from '../helpers/fixtures';
import { commentWith, employeeBrowser, INTRANET, serveIntranet, type Employee } from './setup';

const PATH = '/en/welcome.html';

describe('a comment written offline, and a draft, survive a browser crash', () => {
  let intranet: Awaited<ReturnType<typeof serveIntranet>>;
  let profile: string;
  let a: ExtensionBrowser | undefined;
  let b: Employee;
  const text = `Geschreven in de trein zonder verbinding ${Date.now()}`;
  const draft = `Half af, nog niet geplaatst ${Date.now()}`;

  beforeAll(async () => {
    await seedDemo();
    intranet = await serveIntranet();
    profile = mkdtempSync(join(tmpdir(), 'prikbord-restart-'));
    b = await employeeBrowser('bram', PATH, 'en');
  });

  afterAll(async () => {
    await a?.close();
    await b?.eb.close();
    await intranet?.close();
    rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  });

  async function openPanel(eb: ExtensionBrowser) {
    const tab = await eb.context.newPage();
    await tab.goto(`${INTRANET}${PATH}`);
    await tab.locator('prikbord-launcher').waitFor({ state: 'attached' });
    const panel = await openPanelPage(eb, await tabIdOf(eb, tab));
    await ensureSignedIn(panel, demoEmployee('anna').email, DEMO_PASSWORD);
    await panel.locator('#page-title').waitFor();
    // The composer appears once the profile has loaded (the name to post under): only then go offline.
    await panel.locator('#new-comment-text').waitFor();
    return panel;
  }

  it('shows the comment as waiting while offline', async () => {
    a = await launchWithExtension({ lang: 'nl', userDataDir: profile });
    const panel = await openPanel(a);
    await a.context.setOffline(true);
    await panel.getByLabel('Je reactie').fill(text);
    await panel.getByRole('button', { name: 'Plaatsen' }).click();
    await commentWith(panel, text).getByText('Wacht op verzenden').waitFor();
    await panel.getByText(/wijzigingen wachten|Offline/).waitFor();
    // The colleague sees nothing yet.
    await b.panel.waitForTimeout(1000);
    expect(await commentWith(b.panel, text).count()).toBe(0);
    // Then a second comment is started but not posted.
    await panel.locator('#new-comment-text').fill(draft);
    await panel.waitForTimeout(500); // the draft is saved as one types; give IndexedDB a moment
  });

  it('after a crash and a restart online, sends it (the colleague sees it once) and the draft is back', async () => {
    await a!.crash();
    a = await launchWithExtension({ lang: 'nl', userDataDir: profile });
    const panel = await openPanel(a);
    await expect.poll(() => panel.locator('#new-comment-text').inputValue()).toBe(draft);
    await commentWith(b.panel, text).waitFor({ timeout: 20_000 });
    await expect.poll(() => commentWith(panel, text).locator('.state.pending').count(), { timeout: 20_000 }).toBe(0);
    expect(await commentWith(b.panel, text).count()).toBe(1);
  });
});
