// Opening the comms console (console.html, an extension page of its own) from the side panel: the
// console tab already open comes to the front, otherwise a new tab opens. No permission needed:
// runtime.getContexts (Chrome 116, the manifest's minimum) sees the extension's own pages.
import { browser } from 'wxt/browser';

export async function openConsole(): Promise<void> {
  const url = browser.runtime.getURL('/console.html');
  const tabs = await chrome.runtime.getContexts({ contextTypes: [chrome.runtime.ContextType.TAB] }).catch(() => []);
  // Its URL may carry the section shown (console.html#audit).
  const tab = tabs.find((context) => context.tabId >= 0 && context.documentUrl?.split('#')[0] === url);
  if (tab) {
    await browser.tabs.update(tab.tabId, { active: true });
    if (tab.windowId >= 0) await browser.windows.update(tab.windowId, { focused: true });
    return;
  }
  await browser.tabs.create({ url });
}
