// Background service worker: wiring only. It puts the layer into intranet pages after they load
// (injection.ts), opens the side panel (side-panel.ts), keeps the toolbar badge and the
// launchers' counts (counts.ts, count-cache.ts, count-display.ts, tab-pages.ts) and sends the
// outbox (outbox-wakeups.ts, lib/data/outbox/worker.ts), so changes leave even when no panel is
// open. Messages reach those modules through one typed router (router.ts).
//
// Every listener is registered synchronously here, at start-up: MV3 delivers the event that woke
// a stopped worker only to listeners registered in its first turn. The raw `chrome` API is passed
// in, because sidePanel.open must run synchronously inside the message listener to keep the
// user gesture, and sidePanel is not in webextension-polyfill's types; each module asks only for
// the small part of it it uses, so its unit tests pass fakes (tests/unit/background/).
import { openDb } from '../../lib/data/db';
import { loadOrgConfig } from '../../lib/any/org-config';
import { liteSession } from '../../lib/data/firebase/lite-client';
import { fetchPageCounts } from '../../lib/data/page-counts';
import { startOutboxWorker } from '../../lib/data/outbox/worker';
import { injectAfterLoads, injectOnInstall } from './injection';
import { retryAlarm, outboxHandlers, wakeOutbox } from './outbox-wakeups';
import { openPanelOnActionClick, panelHandlers } from './side-panel';
import { tabPages } from './tab-pages';
import { countDisplay } from './count-display';
import { dexieCountCache } from './count-cache';
import { countHandlers, tabCounts } from './counts';
import { messageRouter } from './router';

export default defineBackground(() => {
  const config = loadOrgConfig();
  const db = openDb();
  const lite = liteSession(config.firebase);

  injectAfterLoads(chrome.webNavigation.onCompleted, chrome.scripting, config);
  injectOnInstall(chrome.runtime.onInstalled, chrome.tabs, chrome.scripting, config);

  const outbox = startOutboxWorker(db, lite, retryAlarm(chrome.alarms));
  wakeOutbox(outbox, chrome.alarms);

  openPanelOnActionClick(chrome.sidePanel);

  const tabs = tabPages(chrome.storage.session);
  const display = countDisplay(chrome.action, chrome.tabs);
  const counts = tabCounts({
    cache: dexieCountCache(db),
    fetch: (pageId) => fetchPageCounts(lite, pageId),
    display,
    tabs,
    now: Date.now,
  });

  chrome.runtime.onMessage.addListener(
    messageRouter(chrome.runtime.id, {
      ...panelHandlers(chrome.sidePanel),
      ...countHandlers(tabs, counts, display),
      ...outboxHandlers(outbox, chrome.storage.session, counts),
    }),
  );
  chrome.tabs.onRemoved.addListener((tabId) => void tabs.forget(tabId).catch(console.error));
});
