// Where a page's counts are shown outside the side panel: the toolbar badge of its tab, and the
// launcher in the frame that reported the page (a page:count message to that frame). Both are
// best effort: a tab can close or navigate away between the count and the showing, and then
// there is nothing left to show it in.
import type { Message, PageCounts } from '../../lib/any/messages';
import type { TabPage } from './tab-pages';

/** The badge call used here (chrome.action satisfies it). */
export interface BadgeApi {
  setBadgeText(details: { tabId: number; text: string }): Promise<void>;
}

/** The tab messaging used here (chrome.tabs satisfies it). */
export interface TabMessenger {
  sendMessage(tabId: number, message: Message, options: { frameId: number }): Promise<unknown>;
}

/** Shows counts in a tab. */
export interface CountDisplay {
  /** Sets the tab's badge: the comment count, or nothing when there are none or none are known. */
  setBadge(tabId: number, counts: PageCounts | null): Promise<void>;
  /** Sets the badge and tells the launcher in the page's frame (page:count). */
  show(tabId: number, page: TabPage, counts: PageCounts | null): Promise<void>;
}

/** The badge text for `counts`: the comment count (its room is four characters; likes are the launcher's). */
export function badgeText(counts: PageCounts | null): string {
  return counts?.comments ? String(counts.comments) : '';
}

/** Shows counts through the toolbar badge (`action`) and the tab's launcher (`tabs`). */
export function countDisplay(action: BadgeApi, tabs: TabMessenger): CountDisplay {
  async function setBadge(tabId: number, counts: PageCounts | null): Promise<void> {
    // A page with comments shows its count; otherwise the tab falls back to the global badge,
    // which is the person's unread notifications (or nothing).
    // (Chrome: "if tabId is specified and text is null, the text is cleared for the specified tab
    // and defaults to the global badge text"; its types only say string.)
    await action.setBadgeText({ tabId, text: (badgeText(counts) || null) as string }).catch(() => undefined);
  }
  return {
    setBadge,
    async show(tabId, page, counts) {
      await setBadge(tabId, counts);
      const message: Message = { type: 'page:count', pageId: page.pageId, counts };
      await tabs.sendMessage(tabId, message, { frameId: page.frameId }).catch(() => undefined);
    },
  };
}
