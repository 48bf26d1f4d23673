// Which intranet page the side panel shows: the page in its target tab, followed as the user
// switches tabs or navigates. Side panel only.
//
// The target tab is `?tabId=N` when given (tests open the panel's page in a tab that way), else the
// active tab of the panel's window. The page identity comes from that tab's content script — the
// only context that sees the document (canonical link, title) — and is validated on arrival.
import { browser } from 'wxt/browser';
import { isFromContentScript, parseIdentifyAnswer, parseMessage, type IdentifyAnswer, type Message } from '../any/messages';
import type { PageIdentity } from '../any/page-identity';

export interface TargetPage {
  tabId: number | null;
  /** Null when the tab shows no intranet page (no content script answers there), or an error page. */
  page: PageIdentity | null;
  /** The page's h1–h3 headings (for expert suggestions); empty when unknown. */
  headings: string[];
  /** The HTTP status when the tab shows an intranet error page (404, 500 …): no thread there. */
  errorStatus: number | null;
}

async function identify(tabId: number): Promise<IdentifyAnswer> {
  try {
    const message: Message = { type: 'page:identify' };
    // To every frame: only the frame that owns the thread answers (the top page, or a frameset's content frame).
    return parseIdentifyAnswer(await browser.tabs.sendMessage(tabId, message));
  } catch {
    return null; // no content script in that tab: not a configured intranet page
  }
}

/** The target as `answer` describes it. */
function targetOf(tabId: number | null, answer: IdentifyAnswer): TargetPage {
  if (answer && 'errorStatus' in answer) return { tabId, page: null, headings: [], errorStatus: answer.errorStatus };
  return { tabId, page: answer?.page ?? null, headings: answer?.headings ?? [], errorStatus: null };
}

/** Calls `onChange` with the target page now and whenever it changes. Returns a stop function. */
export function watchTargetPage(onChange: (target: TargetPage) => void, search = location.search): () => void {
  const fixedTab = Number(new URLSearchParams(search).get('tabId')) || null;
  let tabId: number | null = fixedTab;
  let windowId: number | undefined;
  let generation = 0;

  const refresh = async () => {
    const mine = ++generation;
    const answer = tabId === null ? null : await identify(tabId);
    if (mine === generation) onChange(targetOf(tabId, answer));
  };

  const onActivated = (info: { tabId: number; windowId: number }) => {
    if (fixedTab !== null || info.windowId !== windowId) return;
    tabId = info.tabId;
    void refresh();
  };
  const onUpdated = (updatedTabId: number, change: { status?: string }) => {
    if (updatedTabId === tabId && change.status === 'complete') void refresh();
  };
  const onMessage = (raw: unknown, sender: Parameters<typeof isFromContentScript>[0]) => {
    const message = parseMessage(raw);
    // Every tab's content script reaches every extension page: accept only our target tab.
    if (message?.type !== 'page:report' && message?.type !== 'page:error') return;
    if (!isFromContentScript(sender, browser.runtime.id) || sender.tab?.id !== tabId) return;
    generation++;
    onChange(
      message.type === 'page:error'
        ? targetOf(tabId, { errorStatus: message.status })
        : targetOf(tabId, { page: message.page, headings: message.headings ?? [] }),
    );
  };

  browser.tabs.onActivated.addListener(onActivated);
  browser.tabs.onUpdated.addListener(onUpdated);
  browser.runtime.onMessage.addListener(onMessage);

  void (async () => {
    if (fixedTab === null) {
      const current = await browser.windows.getCurrent();
      windowId = current.id;
      const [active] = await browser.tabs.query({ active: true, windowId });
      tabId = active?.id ?? null;
    }
    await refresh();
  })();

  return () => {
    browser.tabs.onActivated.removeListener(onActivated);
    browser.tabs.onUpdated.removeListener(onUpdated);
    browser.runtime.onMessage.removeListener(onMessage);
  };
}
