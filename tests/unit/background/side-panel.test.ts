// Opening the side panel (entrypoints/background/side-panel.ts): from the toolbar button, and from
// the launcher's panel:open while Chrome still counts the click as the user's.
import { describe, expect, it, vi } from 'vitest';
import { messageRouter } from '../../../entrypoints/background/router';
import { openPanelOnActionClick, panelHandlers, type SidePanelApi } from '../../../entrypoints/background/side-panel';
import type { SenderInfo } from '../../../lib/any/messages';
import { contentScript, EXT, extensionPage, settle } from './fakes';

/**
 * chrome.sidePanel, and a stand-in for Chrome's user-gesture window: the gesture is valid only
 * while the runtime.onMessage listener runs (until its first await), so every open() records
 * whether it came inside that window.
 */
function fakeChrome(openFails = false) {
  const opens: Array<{ tabId: number; insideListener: boolean }> = [];
  const behaviors: unknown[] = [];
  let insideListener = false;
  const sidePanel: SidePanelApi = {
    async open({ tabId }) {
      opens.push({ tabId, insideListener });
      if (openFails) throw new Error('No active side panel for tabId');
    },
    async setPanelBehavior(behavior) {
      behaviors.push(behavior);
    },
  };
  const listener = messageRouter(EXT, panelHandlers(sidePanel));
  /** Delivers a message the way Chrome does: the gesture lasts as long as the listener's synchronous run. */
  const deliver = (raw: unknown, sender: SenderInfo) => {
    insideListener = true;
    try {
      return listener(raw, sender, () => undefined);
    } finally {
      insideListener = false;
    }
  };
  return { sidePanel, opens, behaviors, deliver };
}

describe('opening the side panel', () => {
  it('lets the toolbar button open the panel for the current tab', () => {
    const chrome = fakeChrome();
    openPanelOnActionClick(chrome.sidePanel);
    expect(chrome.behaviors).toEqual([{ openPanelOnActionClick: true }]);
  });

  it('opens the panel in the launcher’s tab synchronously, inside the message listener (the user’s gesture still counts)', () => {
    const chrome = fakeChrome();
    const keepsChannelOpen = chrome.deliver({ type: 'panel:open' }, contentScript(7, 3));
    // Checked before anything is awaited: the call was made while the listener ran.
    expect(chrome.opens).toEqual([{ tabId: 7, insideListener: true }]);
    expect(keepsChannelOpen).toBe(false);
  });

  it('drops a panel:open from an extension page', () => {
    const chrome = fakeChrome();
    chrome.deliver({ type: 'panel:open' }, extensionPage);
    expect(chrome.opens).toEqual([]);
  });

  it('takes a refused open (no gesture, the tab closed) as logged, not as a crash', async () => {
    const chrome = fakeChrome(true);
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      chrome.deliver({ type: 'panel:open' }, contentScript(7));
      await settle();
      expect(logged).toHaveBeenCalledOnce();
    } finally {
      logged.mockRestore();
    }
  });
});
