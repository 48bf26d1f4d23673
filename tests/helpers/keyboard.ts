// Driving a page by keyboard only in the e2e tests: Tab (or Shift+Tab) until an element has the
// focus, which proves it is reachable without a mouse.
import type { Locator, Page } from 'playwright-core';

/** Whether `target` has the keyboard focus. */
export const focused = (target: Locator) => target.evaluate((el) => el === document.activeElement);

/** Presses Tab (or Shift+Tab) until `target` has the focus; throws when it is not reached in `max` presses. */
export async function tabTo(page: Page, target: Locator, { back = false, max = 80 } = {}): Promise<void> {
  await target.waitFor();
  for (let i = 0; i < max; i++) {
    if (await focused(target)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`not reached by ${back ? 'Shift+Tab' : 'Tab'} in ${max} presses: ${String(target)}`);
}
