// Starts Debian's Chromium with the built extension loaded and attaches Playwright over CDP.
// Used by the e2e tests, the demo and the bench. We start the browser ourselves instead of
// Playwright's launchPersistentContext: Playwright's own launcher adds
// --disable-features=…,ThirdPartyStoragePartitioning,…, and with third-party storage partitioning
// switched off the extension's storage breaks.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { sleep, waitFor } from './poll';

/** Where `wxt build` puts the Chrome build of the extension. */
export const EXTENSION_DIR = resolve(import.meta.dirname, '../.output/chrome-mv3');

/** How to start Chromium: with or without the extension, headless or not, language, profile. */
export interface LaunchOptions {
  /** Start without the extension (to compare a page with and without it under the same flags). */
  withoutExtension?: boolean;
  /** Headless (tests, CI) or a real window (the demo). Default: headless. */
  headless?: boolean;
  /** UI language, e.g. 'nl' or 'en' (drives the extension's i18n). */
  lang?: string;
  /** Profile folder; a fresh temporary one when omitted (and removed on close). */
  userDataDir?: string;
  /** Page to open first. */
  startUrl?: string;
  extensionDir?: string;
}

/** A running Chromium with Playwright attached, and the ways to end it. */
export interface ExtensionBrowser {
  browser: Browser;
  context: BrowserContext;
  extensionId: string;
  userDataDir: string;
  /** A new connection: needed to see a side panel opened after the first connection was made. */
  reconnect(): Promise<Browser>;
  close(): Promise<void>;
  /** Kills the browser at once (SIGKILL to every process), as a crash or a power cut would. */
  crash(): Promise<void>;
}

/** The Chromium binary: $CHROMIUM_PATH, or Debian's /usr/bin/chromium. */
export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path)) throw new Error(`Chromium not found at ${path}: apt-get install -y chromium, or set CHROMIUM_PATH`);
  return path;
}

/** How long Chromium may take to start and to start the extension's service worker. */
const START_WAIT = { timeoutMs: 30_000, intervalMs: 100 };

/** Starts Chromium (by default with the built extension) and connects Playwright to it over CDP. */
export async function launchWithExtension(options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  const withExtension = !options.withoutExtension;
  if (withExtension && !existsSync(join(extensionDir, 'manifest.json'))) throw new Error(`No built extension in ${extensionDir}: run npm run build`);
  const ownProfile = !options.userDataDir;
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'prikbord-profile-'));
  rmSync(join(userDataDir, 'DevToolsActivePort'), { force: true });
  const args = [
    ...(options.headless === false ? [] : ['--headless=new']),
    `--user-data-dir=${userDataDir}`,
    ...(withExtension ? [`--load-extension=${extensionDir}`, `--disable-extensions-except=${extensionDir}`] : ['--disable-extensions']),
    '--remote-debugging-port=0',
    // Chromium's sandbox cannot run as root (CI and these machines); elsewhere keep it on.
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-quic',
    '--no-first-run',
    '--no-default-browser-check',
    '--window-size=1280,900',
    ...(options.lang ? [`--lang=${options.lang}`] : []),
    options.startUrl ?? 'about:blank',
  ];
  const env = { ...process.env, ...(options.lang ? { LANGUAGE: options.lang, LANG: `${options.lang}.UTF-8` } : {}) };
  // Its own process group, so close() can stop Chromium's helper processes too.
  const child: ChildProcess = spawn(chromiumPath(), args, { env, stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));

  const port = await waitFor(
    () => {
      if (child.exitCode !== null) throw new Error(`Chromium exited (${child.exitCode}): ${stderr}`);
      const file = join(userDataDir, 'DevToolsActivePort');
      return existsSync(file) ? readFileSync(file, 'utf8').split('\n')[0] : undefined;
    },
    { ...START_WAIT, what: "Chromium's DevTools port" },
  );
  const endpoint = `http://127.0.0.1:${port}`;
  const browser = await chromium.connectOverCDP(endpoint);
  const context = browser.contexts()[0]!;
  const extensionId = withExtension
    ? new URL(
        (
          await waitFor(() => context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')), {
            ...START_WAIT,
            what: 'the extension service worker',
          })
        ).url(),
      ).host
    : '';

  return {
    browser,
    context,
    extensionId,
    userDataDir,
    reconnect: () => chromium.connectOverCDP(endpoint),
    async crash() {
      const exited = new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
      await exited;
      await browser.close().catch(() => undefined);
      if (ownProfile) rmSync(userDataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
    },
    async close() {
      await browser.close().catch(() => undefined);
      const exited = new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        // already gone
      }
      await exited;
      await sleep(200); // helpers get a moment to follow the browser out on their own
      try {
        process.kill(-child.pid!, 'SIGKILL'); // any helper that outlived the browser
      } catch {
        // none left
      }
      if (ownProfile) rmSync(userDataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
    },
  };
}

/** Opens the side panel's page in a tab, bound to `tabId` the way the real panel follows a tab. */
export async function openPanelPage(eb: ExtensionBrowser, tabId?: number): Promise<Page> {
  const page = await eb.context.newPage();
  await page.goto(`chrome-extension://${eb.extensionId}/sidepanel.html${tabId === undefined ? '' : `?tabId=${tabId}`}`);
  return page;
}

/** The Chrome tab id of a Playwright page (asked of the extension's own API). */
export async function tabIdOf(eb: ExtensionBrowser, page: Page): Promise<number> {
  const worker = eb.context.serviceWorkers().find((w) => w.url().includes(eb.extensionId))!;
  const url = page.url();
  return worker.evaluate(async (u) => {
    const tabs = await chrome.tabs.query({});
    const tab = tabs.find((t) => t.url === u || t.pendingUrl === u);
    if (!tab?.id) throw new Error(`no tab for ${u}`);
    return tab.id;
  }, url);
}

/** Signs in through the panel's form unless this profile is already signed in. */
export async function ensureSignedIn(panel: Page, email: string, password: string): Promise<void> {
  // Auth state loads asynchronously: wait until the panel shows either the form or a signed-in header.
  await panel.locator('#sign-in-email, .panel-header').first().waitFor({ timeout: 20_000 });
  if (await panel.locator('#sign-in-email').isVisible()) await signInThroughPanel(panel, email, password);
}

/** Signs in through the panel's own form (the same path a person takes). */
export async function signInThroughPanel(panel: Page, email: string, password: string): Promise<void> {
  await panel.locator('#sign-in-email').fill(email);
  await panel.locator('#sign-in-password').fill(password);
  await panel.locator('form.sign-in button[type=submit]').click();
  await panel.locator('.panel-header .who').waitFor({ timeout: 20_000 });
}
