// Enterprise sign-in end to end, offline: the built extension in Chromium (Dutch), a real OpenID
// Connect server (demo/oidc-server.ts: `oidc-provider` with the demo employees, on the organisation
// file's issuer) and the Auth, Firestore and Functions emulators (the membership functions decide).
// The organisation's button opens the provider's login form in a popup window (launchWebAuthFlow),
// which Playwright sees as a page and fills in; the ID token signs the person in to Firebase.
// Then: the session lapses (tokens revoked) and is renewed silently; signing out and in as someone
// else leaves nothing of the first person's in the browser; a closed popup, an unreachable provider
// and an account of another tenant each get a translated message, and nothing typed is lost.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startOidcServer, OTHER_TENANT_ID, type OidcServer } from '../../demo/oidc-server';
import { launchWithExtension, openPanelPage, tabIdOf, type ExtensionBrowser } from '../../scripts/chromium';
import { emulatorAdmin, seedDemo, type SeededEmployee } from '../../scripts/seed';
import { sleep } from '../../scripts/poll';
import { readStore } from '../helpers/extension-idb';
import { DEMO_PASSWORD, demoEmployee, seededEmployee } from '../helpers/fixtures';
import { INTRANET, serveIntranet } from './setup';

const PATH = '/';
const BUTTON = 'Inloggen met je Lindeveen-account';
/** Someone with a Lindeveen address, but from another organisation's directory (tenant). */
const GUEST = { email: 'gast@lindeveen.nl', name: 'Gast van Buiten', tid: OTHER_TENANT_ID };

describe('enterprise sign-in through the identity provider (OIDC)', () => {
  let intranet: Awaited<ReturnType<typeof serveIntranet>>;
  let idp: OidcServer;
  const logins: string[] = [];
  let eb: ExtensionBrowser;
  let panel: Page;
  let seeded: SeededEmployee[];
  const olivia = demoEmployee('olivia');
  const pieter = demoEmployee('pieter');

  const startIdp = async () => (idp = await startOidcServer({ extraAccounts: [GUEST], onLogin: (email) => logins.push(email) }));

  /** Clicks the organisation's button and returns the provider's login window. */
  async function openLoginWindow(): Promise<Page> {
    const popup = eb.context.waitForEvent('page', { timeout: 20_000 });
    await panel.getByRole('button', { name: BUTTON }).click();
    const page = await popup;
    await page.locator('#login-email').waitFor({ timeout: 20_000 });
    return page;
  }

  async function signInAs(email: string): Promise<void> {
    const popup = await openLoginWindow();
    await popup.locator('#login-email').fill(email);
    await popup.locator('#login-password').fill(DEMO_PASSWORD);
    await popup.getByRole('button', { name: 'Inloggen', exact: true }).click();
  }

  const who = () => panel.locator('.panel-header .who');

  beforeAll(async () => {
    seeded = await seedDemo();
    intranet = await serveIntranet();
    await startIdp();
    eb = await launchWithExtension({ lang: 'nl' });
    const tab = await eb.context.newPage();
    await tab.goto(`${INTRANET}${PATH}`);
    await tab.locator('prikbord-launcher').waitFor({ state: 'attached' });
    panel = await openPanelPage(eb, await tabIdOf(eb, tab));
    await panel.setViewportSize({ width: 420, height: 760 });
  });

  afterAll(async () => {
    await eb?.close();
    await idp?.close();
    await intranet?.close();
  });

  it("offers the organisation's account first, the demo password under it", async () => {
    const button = panel.getByRole('button', { name: BUTTON });
    await button.waitFor({ timeout: 20_000 });
    await panel.screenshot({ path: '/tmp/oidc-signin.png' });
    // The button comes first in the tab order; the password form is there too (the demo offers both).
    await panel.locator('body').focus();
    await panel.keyboard.press('Tab');
    expect(await button.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await panel.getByRole('heading', { name: 'Of log in met e-mailadres en wachtwoord' }).isVisible()).toBe(true);
    expect(await panel.locator('#sign-in-email').isVisible()).toBe(true);
  });

  it("lets the code exchange through CORS for the extension's origin only (Entra: the SPA platform)", async () => {
    const { token_endpoint: token } = (await (await fetch(`${idp.issuer}/.well-known/openid-configuration`)).json()) as { token_endpoint: string };
    const exchange = (origin: string) =>
      fetch(token, {
        method: 'POST',
        headers: { Origin: origin, 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'authorization_code',
          code: 'x',
          client_id: 'prikbord-demo',
          redirect_uri: idp.redirectUri,
          code_verifier: 'y'.repeat(43),
        }),
      });
    expect((await exchange(`chrome-extension://${eb.extensionId}`)).headers.get('access-control-allow-origin')).toBe(`chrome-extension://${eb.extensionId}`);
    expect((await exchange('https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();
  });

  it('says the sign-in service cannot be reached when the identity provider is down', async () => {
    await idp.close();
    try {
      await panel.getByRole('button', { name: BUTTON }).click();
      await panel
        .getByRole('alert')
        .getByText('De inlogdienst van Gemeente Lindeveen is niet bereikbaar. Controleer je verbinding of probeer het zo opnieuw.')
        .waitFor({ timeout: 20_000 });
    } finally {
      await startIdp();
    }
  });

  it('says sign-in was cancelled when the login window is closed, and keeps the typed address (suggested to the provider)', async () => {
    await panel.locator('#sign-in-email').fill(olivia.email);
    const popup = await openLoginWindow();
    expect(popup.url().startsWith(`${idp.issuer}/interaction/`)).toBe(true);
    expect(await popup.locator('#login-email').inputValue()).toBe(olivia.email); // login_hint
    await popup.waitForLoadState('load');
    await popup.screenshot({ path: '/tmp/oidc-popup.png' });
    await popup.close();
    await panel
      .getByRole('alert')
      .getByText('Inloggen is afgebroken: het inlogvenster werd gesloten voordat je klaar was. Probeer het opnieuw wanneer je wilt.')
      .waitFor({ timeout: 20_000 });
    expect(await panel.locator('#sign-in-email').inputValue()).toBe(olivia.email);
    // "Annuleren" at the provider (an OAuth access_denied) reads the same.
    const again = await openLoginWindow();
    await again.getByRole('button', { name: 'Annuleren' }).click();
    await expect.poll(() => panel.getByRole('alert').textContent(), { timeout: 20_000 }).toMatch(/^Inloggen is afgebroken/);
    expect(logins).toEqual([]);
  });

  it('signs in through the login window as that person: their profile from the directory, their one account', async () => {
    await signInAs(olivia.email);
    await expect.poll(() => who().textContent(), { timeout: 30_000 }).toContain('Ingelogd als Olivia Jacobs');
    // The membership function let her in on the directory's entry; the provider's sign-in reached
    // the account the seed made for her address (one person, one uid), and is now linked to it.
    const user = await emulatorAdmin().auth.getUserByEmail(olivia.email);
    expect(user.uid).toBe(seededEmployee(seeded, 'olivia').uid);
    expect(user.providerData.map((p) => p.providerId).sort()).toEqual(['oidc.lindeveen', 'password']);
    expect(user.customClaims).toMatchObject({ member: true });
    expect(logins).toEqual([olivia.email]);
    // The login window used the browser profile's own cookies: the provider's session is the
    // profile's (single sign-on with whatever else signed in there), which the silent renewal uses.
    expect((await eb.context.cookies(idp.issuer)).map((cookie) => cookie.name)).toContain('_session');
  });

  it('leaves her own things in this browser: a like, a half-written comment', async () => {
    const uid = seededEmployee(seeded, 'olivia').uid;
    await panel.locator('.page-likes button.like').click();
    await panel.getByLabel('Je reactie').fill('Half af, van Olivia');
    await expect.poll(async () => (await readStore<{ uid: string }>(panel, 'likes')).some((like) => like.uid === uid), { timeout: 15_000 }).toBe(true);
    await expect
      .poll(async () => (await readStore<{ uid?: string; text: string }>(panel, 'drafts')).some((draft) => draft.uid === uid), { timeout: 15_000 })
      .toBe(true);
  });

  it('renews a lapsed session silently: no window, no sign-in screen', async () => {
    const { auth } = emulatorAdmin();
    const uid = seededEmployee(seeded, 'olivia').uid;
    const before = (await auth.getUser(uid)).metadata.lastSignInTime;
    await sleep(1100); // tokens are revoked by the second
    await auth.revokeRefreshTokens(uid);
    await panel.reload();
    // Firebase refuses the restored session; the provider still knows her, so she is signed in again.
    await expect.poll(async () => (await auth.getUser(uid)).metadata.lastSignInTime, { timeout: 30_000 }).not.toBe(before);
    await expect.poll(() => who().textContent(), { timeout: 30_000 }).toContain('Olivia Jacobs');
    expect(await panel.locator('#sign-in-title').count()).toBe(0);
    expect(logins).toEqual([olivia.email]); // no login form was filled in
    expect(await panel.getByLabel('Je reactie').inputValue()).toBe('Half af, van Olivia');
  });

  it("signs out, and signing in as someone else leaves nothing of the first person's here", async () => {
    const oliviaUid = seededEmployee(seeded, 'olivia').uid;
    await panel.getByRole('button', { name: 'Uitloggen' }).click();
    await panel.getByRole('button', { name: BUTTON }).waitFor();
    await sleep(2000);
    // Signed out on purpose: not signed back in silently, although the provider still knows her.
    expect(await panel.getByRole('button', { name: BUTTON }).isVisible()).toBe(true);
    // The provider asks for the account again (prompt=login) instead of reusing her session.
    await signInAs(pieter.email);
    await expect.poll(() => who().textContent(), { timeout: 30_000 }).toContain('Ingelogd als Pieter van den Berg');
    await expect
      .poll(async () => (await readStore<{ uid: string }>(panel, 'likes')).filter((like) => like.uid === oliviaUid).length, { timeout: 15_000 })
      .toBe(0);
    expect((await readStore<{ uid?: string }>(panel, 'drafts')).filter((draft) => draft.uid === oliviaUid)).toEqual([]);
    expect(await panel.getByLabel('Je reactie').inputValue()).toBe('');
    expect(logins).toEqual([olivia.email, pieter.email]);
  });

  it("refuses an account of another organisation's directory (tenant), in the person's words", async () => {
    await panel.getByRole('button', { name: 'Uitloggen' }).click();
    await signInAs(GUEST.email);
    await panel
      .getByRole('alert')
      .getByText(
        'Dit account komt uit de accountomgeving van een andere organisatie, niet van Gemeente Lindeveen. Log in met je werkaccount van Gemeente Lindeveen.',
      )
      .waitFor({ timeout: 30_000 });
    // Refused before any account was made (the sign-up's blocking function).
    await expect(emulatorAdmin().auth.getUserByEmail(GUEST.email)).rejects.toMatchObject({ code: 'auth/user-not-found' });
    expect(await panel.getByRole('button', { name: BUTTON }).isVisible()).toBe(true);
  });
});
