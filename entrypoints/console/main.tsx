// The comms console's entry (console.html, opened from the side panel): the page starts as every
// extension page does (components/app/start-page.tsx: enterprise policy, the configuration in
// effect, the same session, database and Firebase as the side panel), plus the console's role
// changes and audit feed, and renders the console.
import { ConsoleContext, type ConsoleServices } from '../../components/console/console-services';
import { startPage } from '../../components/app/start-page';
import { t, uiLanguage } from '../../lib/any/i18n';
import { auditFeed } from '../../lib/data/console/audit';
import { pagesApi, watchPages } from '../../lib/data/console/pages';
import { consoleFunctions, rolesApi } from '../../lib/data/console/roles';
import { App } from './App';

document.documentElement.lang = uiLanguage();
document.title = t('consoleTitle');

startPage(document.getElementById('app')!, ({ fb, config }) => {
  const functions = consoleFunctions(fb.app, config.firebase);
  const consoleServices: ConsoleServices = {
    roles: rolesApi(functions),
    watchAudit: (kind, onState) => auditFeed(fb.firestore, kind, onState),
    pages: pagesApi(functions),
    watchPages: (onState) => watchPages(fb.firestore, onState),
  };
  return (
    <ConsoleContext.Provider value={consoleServices}>
      <App />
    </ConsoleContext.Provider>
  );
});
