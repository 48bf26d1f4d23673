// The worker's wiring (entrypoints/background/index.ts), with a hand-written fake of the chrome
// APIs it is given: every listener is there in the worker's first turn, and messages reach the
// modules they are for. What each module does is tested in its own file here.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { SenderInfo } from '../../../lib/any/messages';
import { contentScript, EXT, extensionPage, FakeEvent, FakeSessionArea, pageA, settle } from './fakes';

function fakeChrome() {
  const log: unknown[] = [];
  return {
    log,
    runtime: {
      id: EXT,
      onMessage: new FakeEvent<[unknown, SenderInfo, (reply: unknown) => void]>(),
      onInstalled: new FakeEvent<[]>(),
    },
    webNavigation: { onCompleted: new FakeEvent<[{ tabId: number; frameId: number; url: string }]>() },
    scripting: { executeScript: async (injection: unknown) => void log.push({ inject: injection }) },
    tabs: {
      query: async () => [],
      sendMessage: async (tabId: number, message: unknown, options: unknown) => void log.push({ tabId, message, options }),
      onRemoved: new FakeEvent<[number]>(),
    },
    alarms: {
      create: async (name: string, info: unknown) => void log.push({ alarm: name, info }),
      clear: async (name: string) => (log.push({ clear: name }), true),
      onAlarm: new FakeEvent<[{ name: string }]>(),
    },
    sidePanel: {
      open: async (options: unknown) => void log.push({ open: options }),
      setPanelBehavior: async (behavior: unknown) => void log.push({ behavior }),
    },
    action: { setBadgeText: async (details: unknown) => void log.push({ badge: details }) },
    storage: {
      session: new FakeSessionArea(),
      local: new FakeSessionArea(),
      managed: new FakeManagedArea(),
      onChanged: new FakeEvent<[Record<string, { newValue?: unknown; oldValue?: unknown }>, string]>(),
    },
  };
}

/** chrome.storage.managed: what IT set, read-only for the extension. */
class FakeManagedArea {
  policy: Record<string, unknown> = {};
  async get(): Promise<Record<string, unknown>> {
    return structuredClone(this.policy);
  }
}

describe('the background worker’s wiring', () => {
  let chrome: ReturnType<typeof fakeChrome>;
  let start: () => void;
  beforeEach(async () => {
    chrome = fakeChrome();
    vi.stubGlobal('chrome', chrome);
    const { default: background } = await import('../../../entrypoints/background/index');
    start = () => void background.main();
  });

  it('registers every listener synchronously at start-up, so the event that woke the worker reaches it', () => {
    start(); // and no await before the checks: they hold at the end of the worker's first turn
    expect(chrome.webNavigation.onCompleted.listeners).toHaveLength(1);
    expect(chrome.runtime.onInstalled.listeners).toHaveLength(1);
    // The outbox's retry alarm and the hourly notifications check (entrypoints/background/inbox.ts).
    expect(chrome.alarms.onAlarm.listeners).toHaveLength(2);
    expect(chrome.runtime.onMessage.listeners).toHaveLength(1);
    expect(chrome.tabs.onRemoved.listeners).toHaveLength(1);
    // Policy (storage.managed) and rollout (storage.local, entrypoints/background/rollout.ts).
    expect(chrome.storage.onChanged.listeners).toHaveLength(2);
    expect(chrome.log).toContainEqual({ behavior: { openPanelOnActionClick: true } });
  });

  it('opens the side panel for panel:open before the message listener returns', () => {
    start();
    chrome.log.length = 0;
    const [keepsChannelOpen] = chrome.runtime.onMessage.fire({ type: 'panel:open' }, contentScript(7), () => undefined);
    expect(chrome.log).toEqual([{ open: { tabId: 7 } }]);
    expect(keepsChannelOpen).toBe(false);
  });

  it('shows a count:changed in the tabs of that page, and forgets a tab once it is removed', async () => {
    start();
    await chrome.storage.session.set({ tabPages: { 7: { ...pageA, frameId: 0 }, 8: { ...pageA, frameId: 0 } } });
    chrome.tabs.onRemoved.fire(8);
    await settle();
    chrome.log.length = 0;
    chrome.runtime.onMessage.fire({ type: 'count:changed', pageId: pageA.pageId, counts: { comments: 3, likes: 1 } }, extensionPage, () => undefined);
    await settle();
    expect(chrome.log).toEqual([
      { badge: { tabId: 7, text: '3' } },
      { tabId: 7, message: { type: 'page:count', pageId: pageA.pageId, counts: { comments: 3, likes: 1 } }, options: { frameId: 0 } },
    ]);
  });

  it('follows policy: switched off, a load gets no layer and the badges go; switched on again, an origin policy adds gets it', async () => {
    start();
    await chrome.storage.session.set({ tabPages: { 7: { ...pageA, frameId: 0 } } });
    await settle();
    chrome.log.length = 0;

    chrome.storage.managed.policy = { disabled: true };
    chrome.storage.onChanged.fire({ disabled: { newValue: true } }, 'managed');
    // The tab's own text is cleared (null: back to the global badge), and the global badge (unread notifications) too.
    await vi.waitFor(() => expect(chrome.log).toContainEqual({ badge: { tabId: 7, text: null } }));
    await vi.waitFor(() => expect(chrome.log).toContainEqual({ badge: { text: '' } }));
    expect(chrome.storage.local.items.get('managedPolicy')).toEqual({ disabled: true });

    vi.useFakeTimers();
    try {
      chrome.webNavigation.onCompleted.fire({ tabId: 7, frameId: 0, url: 'http://127.0.0.1:8101/' });
      await vi.advanceTimersByTimeAsync(1000);
      expect(chrome.log.filter((entry) => 'inject' in (entry as object))).toEqual([]);

      chrome.storage.managed.policy = { extraOrigins: ['http://127.0.0.1:8103'] };
      chrome.storage.onChanged.fire({ disabled: { oldValue: true }, extraOrigins: { newValue: ['http://127.0.0.1:8103'] } }, 'managed');
      await vi.advanceTimersByTimeAsync(10);
      chrome.webNavigation.onCompleted.fire({ tabId: 8, frameId: 0, url: 'http://127.0.0.1:8103/' });
      await vi.advanceTimersByTimeAsync(1000);
    } finally {
      vi.useRealTimers();
    }
    expect(chrome.log.filter((entry) => 'inject' in (entry as object))).toEqual([
      { inject: { target: { tabId: 8, frameIds: [0] }, files: ['/content-scripts/content.js'] } },
    ]);
  });
});
