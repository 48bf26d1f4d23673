// The comms console's entry (console.html, opened from the side panel): the page starts as every
// extension page does (components/app/start-page.tsx: enterprise policy, the configuration in
// effect, the same session, database and Firebase as the side panel), plus the console's role
// changes, audit feed and rollout, and renders the console.
import { ConsoleContext, type ConsoleServices } from '../../components/console/console-services';
import { startPage } from '../../components/app/start-page';
import { t, uiLanguage } from '../../lib/any/i18n';
import { auditFeed } from '../../lib/data/console/audit';
import { insightsApi } from '../../lib/data/console/insights';
import { moderationApi, watchQueue } from '../../lib/data/console/moderation';
import { pagesApi, watchPages } from '../../lib/data/console/pages';
import { consoleFunctions, rolesApi } from '../../lib/data/console/roles';
import { rolloutApi } from '../../lib/data/console/rollout';
import { pageAt, pagesUnder, searchPagesSeen } from '../../lib/data/console/rollout-pages';
import { rolloutKey } from '../../lib/data/rollout/rollout-cache';
import { browser } from 'wxt/browser';
import { App } from './App';

document.documentElement.lang = uiLanguage();
document.title = t('consoleTitle');

startPage(document.getElementById('app')!, ({ fb, config }) => {
  const functions = consoleFunctions(fb.app, config.firebase);
  const origins = [...new Set(config.sites.flatMap((site) => site.origins.map((origin) => new URL(origin).origin)))];
  const consoleServices: ConsoleServices = {
    roles: rolesApi(functions),
    watchAudit: (kind, onState) => auditFeed(fb.firestore, kind, onState),
    // The console writes the shared copy too: a change made here reaches the worker and the intranet tabs at once.
    rollout: rolloutApi(fb.firestore, functions, { area: browser.storage.local, key: rolloutKey(config.firebase.projectId) }),
    seenPages: {
      under: (prefix, max) => pagesUnder(fb.firestore, prefix, max),
      at: (url) => pageAt(fb.firestore, url),
      search: (text) => searchPagesSeen(fb.firestore, text, origins),
    },
    origins,
    pages: pagesApi(functions),
    watchPages: (onState) => watchPages(fb.firestore, onState),
    insights: insightsApi(functions),
    watchQueue: (scope, status, onState) => watchQueue(fb.firestore, scope, status, onState),
    moderation: moderationApi(functions),
  };
  return (
    <ConsoleContext.Provider value={consoleServices}>
      <App />
    </ConsoleContext.Provider>
  );
});
