// The side panel's part of enterprise policy: the switched-off message, what policy set and
// ignored (components/policy/), and each Firebase project's own database, app and remembered person
// (lib/data/project-scope.ts).
import 'fake-indexeddb/auto';
import { render } from 'preact-render-to-string';
import { beforeEach, describe, expect, it } from 'vitest';
import { PolicyDetails } from '../../components/policy/PolicyDetails';
import { SwitchedOff } from '../../components/policy/SwitchedOff';
import { BUILD_ORG_CONFIG } from '../../lib/any/bundled-org-config';
import { applyPolicy } from '../../lib/any/managed-policy';
import { enterProject, projectScope } from '../../lib/data/project-scope';
import { rememberedUser, rememberUser } from '../../lib/data/session/remembered-user';
import { useEnglishMessages } from '../helpers/english-i18n';

beforeEach(() => useEnglishMessages());

const file = BUILD_ORG_CONFIG;
const testProject = { firebaseApiKey: 'k', firebaseAuthDomain: 'prikbord-test.firebaseapp.com', firebaseProjectId: 'prikbord-test' };

describe('switched off', () => {
  it('says plainly that IT switched Prikbord off, as the page’s heading', () => {
    const html = render(<SwitchedOff outcome={applyPolicy(file, { disabled: true })} />);
    expect(html).toContain('<h1 id="switched-off-title">Prikbord has been switched off by your organisation\'s IT department</h1>');
    expect(html).toContain('aria-labelledby="switched-off-title"');
    expect(html).toContain('are sent then');
  });
});

describe('what policy set', () => {
  it('shows nothing without policy', () => {
    expect(render(<PolicyDetails outcome={applyPolicy(file, {})} />)).toBe('');
    expect(render(<PolicyDetails outcome={null} />)).toBe('');
  });

  it('lists the values in effect and each ignored one with its reason, in a disclosure reachable by keyboard', () => {
    const outcome = applyPolicy(file, { extraOrigins: ['http://127.0.0.1:8103', 'https://example.com'], disabled: 'off', colour: 'red' });
    const html = render(<PolicyDetails outcome={outcome} />);
    expect(html).toMatch(/^<details class="policy-details"><summary>Settings from your organisation's IT department<\/summary>/);
    expect(html).toContain('<dt><code>extraOrigins</code></dt><dd><code>http://127.0.0.1:8103</code></dd>');
    expect(html).toContain('<code>colour</code> = <code>red</code>: not a Prikbord policy setting');
    expect(html).toContain('<code>disabled</code> = <code>off</code>: must be true or false');
    expect(html).toContain(
      "<code>extraOrigins</code> = <code>https://example.com</code>: outside what this organisation's extension may add by policy (http://127.0.0.1/*)",
    );
  });
});

describe('each project its own local data', () => {
  it('keeps the names the file’s project always had, and gives another project its own', () => {
    expect(projectScope(file, file)).toEqual({ dbName: 'prikbord' });
    expect(projectScope(applyPolicy(file, { extraOrigins: ['http://127.0.0.1:8103'] }).config, file)).toEqual({ dbName: 'prikbord' });
    expect(projectScope(applyPolicy(file, testProject).config, file)).toEqual({ dbName: 'prikbord@prikbord-test', appName: 'prikbord@prikbord-test' });
  });

  it('forgets the person remembered for opening at once when the project changes, not otherwise', () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
    const local = new Map<string, string>();
    globalThis.localStorage = {
      getItem: (k: string) => local.get(k) ?? null,
      setItem: (k: string, v: string) => void local.set(k, v),
      removeItem: (k: string) => void local.delete(k),
    } as Storage;
    try {
      rememberUser({ uid: 'anna', email: 'anna@lindeveen.nl' });
      enterProject(projectScope(file, file), storage); // an installation from before policy
      expect(rememberedUser()).toEqual({ uid: 'anna', email: 'anna@lindeveen.nl' });
      enterProject(projectScope(applyPolicy(file, testProject).config, file), storage);
      expect(rememberedUser()).toBeNull();
      rememberUser({ uid: 'tess', email: 'tess@test.lindeveen.nl' });
      enterProject(projectScope(applyPolicy(file, testProject).config, file), storage); // the same project again
      expect(rememberedUser()?.uid).toBe('tess');
      enterProject(projectScope(file, file), storage);
      expect(rememberedUser()).toBeNull();
    } finally {
      delete (globalThis as { localStorage?: Storage }).localStorage;
    }
  });
});
