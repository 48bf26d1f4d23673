// The comms console's entry (console.html, opened from the side panel): loads the configuration,
// makes the page's services once — the same session, database and Firebase as the side panel, plus
// the console's role changes and audit feed — and renders the console.
import { render } from 'preact';
import { ServicesContext, type Services } from '../../components/app/services';
import { ConsoleContext, type ConsoleServices } from '../../components/console/console-services';
import { t, uiLanguage } from '../../lib/any/i18n';
import { loadOrgConfig } from '../../lib/any/org-config';
import { backgroundLink } from '../../lib/data/background-link';
import { auditFeed } from '../../lib/data/console/audit';
import { consoleFunctions, rolesApi } from '../../lib/data/console/roles';
import { openDb } from '../../lib/data/db';
import { firebase } from '../../lib/data/firebase/full-client';
import { firebaseSessionDeps, startSession } from '../../lib/data/session/session';
import { signInProvider } from '../../lib/data/session/sign-in';
import { App } from './App';

document.documentElement.lang = uiLanguage();
document.title = t('consoleTitle');

const config = loadOrgConfig();
const db = openDb();
const fb = firebase(config.firebase);
const link = backgroundLink();
const session = startSession(firebaseSessionDeps(fb.auth, fb.firestore, db, signInProvider(config, fb.auth), link));
const services: Services = { db, fb, config, link, session };
const consoleServices: ConsoleServices = {
  roles: rolesApi(consoleFunctions(fb.app, config.firebase)),
  watchAudit: (kind, onState) => auditFeed(fb.firestore, kind, onState),
};

render(
  <ServicesContext.Provider value={services}>
    <ConsoleContext.Provider value={consoleServices}>
      <App />
    </ConsoleContext.Provider>
  </ServicesContext.Provider>,
  document.getElementById('app')!,
);
