// Side panel entry: loads the configuration, makes the page's services once, renders the app.
import { render } from 'preact';
import { ServicesContext, type Services } from '../../components/app/services';
import { t, uiLanguage } from '../../lib/any/i18n';
import { loadOrgConfig } from '../../lib/any/org-config';
import { backgroundLink } from '../../lib/data/background-link';
import { openDb } from '../../lib/data/db';
import { firebase } from '../../lib/data/firebase/full-client';
import { firebaseSessionDeps, startSession } from '../../lib/data/session/session';
import { signInProvider } from '../../lib/data/session/sign-in';
import { App } from './App';

document.documentElement.lang = uiLanguage();
document.title = t('panelTitle');

const config = loadOrgConfig();
const db = openDb();
const fb = firebase(config.firebase);
const link = backgroundLink();
const session = startSession(firebaseSessionDeps(fb.auth, fb.firestore, db, signInProvider(config, fb.auth, { uiLanguage }), link));
const services: Services = { db, fb, config, link, session };

render(
  <ServicesContext.Provider value={services}>
    <App />
  </ServicesContext.Provider>,
  document.getElementById('app')!,
);
