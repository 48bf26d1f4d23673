// Enterprise policy over the organisation file (lib/any/managed-policy.ts): what each key does, that
// policy overrides the file, and that every wrong value is named and ignored while the rest applies.
import { describe, expect, it } from 'vitest';
import schema from '../../public/managed-schema.json';
import { BUILD_ORG_CONFIG } from '../../lib/any/bundled-org-config';
import { applyPolicy, canonicalJson, originWithin, POLICY_KEYS, policyOrigin, projectKey, restartKey } from '../../lib/any/managed-policy';
import type { OrgConfig } from '../../lib/any/org-config';

const file: OrgConfig = {
  ...BUILD_ORG_CONFIG,
  sites: [{ origins: ['http://127.0.0.1:8101', 'http://localhost:8101'], routeByHash: false, hashRoutePaths: ['/legacy/app/'] }],
  extension: { policyOrigins: ['http://127.0.0.1/*', 'https://*.lindeveen.nl/*'] },
};

const testProject = { firebaseApiKey: 'test-key', firebaseAuthDomain: 'prikbord-test.firebaseapp.com', firebaseProjectId: 'prikbord-test' };

describe('the policy schema', () => {
  it('declares exactly the keys the extension reads, each with a type and a description', () => {
    expect(Object.keys(schema.properties).sort()).toEqual([...POLICY_KEYS].sort());
    for (const [key, property] of Object.entries(schema.properties)) {
      expect(['boolean', 'string', 'array'], key).toContain(property.type);
      expect(property.description.length, key).toBeGreaterThan(20);
    }
    expect(schema.properties.extraOrigins.items).toEqual({ type: 'string' });
  });
});

describe('no policy', () => {
  it.each([{}, undefined, null, 'text', []])('%j: the organisation file as it is, switched on, nothing to report', (raw) => {
    const outcome = applyPolicy(file, raw);
    expect(outcome).toEqual({ config: file, disabled: false, applied: [], ignored: [] });
    expect(outcome.config).toBe(file);
  });
});

describe('the kill switch', () => {
  it('switches off with true and stays on with false', () => {
    expect(applyPolicy(file, { disabled: true })).toMatchObject({ disabled: true, applied: [{ key: 'disabled', value: 'true' }], ignored: [] });
    expect(applyPolicy(file, { disabled: false })).toMatchObject({ disabled: false, applied: [{ key: 'disabled', value: 'false' }] });
  });

  it.each(['true', 1, 'yes', null])('a %j is not true or false: ignored and named, Prikbord keeps working', (value) => {
    const outcome = applyPolicy(file, { disabled: value });
    expect(outcome.disabled).toBe(false);
    expect(outcome.ignored).toEqual([{ key: 'disabled', value: JSON.stringify(value).replace(/^"|"$/g, ''), reason: 'notBoolean' }]);
  });
});

describe('extra intranet origins', () => {
  it('adds origins within the file’s policyOrigins as a site with the first site’s page rules, normalised', () => {
    const outcome = applyPolicy(file, { extraOrigins: ['http://127.0.0.1:8103', 'https://wiki.lindeveen.nl/', 'HTTPS://Lindeveen.NL'] });
    expect(outcome.ignored).toEqual([]);
    expect(outcome.config.sites).toEqual([
      file.sites[0],
      { ...file.sites[0], origins: ['http://127.0.0.1:8103', 'https://wiki.lindeveen.nl', 'https://lindeveen.nl'] },
    ]);
    expect(outcome.applied).toEqual([{ key: 'extraOrigins', value: 'http://127.0.0.1:8103, https://wiki.lindeveen.nl, https://lindeveen.nl' }]);
    // The file itself is never changed.
    expect(file.sites).toHaveLength(1);
  });

  it('ignores, naming each, an origin outside policyOrigins, what is not an origin, and a non-text; keeps the good ones', () => {
    const outcome = applyPolicy(file, {
      extraOrigins: [
        'http://127.0.0.1:8103',
        'https://example.com',
        'http://wiki.lindeveen.nl',
        'https://evil-lindeveen.nl',
        'http://127.0.0.1:8103/path',
        42,
        'intranet',
      ],
    });
    expect(outcome.config.sites[1]!.origins).toEqual(['http://127.0.0.1:8103']);
    expect(outcome.ignored).toEqual([
      { key: 'extraOrigins', value: 'https://example.com', reason: 'originOutside' },
      { key: 'extraOrigins', value: 'http://wiki.lindeveen.nl', reason: 'originOutside' }, // https only
      { key: 'extraOrigins', value: 'https://evil-lindeveen.nl', reason: 'originOutside' }, // not a subdomain
      { key: 'extraOrigins', value: 'http://127.0.0.1:8103/path', reason: 'notOrigin' },
      { key: 'extraOrigins', value: '42', reason: 'notOrigin' },
      { key: 'extraOrigins', value: 'intranet', reason: 'notOrigin' },
    ]);
  });

  it('adds nothing for origins the file already has or repeated ones', () => {
    const outcome = applyPolicy(file, { extraOrigins: ['http://127.0.0.1:8101', 'http://127.0.0.1:8103', 'http://127.0.0.1:8103/'] });
    expect(outcome.config.sites[1]!.origins).toEqual(['http://127.0.0.1:8103']);
    expect(applyPolicy(file, { extraOrigins: ['http://127.0.0.1:8101'] })).toMatchObject({ config: file, applied: [], ignored: [] });
  });

  it('a file without policyOrigins lets policy add none', () => {
    const outcome = applyPolicy({ ...file, extension: {} }, { extraOrigins: ['http://127.0.0.1:8103'] });
    expect(outcome.config.sites).toHaveLength(1);
    expect(outcome.ignored).toEqual([{ key: 'extraOrigins', value: 'http://127.0.0.1:8103', reason: 'noPolicyOrigins' }]);
  });

  it('a text instead of a list is ignored as a whole', () => {
    expect(applyPolicy(file, { extraOrigins: 'http://127.0.0.1:8103' }).ignored).toEqual([
      { key: 'extraOrigins', value: 'http://127.0.0.1:8103', reason: 'notList' },
    ]);
  });

  it('matches origins against patterns as Chrome’s host permissions do', () => {
    expect(originWithin('http://127.0.0.1:8103', 'http://127.0.0.1/*')).toBe(true); // no port in the pattern: any port
    expect(originWithin('http://127.0.0.1', 'http://127.0.0.1:8080/*')).toBe(false);
    expect(originWithin('http://127.0.0.1:8080', 'http://127.0.0.1:8080/*')).toBe(true);
    expect(originWithin('https://a.b.lindeveen.nl', 'https://*.lindeveen.nl/*')).toBe(true);
    expect(originWithin('https://lindeveen.nl:443', 'https://lindeveen.nl:443/*')).toBe(true);
    expect(originWithin('https://127.0.0.1', 'http://127.0.0.1/*')).toBe(false);
    expect(policyOrigin('http://user@127.0.0.1:8103')).toBeNull();
    expect(policyOrigin(' http://127.0.0.1:8103/ ')).toBe('http://127.0.0.1:8103');
  });
});

describe('another Firebase project', () => {
  it('takes all three values over the file’s, keeps the emulators, drops the file project’s region', () => {
    const outcome = applyPolicy(file, testProject);
    expect(outcome.config.firebase).toEqual({
      apiKey: 'test-key',
      authDomain: 'prikbord-test.firebaseapp.com',
      projectId: 'prikbord-test',
      emulators: file.firebase.emulators,
    });
    expect(outcome.applied.map((item) => item.key)).toEqual(['firebaseApiKey', 'firebaseAuthDomain', 'firebaseProjectId']);
    expect(projectKey(outcome.config)).not.toBe(projectKey(file));
  });

  it('ignores an incomplete group, naming what was given, and keeps the file’s project', () => {
    const outcome = applyPolicy(file, { firebaseProjectId: 'prikbord-test' });
    expect(outcome.config.firebase).toBe(file.firebase);
    expect(outcome.ignored).toEqual([{ key: 'firebaseProjectId', value: 'prikbord-test', reason: 'firebaseIncomplete' }]);
  });

  it('a wrong-typed or malformed value refuses the group, each named once', () => {
    const wrongType = applyPolicy(file, { ...testProject, firebaseApiKey: 12345 });
    expect(wrongType.config.firebase).toBe(file.firebase);
    expect(wrongType.ignored).toEqual([
      { key: 'firebaseApiKey', value: '12345', reason: 'notText' },
      { key: 'firebaseAuthDomain, firebaseProjectId', value: 'prikbord-test.firebaseapp.com, prikbord-test', reason: 'firebaseIncomplete' },
    ]);
    const badId = applyPolicy(file, { ...testProject, firebaseProjectId: 'Prikbord Test' });
    expect(badId.config.firebase).toBe(file.firebase);
    expect(badId.ignored.map((item) => item.reason)).toEqual(['badProjectId', 'firebaseIncomplete']);
    expect(applyPolicy(file, { ...testProject, firebaseAuthDomain: '  ' }).ignored[0]).toEqual({ key: 'firebaseAuthDomain', value: '  ', reason: 'emptyText' });
  });
});

describe('the identity provider', () => {
  it('overrides single values of the file’s provider, keeping its scopes and button label', () => {
    const outcome = applyPolicy(file, { oidcClientId: 'prikbord-test-client' });
    expect(outcome.config.signIn).toEqual({ ...file.signIn, oidc: { ...file.signIn.oidc, clientId: 'prikbord-test-client' } });
    expect(outcome.applied).toEqual([{ key: 'oidcClientId', value: 'prikbord-test-client' }]);
  });

  it('sets up a provider the file does not have when all three are given', () => {
    const noOidc: OrgConfig = { ...file, signIn: { password: true } };
    const oidc = { oidcProviderId: 'oidc.entra', oidcIssuer: 'https://login.microsoftonline.com/tenant/v2.0', oidcClientId: 'abc' };
    expect(applyPolicy(noOidc, oidc).config.signIn).toEqual({
      password: true,
      oidc: { providerId: 'oidc.entra', issuer: 'https://login.microsoftonline.com/tenant/v2.0', clientId: 'abc' },
    });
    const partial = applyPolicy(noOidc, { oidcClientId: 'abc' });
    expect(partial.config.signIn).toBe(noOidc.signIn);
    expect(partial.ignored).toEqual([{ key: 'oidcClientId', value: 'abc', reason: 'oidcIncomplete' }]);
  });

  it('one refused value refuses the whole group', () => {
    const outcome = applyPolicy(file, { oidcProviderId: 'entra', oidcClientId: 'abc', oidcIssuer: 'https://id.lindeveen.nl' });
    expect(outcome.config.signIn).toBe(file.signIn);
    expect(outcome.ignored).toEqual([
      { key: 'oidcProviderId', value: 'entra', reason: 'badProviderId' },
      { key: 'oidcIssuer, oidcClientId', value: 'https://id.lindeveen.nl, abc', reason: 'oidcIncomplete' },
    ]);
    expect(applyPolicy(file, { oidcIssuer: 'id.lindeveen.nl' }).ignored[0]).toMatchObject({ key: 'oidcIssuer', reason: 'badIssuer' });
  });
});

describe('everything at once', () => {
  it('names unknown keys, applies every valid value and ignores only the wrong ones', () => {
    const outcome = applyPolicy(file, { disabled: 'no', extraOrigins: ['http://127.0.0.1:8103'], ...testProject, colour: 'red' });
    expect(outcome.disabled).toBe(false);
    expect(outcome.config.sites).toHaveLength(2);
    expect(outcome.config.firebase.projectId).toBe('prikbord-test');
    expect(outcome.ignored).toEqual([
      { key: 'colour', value: 'red', reason: 'unknownKey' },
      { key: 'disabled', value: 'no', reason: 'notBoolean' },
    ]);
  });

  it('shortens long values in what it reports', () => {
    const [item] = applyPolicy(file, { note: 'x'.repeat(500) }).ignored;
    expect(item!.value).toHaveLength(120);
  });
});

describe('what needs a restart', () => {
  it('changes with the kill switch, the project, the identity provider and the origins, not with what is only reported', () => {
    const base = restartKey(applyPolicy(file, {}));
    expect(restartKey(applyPolicy(file, { colour: 'red', extraOrigins: ['https://example.com'], disabled: false }))).toBe(base);
    expect(restartKey(applyPolicy(file, { extraOrigins: ['http://127.0.0.1:8103'] }))).not.toBe(base);
    expect(restartKey(applyPolicy(file, { disabled: true }))).not.toBe(base);
    expect(restartKey(applyPolicy(file, testProject))).not.toBe(base);
    expect(restartKey(applyPolicy(file, { oidcClientId: 'other' }))).not.toBe(base);
  });

  it('compares policies whatever their key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: 3 } })).toBe(canonicalJson({ a: { c: 3, d: [2, { e: 0, f: 1 }] }, b: 1 }));
  });
});
