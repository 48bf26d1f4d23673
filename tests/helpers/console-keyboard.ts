// Driving the comms console in the built extension by keyboard only (Tab, Shift+Tab, Enter, Space,
// arrow keys and typing): sign in through the side panel, open the console, and the rollout steps
// a comms advisor takes (a pilot group, a section for it). Exported so later tests (the employee's
// side of a pilot: launchers on HR pages only) start from the same console steps.
import type { Page } from 'playwright-core';
import { launchWithExtension, openPanelPage, tabIdOf, type ExtensionBrowser } from '../../scripts/chromium';
import { INTRANET } from '../e2e/setup';
import { DEMO_PASSWORD, demoEmployee } from './fixtures';
import { focused, tabTo } from './keyboard';

export { focused, tabTo };

/** Signs in through the panel's form by keyboard. */
export async function signInByKeyboard(panel: Page, email: string): Promise<void> {
  await panel.bringToFront();
  await tabTo(panel, panel.locator('#sign-in-email'));
  await panel.keyboard.type(email);
  await panel.keyboard.press('Tab');
  await panel.keyboard.type(DEMO_PASSWORD);
  await panel.keyboard.press('Enter');
  await panel.locator('.panel-header .who').waitFor({ timeout: 20_000 });
}

/** A browser with an intranet page (the front page unless `path` says) and the panel bound to it, signed in by keyboard. */
export async function browserOf(key: string, lang: string, path = '/index.html'): Promise<{ eb: ExtensionBrowser; panel: Page }> {
  const eb = await launchWithExtension({ lang });
  const tab = await eb.context.newPage();
  await tab.goto(`${INTRANET}${path}`);
  await tab.locator('prikbord-launcher').waitFor({ state: 'attached' });
  const panel = await openPanelPage(eb, await tabIdOf(eb, tab));
  await signInByKeyboard(panel, demoEmployee(key).email);
  return { eb, panel };
}

/** A browser for demo employee `key`, signed in by keyboard, with the console opened from the side panel's button. */
export async function consoleOf(key: string, lang: string, path?: string): Promise<{ eb: ExtensionBrowser; panel: Page; page: Page }> {
  const { eb, panel } = await browserOf(key, lang, path);
  const button = panel.getByRole('button', { name: lang === 'nl' ? 'Communicatieconsole' : 'Comms console' });
  await tabTo(panel, button);
  const [page] = await Promise.all([eb.context.waitForEvent('page'), panel.keyboard.press('Enter')]);
  await page.waitForURL(/\/console\.html/);
  await page.bringToFront();
  await page.locator('h1').first().waitFor({ timeout: 20_000 });
  return { eb, panel, page };
}

/** Goes to a console section through its navigation link, by keyboard; waits for its heading to have the focus. */
export async function goToSection(page: Page, link: string, heading = link): Promise<void> {
  const target = page.getByRole('navigation').getByRole('link', { name: link, exact: true });
  // The navigation comes before the section: Shift+Tab reaches it from anywhere below.
  await tabTo(page, target, { back: !(await page.evaluate(() => document.activeElement === document.body)), max: 200 });
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

/** The console's live region for rollout saves. */
export const saveStatus = (page: Page) => page.locator('p.change-result[role=status]');

/** Waits for the save status to say something other than "Saving…" (and other than `previous`), and returns it. */
export async function savedText(page: Page, previous = ''): Promise<string> {
  const status = saveStatus(page);
  for (let i = 0; i < 200; i++) {
    // Text and class read together: while saving the region has no ok/error class (it says "Saving…").
    const { text, done } = await status.evaluate((el) => ({ text: el.textContent ?? '', done: el.className !== 'change-result' }));
    if (text !== '' && text !== previous && done) return text;
    await page.waitForTimeout(100);
  }
  throw new Error(`no save result: ${await status.textContent()}`);
}

/**
 * In Pilot groups (English console): a new group `name` for one department (found by typing
 * `departmentFilter` and ticked by its accessible name), dates left at their defaults (today and
 * eight weeks on). Returns the status text.
 */
export async function addPilotGroupByKeyboard(page: Page, name: string, departmentFilter: string, department: RegExp): Promise<string> {
  await tabTo(page, page.getByRole('button', { name: 'New pilot group…' }));
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 3, name: 'New pilot group' }).waitFor();
  await tabTo(page, page.getByLabel('Name', { exact: true }));
  await page.keyboard.type(name);
  await tabTo(page, page.locator('#group-members-dept-filter'));
  await page.keyboard.type(departmentFilter);
  await tabTo(page, page.getByRole('checkbox', { name: department }));
  await page.keyboard.press('Space');
  await tabTo(page, page.getByRole('button', { name: 'Save', exact: true }));
  await page.keyboard.press('Enter');
  return savedText(page);
}

/**
 * In Sections (English console): fills the new-section form (name, addresses, mode On, only the
 * pilot group `group`, others see nothing) and saves. Leaves the form open when it is refused.
 */
export async function fillSectionByKeyboard(page: Page, name: string, addresses: string, group: string): Promise<string> {
  await tabTo(page, page.getByRole('button', { name: 'Add a section…' }));
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 3, name: 'New section' }).waitFor();
  await tabTo(page, page.getByLabel('Name', { exact: true }));
  await page.keyboard.type(name);
  await tabTo(page, page.getByLabel('Addresses (one per line)'));
  await page.keyboard.type(addresses);
  // "On" is chosen already for a new section; the audience radio group: arrow to "Only pilot groups".
  await tabTo(page, page.getByRole('radio', { name: 'Everyone' }));
  await page.keyboard.press('ArrowDown');
  await tabTo(page, page.getByRole('checkbox', { name: new RegExp(`^${group}`) }));
  await page.keyboard.press('Space');
  await tabTo(page, page.getByRole('button', { name: 'Save', exact: true }));
  await page.keyboard.press('Enter');
  return savedText(page);
}

/** Replaces the addresses of the open section form (select all, type) and saves again. */
export async function retypeAddressesAndSave(page: Page, addresses: string): Promise<string> {
  const previous = (await saveStatus(page).textContent()) ?? '';
  await tabTo(page, page.getByLabel('Addresses (one per line)'), { back: true });
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(addresses);
  await tabTo(page, page.getByRole('button', { name: 'Save', exact: true }));
  await page.keyboard.press('Enter');
  return savedText(page, previous);
}
