// The organisation file: the demo's is valid and agrees with the demo's ports; a broken file is
// refused with one precise line per wrong key; the extension id and the functions' parameters
// derived from it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEMO_PORTS } from '../../demo/ports';
import { BUILD_ORG_CONFIG } from '../../lib/any/bundled-org-config';
import { DEMO_ORG_FILE, OrgFileError, keyPath, orgFilePath, orgFileProblems, readOrgFile, takeOrgOption } from '../../scripts/org/org-file';
import { extensionIdFromKey, redirectUriFor } from '../../scripts/org/extension-id';
import { functionsEnv } from '../../scripts/org/functions-env';
import { checkDeployment, type DeploySetup } from '../../scripts/org/deploy-check';
import { signInRedirectLines } from '../../scripts/org/sign-in-redirect';
import { demoIdpAccounts } from '../../demo/oidc-server';
import { EMPLOYEES } from '../../demo/org';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests break the file on purpose, key by key
const demo = () => JSON.parse(readFileSync(DEMO_ORG_FILE, 'utf8')) as Record<string, any>;

describe('the demo organisation file', () => {
  it('is valid, and is what the extension is built with by default', () => {
    expect(orgFileProblems(demo())).toEqual([]);
    const { $schema: _schema, ...config } = demo();
    expect(readOrgFile(DEMO_ORG_FILE)).toEqual(config);
    expect(BUILD_ORG_CONFIG.orgName).toBe('Gemeente Lindeveen');
  });

  it("names the demo's ports", () => {
    const org = readOrgFile(DEMO_ORG_FILE);
    expect(org.sites[0]!.origins).toContain(`http://127.0.0.1:${DEMO_PORTS.intranet}`);
    expect(org.firebase.emulators).toEqual({
      authUrl: `http://127.0.0.1:${DEMO_PORTS.auth}`,
      firestoreHost: '127.0.0.1',
      firestorePort: DEMO_PORTS.firestore,
      functionsPort: DEMO_PORTS.functions,
    });
    expect(new URL(org.signIn.oidc!.issuer).port).toBe(String(DEMO_PORTS.oidc));
  });
});

describe('a broken organisation file', () => {
  it('lists every wrong key, by its path', () => {
    const file = demo();
    file.sites[0].origins = ['intranet.lindeveen.nl', 'https://intranet.lindeveen.nl/'];
    file.sites[0].routeByHash = 'no';
    delete file.settings.anonymousPosting;
    file.membership.domains = ['Lindeveen.NL'];
    file.colour = 'blue';
    const problems = orgFileProblems(file);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^sites\[0\]\.origins\[0\]: "intranet\.lindeveen\.nl" is not in the expected form \(An origin/),
        expect.stringMatching(/^sites\[0\]\.origins\[1\]: /),
        'sites[0].routeByHash: expected true or false, got "no"',
        'settings.anonymousPosting: missing',
        expect.stringMatching(/^membership\.domains\[0\]: "Lindeveen\.NL" is not in the expected form \(a lower-case domain/),
        expect.stringMatching(/^colour: unknown key \(allowed here: .*orgName/),
      ]),
    );
    expect(problems).toHaveLength(6);
  });

  it('checks what the schema cannot: an http identity provider, emulators for a real project, no way to sign in', () => {
    const file = demo();
    file.signIn = { password: false, oidc: { ...file.signIn.oidc, issuer: 'http://login.example.com/tenant/v2.0' } };
    file.firebase.projectId = 'lindeveen-prikbord';
    expect(orgFileProblems(file)).toEqual([
      'signIn.oidc.issuer: must be https (only a local test provider may use http)',
      'firebase.emulators: only for a demo- project (the emulators); remove it for lindeveen-prikbord',
    ]);
    delete file.signIn.oidc;
    expect(orgFileProblems(file)).toContain('signIn: offers no way to sign in; set password to true or configure oidc');
  });

  it('names a file that is not JSON, or missing, in the error', () => {
    expect(() => readOrgFile('/nonexistent/prikbord.org.json')).toThrow(
      /nonexistent\/prikbord\.org\.json is not a valid organisation file:\n {2}- cannot be read \(ENOENT\)/,
    );
    try {
      readOrgFile(new URL('../../package.json', import.meta.url).pathname);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(OrgFileError);
      expect((error as OrgFileError).problems).toContain('orgName: missing');
    }
  });

  it('reads JSON paths the way people do', () => {
    expect(keyPath('/sites/0/origins/1')).toBe('sites[0].origins[1]');
    expect(keyPath('', 'orgName')).toBe('orgName');
    expect(keyPath('')).toBe('(the file)');
  });
});

describe('choosing the organisation file', () => {
  it('takes --org, then $PRIKBORD_ORG, then the demo', () => {
    expect(orgFilePath(['--org', '/x/a.json'], { PRIKBORD_ORG: '/y/b.json' })).toBe('/x/a.json');
    expect(orgFilePath(['--org=/x/a.json'], {})).toBe('/x/a.json');
    expect(orgFilePath([], { PRIKBORD_ORG: '/y/b.json' })).toBe('/y/b.json');
    expect(orgFilePath([], {})).toBe(DEMO_ORG_FILE);
    expect(() => orgFilePath(['--org'], {})).toThrow(/--org needs a file/);
  });

  it("takes --org out of a script's arguments", () => {
    const before = process.env.PRIKBORD_ORG;
    try {
      expect(takeOrgOption(['people.csv', '--org', '/x/a.json', '--dry-run'])).toEqual(['people.csv', '--dry-run']);
      expect(process.env.PRIKBORD_ORG).toBe('/x/a.json');
      expect(takeOrgOption(['people.csv'])).toEqual(['people.csv']);
    } finally {
      if (before === undefined) delete process.env.PRIKBORD_ORG;
      else process.env.PRIKBORD_ORG = before;
    }
  });
});

describe('what is derived from the file', () => {
  it("gives Chromium's extension id for the key, and the identity provider's redirect URI", () => {
    // The id Chromium showed for the demo key (chrome://extensions), computed independently with
    // openssl rsa -pubout -outform DER | sha256sum | cut -c1-32 | tr 0-9a-f a-p.
    const id = extensionIdFromKey(readOrgFile(DEMO_ORG_FILE).extension!.key!);
    expect(id).toBe('lbfkjggfheemkmjpjkdegmfcjpojedbh');
    expect(redirectUriFor(id)).toBe('https://lbfkjggfheemkmjpjkdegmfcjpojedbh.chromiumapp.org/');
  });

  it('prints what to register at the identity provider', () => {
    expect(signInRedirectLines(readOrgFile(DEMO_ORG_FILE).extension!.key)).toEqual([
      'Extension id: lbfkjggfheemkmjpjkdegmfcjpojedbh',
      'Redirect URI to register at the identity provider: https://lbfkjggfheemkmjpjkdegmfcjpojedbh.chromiumapp.org/',
    ]);
    expect(signInRedirectLines(undefined)[0]).toMatch(/No extension\.key/);
  });

  it("gives the demo identity provider's accounts the organisation's tenant: every demo employee", () => {
    const org = readOrgFile(DEMO_ORG_FILE);
    const accounts = demoIdpAccounts(org);
    expect(accounts.map((a) => a.email)).toEqual(EMPLOYEES.map((e) => e.email));
    expect(new Set(accounts.map((a) => a.tid))).toEqual(new Set(org.membership.tenantIds));
  });

  it("writes the functions' parameters", () => {
    const org = readOrgFile(DEMO_ORG_FILE);
    const env = functionsEnv({ ...org, membership: { domains: ['lindeveen.nl', 'gemeente-lindeveen.nl'], tenantIds: ['t1'] } }, 'demo/prikbord.org.json');
    expect(env.split('\n')).toEqual([
      '# Generated from demo/prikbord.org.json by scripts/org/functions-env.ts; edit the organisation file instead.',
      'PRIKBORD_MEMBER_DOMAINS=lindeveen.nl,gemeente-lindeveen.nl',
      'PRIKBORD_TENANT_IDS=t1',
      'PRIKBORD_OIDC_PROVIDER=oidc.lindeveen',
      'PRIKBORD_REGION=europe-west4',
      '',
    ]);
  });
});

describe('npm run deploy:check', () => {
  const example = readOrgFile(new URL('../../docs/examples/prikbord.org.json', import.meta.url).pathname);
  const firebaseJson = readFileSync(new URL('../../firebase/firebase.json', import.meta.url), 'utf8');
  const setup = (over: Partial<DeploySetup> = {}): DeploySetup => ({
    firebaserc: JSON.stringify({ projects: { default: 'prikbord-voorbeeld' } }),
    firebaseJson,
    exists: () => true,
    functionsEnv: functionsEnv(example, 'prikbord.org.json'),
    orgFileName: 'prikbord.org.json',
    ...over,
  });

  it('passes the example organisation file for Entra ID, and prints the redirect URI to register', () => {
    const { problems, notes } = checkDeployment(example, setup());
    expect(problems).toEqual([]);
    const id = extensionIdFromKey(example.extension!.key!);
    expect(notes).toContain(`redirect URI to register at your identity provider: https://${id}.chromiumapp.org/`);
  });

  it('stops a deploy to the wrong project, a demo project, or a missing rules file', () => {
    expect(checkDeployment(example, setup({ firebaserc: JSON.stringify({ projects: { default: 'other' } }) })).problems).toEqual([
      'firebase/.firebaserc deploys to other, but the organisation file names prikbord-voorbeeld',
    ]);
    expect(checkDeployment(readOrgFile(DEMO_ORG_FILE), setup({ firebaserc: undefined })).problems).toEqual([
      "firebase.projectId is demo-prikbord: a demo- project exists only in the emulators; use your Firebase project's id",
    ]);
    expect(checkDeployment(example, setup({ exists: (path) => path !== 'firestore.rules' })).problems).toEqual([
      'firebase/firebase.json: firestore.rules names firestore.rules, which does not exist',
    ]);
  });

  it('refuses an identity provider without a fixed extension id, and a multi-tenant issuer without a tenant list', () => {
    const noKey = { ...example, extension: {} };
    expect(checkDeployment(noKey, setup()).problems).toEqual([
      expect.stringMatching(/^extension\.key is not set: without it every installation gets another extension id/),
    ]);
    const common = {
      ...example,
      signIn: { ...example.signIn, oidc: { ...example.signIn.oidc!, issuer: 'https://login.microsoftonline.com/common/v2.0' } },
      membership: { domains: ['voorbeeld.nl'] },
    };
    expect(checkDeployment(common, setup({ functionsEnv: undefined })).problems).toEqual([expect.stringMatching(/multi-tenant endpoint \(common\)/)]);
  });
});
