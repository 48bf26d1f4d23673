// How every extension page of the organisation (the side panel, the comms console) starts: it
// follows enterprise policy, loads the configuration in effect, makes the page's services once
// and renders its app — one home for this, so both pages run on the same project, session and
// policy.
//
// Policy (lib/any/policy-watch.ts): the page starts with the policy this browser last saw
// (storage.local, a few ms), then reads storage.managed and follows its changes. Switched off: a
// plain message and nothing started behind it. A change of what the page runs with — switched
// off or on, another Firebase project, identity provider or set of intranet origins (restartKey) —
// reloads this document, which then starts afresh on the new configuration, with the database and
// Firebase app of that project (lib/data/project-scope.ts). What is only reported (ignored values)
// is shown live.
import { signal } from '@preact/signals';
import { render, type ComponentChildren } from 'preact';
import { browser } from 'wxt/browser';
import { uiLanguage } from '../../lib/any/i18n';
import { restartKey, type PolicyOutcome } from '../../lib/any/managed-policy';
import { loadOrgConfig } from '../../lib/any/org-config';
import { watchPolicy } from '../../lib/any/policy-watch';
import { backgroundLink } from '../../lib/data/background-link';
import { openDb } from '../../lib/data/db';
import { firebase } from '../../lib/data/firebase/full-client';
import { enterProject, projectScope } from '../../lib/data/project-scope';
import { firebaseSessionDeps, startSession } from '../../lib/data/session/session';
import { signInProvider } from '../../lib/data/session/sign-in';
import { PolicyDetails } from '../policy/PolicyDetails';
import { SwitchedOff } from '../policy/SwitchedOff';
import { ServicesContext, type Services } from './services';

/** Starts the page in `root`: `app(services)` is what it shows while Prikbord is on. */
export function startPage(root: HTMLElement, app: (services: Services) => ComponentChildren): void {
  const file = loadOrgConfig();
  const policy = signal<PolicyOutcome | null>(null);
  let running: string | undefined;
  // The local database opens before policy is read (a few ms of IPC): opening IndexedDB took a
  // third of the time to a panel's first cards (npm run bench timeline), and the organisation
  // file's project is the one nearly every installation runs with. A policy that names another
  // project gets that project's database below; this one is closed then. A failed open surfaces at
  // the first query.
  const likelyDb = projectScope(file, file).dbName;
  const early = openDb(likelyDb);
  early.open().catch(() => undefined);

  // The policy values in effect and ignored, and the switched-off message, follow policy live.
  const PolicyFooter = () => <PolicyDetails outcome={policy.value} />;
  const Off = () => <SwitchedOff outcome={policy.value} />;

  const start = (outcome: PolicyOutcome) => {
    if (outcome.disabled) {
      early.close();
      render(<Off />, root);
      return;
    }
    const config = outcome.config;
    const scope = projectScope(config, file);
    enterProject(scope);
    if (scope.dbName !== likelyDb) early.close();
    const db = scope.dbName === likelyDb ? early : openDb(scope.dbName);
    const fb = firebase(config.firebase, scope.appName);
    const link = backgroundLink();
    const session = startSession(firebaseSessionDeps(fb.auth, fb.firestore, db, signInProvider(config, fb.auth, { uiLanguage }), link));
    const services: Services = { db, fb, config, link, session };
    render(
      <ServicesContext.Provider value={services}>
        {app(services)}
        <PolicyFooter />
      </ServicesContext.Provider>,
      root,
    );
  };

  watchPolicy(file, browser.storage, (outcome) => {
    policy.value = outcome;
    if (running === undefined) {
      running = restartKey(outcome);
      start(outcome);
    } else if (restartKey(outcome) !== running) {
      location.reload();
    }
  });
}
