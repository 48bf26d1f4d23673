// Shared set-up for end-to-end tests: the demo intranet on its configured port, a seeded
// organisation, and browsers with the built extension.
import type { Page } from 'playwright-core';
import { startIntranet } from '../../demo/serve-intranet.mjs';
import { DEMO_PORTS } from '../../demo/ports';
import { launchWithExtension, openPanelPage, signInThroughPanel, tabIdOf, type ExtensionBrowser } from '../../scripts/chromium';
import { DEMO_PASSWORD, demoEmployee } from '../helpers/fixtures';

/** The demo intranet's origin. */
export const INTRANET = `http://127.0.0.1:${DEMO_PORTS.intranet}`;

/** Serves the demo intranet (demo/intranet/) on its configured port; close() stops it. */
export async function serveIntranet() {
  return startIntranet({ port: DEMO_PORTS.intranet });
}

/** One employee's browser: the intranet tab and the side panel bound to it. */
export interface Employee {
  eb: ExtensionBrowser;
  /** The intranet tab. */
  tab: Page;
  /** The side panel app, bound to the intranet tab (sidepanel.html?tabId=N in a tab of its own). */
  panel: Page;
}

/** A browser for one employee: intranet page open, panel bound to it, signed in. */
export async function employeeBrowser(key: string, path: string, lang: string): Promise<Employee> {
  const person = demoEmployee(key);
  const eb = await launchWithExtension({ lang });
  const tab = await eb.context.newPage();
  await tab.goto(`${INTRANET}${path}`);
  await tab.locator('prikbord-launcher').waitFor({ state: 'attached' });
  const panel = await openPanelPage(eb, await tabIdOf(eb, tab));
  await signInThroughPanel(panel, person.email, DEMO_PASSWORD);
  return { eb, tab, panel };
}

/** The comment article in a panel whose text contains `text`. */
export function commentWith(panel: Page, text: string) {
  return panel.locator('article.comment', { hasText: text });
}
