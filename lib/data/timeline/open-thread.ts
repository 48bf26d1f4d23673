// Opening a timeline entry's page, so the side panel (which follows its tab) shows that thread.
// Extension pages only.
import { browser } from 'wxt/browser';

/**
 * Opens `url`: in the panel's own tab when that tab shows an intranet page (the panel, bound to it,
 * then shows the new page's thread), else in a new active tab (the toolbar's panel follows the
 * active tab; a tab with someone's other work in it is never navigated away).
 */
export async function openThreadPage(url: string, panelTab: { tabId: number | null; intranet: boolean }): Promise<void> {
  if (panelTab.intranet && panelTab.tabId !== null) await browser.tabs.update(panelTab.tabId, { url, active: true });
  else await browser.tabs.create({ url, active: true });
}
