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
//
// Enterprise policy (policy.ts): the worker follows chrome.storage.managed from its first turn;
// the database, Firebase session, outbox sender and count cache are those of the Firebase project
// in effect (none while switched off), reached through `project`.
import { openDb } from '../../lib/data/db';
import { loadOrgConfig } from '../../lib/any/org-config';
import { watchPolicy } from '../../lib/any/policy-watch';
import { liteSession } from '../../lib/data/firebase/lite-client';
import { fetchPageCounts } from '../../lib/data/page-counts';
import { projectScope } from '../../lib/data/project-scope';
import { startOutboxWorker } from '../../lib/data/outbox/worker';
import { injectAfterLoads, injectOnInstall, type CurrentConfig } from './injection';
import { retryAlarm, outboxHandlers, wakeOutbox } from './outbox-wakeups';
import { followPolicy, projectSwitch } from './policy';
import { openPanelOnActionClick, panelHandlers } from './side-panel';
import { tabPages } from './tab-pages';
import { countDisplay } from './count-display';
import { dexieCountCache } from './count-cache';
import { countHandlers, tabCounts } from './counts';
import { tabAccess } from './rollout';
import { readCachedRollout, rolloutKey } from '../../lib/data/rollout/rollout-cache';
import { premoderationAt } from '../../lib/core/moderation/premoderation';
import { fetchRollout, fetchRolloutPerson } from '../../lib/data/rollout/fetch-rollout';
import { messageRouter } from './router';
import { INBOX_ALARM, INBOX_ALARM_MINUTES, inboxBadge, inboxHandlers, type InboxBadge } from './inbox';
import { fetchInboxSummary } from '../../lib/data/notifications/fetch-summary';
import { notificationLinkKey, showNewNotifications } from '../../lib/data/notifications/desktop-notify';

export default defineBackground(() => {
  const file = loadOrgConfig();
  const tabs = tabPages(chrome.storage.session);
  const display = countDisplay(chrome.action, chrome.tabs);

  const project = projectSwitch((config) => {
    const scope = projectScope(config, file);
    const db = openDb(scope.dbName);
    const lite = liteSession(config.firebase, scope.appName);
    // Pre-moderated sections: the outbox sends a new post to held/ by the cached rollout (remote-operations.ts).
    const premoderation = async (url: string) => {
      const cached = await readCachedRollout(chrome.storage.local, rolloutKey(config.firebase.projectId));
      return cached ? premoderationAt(cached.rollout, url) : 'off';
    };
    const outbox = startOutboxWorker(db, lite, retryAlarm(chrome.alarms), premoderation);
    const counts = tabCounts({ cache: dexieCountCache(db), fetch: (pageId) => fetchPageCounts(lite, pageId), display, tabs, now: Date.now });
    const access = tabAccess({
      area: chrome.storage.local,
      key: rolloutKey(config.firebase.projectId),
      fetch: () => fetchRollout(lite),
      fetchPerson: () => fetchRolloutPerson(lite),
      signedIn: async () => (await lite.uid().catch(() => null)) !== null,
      tabs,
      send: (tabId, message, options) => chrome.tabs.sendMessage(tabId, message, options),
      now: Date.now,
    });
    const inbox = inboxBadge({
      action: chrome.action,
      area: chrome.storage.local,
      key: `inboxUnread:${config.firebase.projectId}`,
      fetch: () => fetchInboxSummary(lite),
      now: Date.now,
      onMore: (uid, since) =>
        showNewNotifications(
          {
            lite,
            local: chrome.storage.local,
            session: chrome.storage.session,
            // Optional permission: chrome.notifications exists only once granted.
            permitted: () => chrome.permissions.contains({ permissions: ['notifications'] }),
            create: (id, options) => chrome.notifications.create(id, options),
            iconUrl: chrome.runtime.getURL('/icon/128.png'),
            title: 'Prikbord',
          },
          uid,
          since,
        ),
    });
    return {
      outbox,
      counts,
      access,
      inbox,
      rolloutKey: rolloutKey(config.firebase.projectId),
      // The database stays open: a kick or count read under way may still use it, and an open
      // Dexie handle costs nothing until the worker stops.
      // The unread count is this project's person's: cleared with it.
      close: async () => {
        await inbox.clear().catch(console.error);
        await outbox.reset();
      },
    };
  });
  const follow = followPolicy({ project, tabs, display, browserTabs: chrome.tabs, scripting: chrome.scripting, warn: console.warn });
  const policy = watchPolicy(file, chrome.storage, (outcome) => void follow(outcome));
  const current: CurrentConfig = async () => {
    const outcome = await policy.settled();
    return outcome.disabled ? null : outcome.config;
  };

  injectAfterLoads(chrome.webNavigation.onCompleted, chrome.scripting, file, current);
  injectOnInstall(chrome.runtime.onInstalled, chrome.tabs, chrome.scripting, current);

  const { outbox, counts, access } = project;
  wakeOutbox(outbox, chrome.alarms);

  openPanelOnActionClick(chrome.sidePanel);

  // Unread notifications: the hourly alarm, and this wake-up (at most every few minutes a read).
  const inbox = async (): Promise<InboxBadge | null> => (await project.current())?.inbox ?? null;
  const checkInbox = (force: boolean) =>
    void inbox()
      .then((badge) => badge?.check(force))
      .catch(console.error);
  void chrome.alarms.create(INBOX_ALARM, { periodInMinutes: INBOX_ALARM_MINUTES, delayInMinutes: INBOX_ALARM_MINUTES });
  chrome.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === INBOX_ALARM) checkInbox(true);
  });
  checkInbox(false);
  // A desktop notification clicked: open its comment. (chrome.notifications exists only once the
  // optional permission is granted; a worker started before that registers this at its next start.)
  chrome.notifications?.onClicked.addListener((id) => {
    const key = notificationLinkKey(id);
    void chrome.storage.session
      .get(key)
      .then((items) => (typeof items[key] === 'string' ? chrome.tabs.create({ url: items[key] as string, active: true }) : undefined))
      .then(() => chrome.notifications.clear(id))
      .catch(console.error);
  });

  chrome.runtime.onMessage.addListener(
    messageRouter(chrome.runtime.id, {
      ...panelHandlers(chrome.sidePanel),
      ...inboxHandlers(inbox),
      ...countHandlers(tabs, counts, display, (page) => access.layerFor(page)),
      ...outboxHandlers(outbox, chrome.storage.session, {
        refreshAll: async () => {
          await counts.refreshAll();
          await access.personChanged();
        },
      }),
    }),
  );
  chrome.tabs.onRemoved.addListener((tabId) => void tabs.forget(tabId).catch(console.error));
  // A new rollout in storage (read here, or written by an extension page's live listener): every
  // open intranet tab learns its layer at once.
  chrome.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local') return;
    void project
      .current()
      .then((services) => (services && services.rolloutKey in changes ? access.tellTabs() : undefined))
      .catch(console.error);
  });
});
