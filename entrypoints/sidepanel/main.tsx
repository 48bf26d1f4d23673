// Side panel entry: follows enterprise policy, loads the configuration in effect, makes the page's
// services once, renders the app.
//
// Policy (lib/any/policy-watch.ts): the panel starts with the policy this browser last saw
// (storage.local, a few ms), then reads storage.managed and follows its changes. Switched off: a
// plain message and nothing started behind it. A change of what the panel runs with — switched
// off or on, another Firebase project, identity provider or set of intranet origins (restartKey) —
// reloads this document, which then starts afresh on the new configuration, with the database and
// Firebase app of that project (lib/data/project-scope.ts). What is only reported (ignored values)
// is shown live.
import { signal } from '@preact/signals';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { ServicesContext, type Services } from '../../components/app/services';
import { PolicyDetails } from '../../components/policy/PolicyDetails';
import { SwitchedOff } from '../../components/policy/SwitchedOff';
import { t, uiLanguage } from '../../lib/any/i18n';
import { restartKey, type PolicyOutcome } from '../../lib/any/managed-policy';
import { loadOrgConfig } from '../../lib/any/org-config';
import { watchPolicy } from '../../lib/any/policy-watch';
import { backgroundLink } from '../../lib/data/background-link';
import { openDb } from '../../lib/data/db';
import { firebase } from '../../lib/data/firebase/full-client';
import { enterProject, projectScope } from '../../lib/data/project-scope';
import { firebaseSessionDeps, startSession } from '../../lib/data/session/session';
import { signInProvider } from '../../lib/data/session/sign-in';
import { App } from './App';

document.documentElement.lang = uiLanguage();
document.title = t('panelTitle');

const file = loadOrgConfig();
const policy = signal<PolicyOutcome | null>(null);
let running: string | undefined;

watchPolicy(file, browser.storage, (outcome) => {
  policy.value = outcome;
  if (running === undefined) {
    running = restartKey(outcome);
    start(outcome);
  } else if (restartKey(outcome) !== running) {
    location.reload();
  }
});

/** The policy values in effect and ignored, following policy live. */
function PolicyFooter() {
  return <PolicyDetails outcome={policy.value} />;
}

/** The switched-off message (its policy details follow policy live; a switch back on reloads). */
function Off() {
  return <SwitchedOff outcome={policy.value} />;
}

function start(outcome: PolicyOutcome) {
  const root = document.getElementById('app')!;
  if (outcome.disabled) {
    render(<Off />, root);
    return;
  }
  const config = outcome.config;
  const scope = projectScope(config, file);
  enterProject(scope);
  const db = openDb(scope.dbName);
  const fb = firebase(config.firebase, scope.appName);
  const link = backgroundLink();
  const session = startSession(firebaseSessionDeps(fb.auth, fb.firestore, db, signInProvider(config, fb.auth, { uiLanguage }), link));
  const services: Services = { db, fb, config, link, session };

  render(
    <ServicesContext.Provider value={services}>
      <App />
      <PolicyFooter />
    </ServicesContext.Provider>,
    root,
  );
}
