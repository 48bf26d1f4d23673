// Shared set-up for end-to-end tests: the demo intranet on its configured port, a seeded
// organisation, and browsers with the built extension.
import type { Page } from 'playwright-core';
import { startIntranet } from '../../demo/serve-intranet.mjs';
import { DEMO_PASSWORD, EMPLOYEES } from '../../demo/org';
import { DEMO_PORTS } from '../../lib/any/bundled-org-config';
import { launchWithExtension, openPanelPage, signInThroughPanel, tabIdOf, type ExtensionBrowser } from '../../scripts/chromium';

export const INTRANET = `http://127.0.0.1:${DEMO_PORTS.intranet}`;

export function employee(key: string) {
  const person = EMPLOYEES.find((e) => e.key === key);
  if (!person) throw new Error(`no demo employee ${key}`);
  return person;
}

export async function serveIntranet() {
  return startIntranet({ port: DEMO_PORTS.intranet });
}

export interface Employee {
  eb: ExtensionBrowser;
  /** The intranet tab. */
  tab: Page;
  /** The side panel app, bound to the intranet tab (sidepanel.html?tabId=N in a tab of its own). */
  panel: Page;
}

/** A browser for one employee: intranet page open, panel bound to it, signed in. */
export async function employeeBrowser(key: string, path: string, lang: string): Promise<Employee> {
  const person = employee(key);
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

/** Rows of one table of the panel's IndexedDB ('prikbord'): all of them, or the one with `key`. */
export function readStore<T>(panel: Page, store: string, key?: string): Promise<T[]> {
  return panel.evaluate(
    ([name, id]) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('prikbord');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const table = open.result.transaction(name!).objectStore(name!);
          const request = id === undefined ? table.getAll() : table.get(id);
          request.onsuccess = () => {
            const result = request.result as T | T[] | undefined;
            resolve(Array.isArray(result) ? result : result === undefined ? [] : [result]);
            open.result.close();
          };
          request.onerror = () => reject(request.error);
        };
      }),
    [store, key] as const,
  );
}
