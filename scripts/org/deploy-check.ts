// npm run deploy:check [-- --org FILE]: everything about a deployment that can be checked without
// the internet, before `npm run deploy` touches a project: the organisation file itself, that it
// names the project firebase/.firebaserc deploys to, that the rules, indexes and functions are where
// firebase/firebase.json says, that the functions' parameters were written from this file, and
// that an identity provider has a fixed extension id to send people back to. Prints the values to
// enter elsewhere (the redirect URI for the identity provider, the extension id for policy).
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { OrgConfig } from '../../lib/any/org-config';
import { extensionIdFromKey, redirectUriFor } from './extension-id';
import { functionsEnv } from './functions-env';
import { OrgFileError, currentOrg, orgFilePath, takeOrgOption } from './org-file';

const ROOT = resolve(import.meta.dirname, '../..');

/** What the check reads besides the organisation file (passed in, so tests can hand it anything). */
export interface DeploySetup {
  /** firebase/.firebaserc's content, or undefined when there is none. */
  firebaserc?: string;
  /** firebase/firebase.json's content. */
  firebaseJson: string;
  /** Whether a path relative to firebase/ exists. */
  exists: (pathFromFirebaseDir: string) => boolean;
  /** functions/.env.<projectId>'s content, or undefined. */
  functionsEnv?: string;
  /** The organisation file's path as the generated files name it. */
  orgFileName: string;
}

export interface DeployReport {
  problems: string[];
  notes: string[];
}

/** The offline checks; problems stop a deploy, notes are what the person deploying should know or do. */
export function checkDeployment(org: OrgConfig, setup: DeploySetup): DeployReport {
  const problems: string[] = [];
  const notes: string[] = [];
  const project = org.firebase.projectId;
  if (project.startsWith('demo-'))
    problems.push(`firebase.projectId is ${project}: a demo- project exists only in the emulators; use your Firebase project's id`);

  if (setup.firebaserc === undefined) {
    notes.push(`no firebase/.firebaserc: npm run deploy passes --project ${project} (copy firebase/.firebaserc.example to firebase/.firebaserc to pin it)`);
  } else {
    try {
      const rc = JSON.parse(setup.firebaserc) as { projects?: Record<string, string> };
      const target = rc.projects?.default;
      if (target !== project) problems.push(`firebase/.firebaserc deploys to ${target ?? '(no default project)'}, but the organisation file names ${project}`);
    } catch (error) {
      problems.push(`firebase/.firebaserc is not JSON: ${(error as Error).message}`);
    }
  }

  let firebase: { firestore?: { rules?: string; indexes?: string }; functions?: { source?: string; runtime?: string } } = {};
  try {
    firebase = JSON.parse(setup.firebaseJson) as typeof firebase;
  } catch (error) {
    problems.push(`firebase/firebase.json is not JSON: ${(error as Error).message}`);
  }
  for (const [key, path] of [
    ['firestore.rules', firebase.firestore?.rules],
    ['firestore.indexes', firebase.firestore?.indexes],
    ['functions.source', firebase.functions?.source],
  ] as const) {
    if (!path) problems.push(`firebase/firebase.json: ${key} is not set`);
    else if (!setup.exists(path)) problems.push(`firebase/firebase.json: ${key} names ${path}, which does not exist`);
  }
  if (firebase.functions?.runtime !== 'nodejs20')
    problems.push(`firebase/firebase.json: functions.runtime is ${firebase.functions?.runtime ?? 'unset'}; the functions are built and tested on nodejs20`);

  const expectedEnv = functionsEnv(org, setup.orgFileName);
  if (setup.functionsEnv !== expectedEnv) {
    notes.push(
      `functions/.env.${project} ${setup.functionsEnv === undefined ? 'does not exist yet' : 'was written from another file'}: npm run deploy writes it from this organisation file`,
    );
  }
  if (!org.firebase.region)
    notes.push('firebase.region is not set: the functions go to us-central1; set it to your Firestore database location (e.g. europe-west4)');

  const key = org.extension?.key;
  if (key) {
    const id = extensionIdFromKey(key);
    notes.push(`extension id: ${id} (ExtensionInstallForcelist and the 3rdparty policy are keyed by it)`);
    if (org.signIn.oidc) notes.push(`redirect URI to register at your identity provider: ${redirectUriFor(id)}`);
  } else if (org.signIn.oidc) {
    problems.push(
      'extension.key is not set: without it every installation gets another extension id, and the identity provider cannot send people back (npm run extension:key makes one)',
    );
  } else {
    notes.push('extension.key is not set: the extension id is decided by the Chrome Web Store (or by the key you pack with)');
  }

  const oidc = org.signIn.oidc;
  if (oidc) {
    const entra = /^https:\/\/login\.microsoftonline\.com\/([^/]+)\/v2\.0\/?$/.exec(oidc.issuer);
    if (oidc.issuer.includes('login.microsoftonline.com') && !entra) {
      problems.push(`signIn.oidc.issuer: an Entra ID issuer has the form https://login.microsoftonline.com/<tenant id>/v2.0 (got ${oidc.issuer})`);
    }
    const tenant = entra?.[1];
    if (tenant && !['common', 'organizations'].includes(tenant) && !(org.membership.tenantIds ?? []).includes(tenant)) {
      notes.push(`membership.tenantIds does not list ${tenant}, the issuer's tenant: accounts are then admitted by e-mail domain alone`);
    }
    if (tenant && ['common', 'organizations'].includes(tenant) && !(org.membership.tenantIds ?? []).length) {
      problems.push(
        `signIn.oidc.issuer uses the multi-tenant endpoint (${tenant}): list your tenant in membership.tenantIds so other organisations' accounts are refused`,
      );
    }
  }
  if (org.signIn.password)
    notes.push(
      'signIn.password is on: accounts with a password in Firebase Auth can sign in too (membership still applies); organisations normally turn it off',
    );
  return { problems, notes };
}

function readIfExists(path: string): string | undefined {
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}

/** The check on this checkout; exits 1 when a deploy would go wrong. */
export function checkThisCheckout(): DeployReport & { org: OrgConfig } {
  const org = currentOrg();
  const file = orgFilePath([], process.env);
  const report = checkDeployment(org, {
    firebaserc: readIfExists(resolve(ROOT, 'firebase/.firebaserc')),
    firebaseJson: readFileSync(resolve(ROOT, 'firebase/firebase.json'), 'utf8'),
    exists: (path) => existsSync(resolve(ROOT, 'firebase', path)),
    functionsEnv: readIfExists(resolve(ROOT, `functions/.env.${org.firebase.projectId}`)),
    orgFileName: file.replace(`${ROOT}/`, ''),
  });
  return { ...report, org };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  takeOrgOption(process.argv.slice(2));
  try {
    const { org, problems, notes } = checkThisCheckout();
    console.log(`${org.orgName}: Firebase project ${org.firebase.projectId}, ${org.sites.flatMap((s) => s.origins).join(', ')}`);
    for (const note of notes) console.log(`  · ${note}`);
    for (const problem of problems) console.error(`  ✗ ${problem}`);
    console.log(problems.length ? `${problems.length} problem(s): fix them before npm run deploy.` : 'Ready to deploy (npm run deploy).');
    process.exitCode = problems.length ? 1 : 0;
  } catch (error) {
    console.error(error instanceof OrgFileError ? error.message : String(error));
    process.exitCode = 1;
  }
}
