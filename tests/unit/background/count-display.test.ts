// Showing a page's counts in its tab (entrypoints/background/count-display.ts): badge and launcher.
import { describe, expect, it } from 'vitest';
import { badgeText, countDisplay, type BadgeApi, type TabMessenger } from '../../../entrypoints/background/count-display';
import type { Message } from '../../../lib/any/messages';
import { pageA } from './fakes';

/** chrome.action and chrome.tabs, recording into one log; `tabGone` makes both fail as for a closed tab. */
function fakeChrome(tabGone = false) {
  const log: Array<{ badge: { tabId: number; text: string } } | { tabId: number; message: Message; frameId: number }> = [];
  const action: BadgeApi = {
    async setBadgeText(details) {
      if (tabGone) throw new Error('No tab with id: 7.');
      log.push({ badge: details });
    },
  };
  const tabs: TabMessenger = {
    async sendMessage(tabId, message, { frameId }) {
      if (tabGone) throw new Error('Could not establish connection. Receiving end does not exist.');
      log.push({ tabId, message, frameId });
    },
  };
  return { log, display: countDisplay(action, tabs) };
}

describe('showing counts in a tab', () => {
  it('puts the comment count on the badge, and nothing for no comments or unknown counts', () => {
    expect(badgeText({ comments: 12, likes: 3 })).toBe('12');
    expect(badgeText({ comments: 0, likes: 3 })).toBe('');
    expect(badgeText(null)).toBe('');
  });

  it('sets the tab’s badge', async () => {
    const chrome = fakeChrome();
    await chrome.display.setBadge(7, { comments: 4, likes: 0 });
    expect(chrome.log).toEqual([{ badge: { tabId: 7, text: '4' } }]);
  });

  it('sets the badge, then tells the launcher in the frame that reported the page', async () => {
    const chrome = fakeChrome();
    await chrome.display.show(7, { ...pageA, frameId: 3 }, { comments: 4, likes: 2 });
    expect(chrome.log).toEqual([
      { badge: { tabId: 7, text: '4' } },
      { tabId: 7, message: { type: 'page:count', pageId: pageA.pageId, counts: { comments: 4, likes: 2 } }, frameId: 3 },
    ]);
  });

  it('takes a tab that closed meanwhile as nothing to show counts in', async () => {
    const chrome = fakeChrome(true);
    await expect(chrome.display.show(7, { ...pageA, frameId: 0 }, null)).resolves.toBeUndefined();
  });
});
