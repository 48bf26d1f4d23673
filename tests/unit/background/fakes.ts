// Hand-written fakes of the chrome APIs the background modules take (entrypoints/background/),
// and senders as Chrome describes them. Each fake records what it was asked, in order.
import type { SenderInfo } from '../../../lib/any/messages';
import type { SessionArea } from '../../../entrypoints/background/tab-pages';

/** Our extension's id, as chrome.runtime.id. */
export const EXT = 'abcdefghijklmnopabcdefghijklmnop';

/** A page id and identity as the content script reports them. */
export const pageA = { pageId: 'p_00000000000000000000000a', url: 'http://127.0.0.1:8101/a.html', title: 'Verlof' };
export const pageB = { pageId: 'p_00000000000000000000000b', url: 'http://127.0.0.1:8101/b.html', title: 'Declaraties' };

/** Our content script in `tabId`, frame `frameId`. */
export function contentScript(tabId: number, frameId = 0): SenderInfo {
  return { id: EXT, tab: { id: tabId }, frameId, url: 'http://127.0.0.1:8101/a.html' };
}

/** Our side panel. */
export const extensionPage: SenderInfo = { id: EXT, url: `chrome-extension://${EXT}/sidepanel.html` };

/** Lets every pending promise of the fakes settle (they only use microtasks). */
export function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** chrome.storage.session: values are copied in and out, as structured clone does. */
export class FakeSessionArea implements SessionArea {
  readonly items = new Map<string, unknown>();
  async get(key: string): Promise<Record<string, unknown>> {
    return this.items.has(key) ? { [key]: structuredClone(this.items.get(key)) } : {};
  }
  async set(items: Record<string, unknown>): Promise<void> {
    for (const [key, value] of Object.entries(items)) this.items.set(key, structuredClone(value));
  }
}

/** A chrome event: remembers its listeners (and the filter they came with) and fires them. */
export class FakeEvent<Args extends unknown[]> {
  readonly listeners: Array<(...args: Args) => unknown> = [];
  readonly filters: unknown[] = [];
  addListener(listener: (...args: Args) => unknown, filter?: unknown): void {
    this.listeners.push(listener);
    this.filters.push(filter);
  }
  /** Calls every listener; returns what they returned. */
  fire(...args: Args): unknown[] {
    return this.listeners.map((listener) => listener(...args));
  }
}
