// The worker's reaction to policy (entrypoints/background/policy.ts), with fake services: the
// project-bound services follow the kill switch and the Firebase project, one change after the
// other; badges and launcher counts are cleared when switched off or moved to another project;
// origins added while running get the layer in tabs already open.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { followPolicy, projectSwitch, type ProjectServices } from '../../../entrypoints/background/policy';
import type { TabPage } from '../../../entrypoints/background/tab-pages';
import { BUILD_ORG_CONFIG } from '../../../lib/any/bundled-org-config';
import { applyPolicy } from '../../../lib/any/managed-policy';
import type { OrgConfig } from '../../../lib/any/org-config';
import { useEnglishMessages } from '../../helpers/english-i18n';
import { pageA, settle } from './fakes';

beforeEach(() => useEnglishMessages());

const file = BUILD_ORG_CONFIG;
const testProject = { firebaseApiKey: 'k', firebaseAuthDomain: 'prikbord-test.firebaseapp.com', firebaseProjectId: 'prikbord-test' };

/** Services that log what happens to them, named by their project. */
function fakeBuild(log: string[]) {
  return (config: OrgConfig): ProjectServices => {
    const name = config.firebase.projectId;
    log.push(`build ${name}`);
    return {
      outbox: { kick: async () => void log.push(`kick ${name}`), reset: async () => void log.push(`reset ${name}`) },
      counts: {
        cached: async () => ({ comments: name.length, likes: 0 }),
        refresh: async () => undefined,
        refreshAll: async () => void log.push(`refreshAll ${name}`),
      },
      access: {
        modeFor: async () => 'on',
        layerFor: async () => ({ mode: 'on', signedIn: true }),
        tellTabs: async () => undefined,
        personChanged: async () => undefined,
      },
      rolloutKey: `rollout@${name}`,
      async close() {
        log.push(`close ${name}`);
      },
    };
  };
}

describe('the project-bound services', () => {
  it('wait for the first outcome, then reach the services in effect; none while switched off', async () => {
    const log: string[] = [];
    const project = projectSwitch(fakeBuild(log));
    const kicked = project.outbox.kick(); // a wake-up before policy is known waits for it
    await settle();
    expect(log).toEqual([]);
    expect(await project.use(applyPolicy(file, {}))).toBe('started');
    await kicked;
    expect(log).toEqual(['build demo-prikbord', 'kick demo-prikbord']);

    expect(await project.use(applyPolicy(file, { extraOrigins: ['http://127.0.0.1:8103'] }))).toBe('unchanged');
    expect(await project.use(applyPolicy(file, { disabled: true }))).toBe('stopped');
    expect(await project.current()).toBeNull();
    expect(await project.counts.cached('p')).toBeNull();
    await project.outbox.kick();
    expect(log).toEqual(['build demo-prikbord', 'kick demo-prikbord', 'close demo-prikbord']);

    expect(await project.use(applyPolicy(file, {}))).toBe('started');
    expect(await project.use(applyPolicy(file, testProject))).toBe('switched');
    await project.outbox.kick();
    expect(log.slice(3)).toEqual(['build demo-prikbord', 'close demo-prikbord', 'build prikbord-test', 'kick prikbord-test']);
  });

  it('close the old services before building the new (one Firebase app name each), and apply changes in order', async () => {
    const log: string[] = [];
    const project = projectSwitch(fakeBuild(log));
    void project.use(applyPolicy(file, {}));
    void project.use(applyPolicy(file, testProject));
    await project.use(applyPolicy(file, {}));
    expect(log).toEqual(['build demo-prikbord', 'close demo-prikbord', 'build prikbord-test', 'close prikbord-test', 'build demo-prikbord']);
  });
});

describe('following policy in the worker', () => {
  function setup(openTabs: Array<{ id: number; url: string; status: string }> = []) {
    const log: string[] = [];
    const project = projectSwitch(fakeBuild(log));
    const shown: Array<[number, string, unknown]> = [];
    const injected: number[] = [];
    const warnings: string[] = [];
    const tabs = {
      remember: async () => undefined,
      forget: async () => undefined,
      all: async (): Promise<Array<[number, TabPage]>> => [[7, { ...pageA, frameId: 0 }]],
    };
    const follow = followPolicy({
      project,
      tabs,
      display: { setBadge: async () => undefined, show: async (tabId, page, counts) => void shown.push([tabId, page.pageId, counts]) },
      browserTabs: { query: async () => openTabs },
      scripting: { executeScript: async (injection) => void injected.push(injection.target.tabId) },
      warn: (message) => void warnings.push(message),
    });
    return { log, shown, injected, warnings, follow };
  }

  it('switched off: clears every badge and launcher count; switched on again: gives the open intranet tabs the layer', async () => {
    const { shown, injected, follow } = setup([
      { id: 1, url: 'http://127.0.0.1:8101/', status: 'complete' },
      { id: 2, url: 'https://news.example.org/', status: 'complete' },
    ]);
    await follow(applyPolicy(file, {}));
    expect(injected).toEqual([]); // at start, pages get the layer as they load
    await follow(applyPolicy(file, { disabled: true }));
    expect(shown).toEqual([[7, pageA.pageId, null]]);
    await follow(applyPolicy(file, {}));
    expect(injected).toEqual([1]);
  });

  it('switched on again or moved to another project: what waits in the outbox is sent', async () => {
    const { log, follow } = setup();
    await follow(applyPolicy(file, {}));
    await follow(applyPolicy(file, { disabled: true }));
    await follow(applyPolicy(file, {}));
    await follow(applyPolicy(file, testProject));
    await settle();
    expect(log.filter((entry) => entry.startsWith('kick'))).toEqual(['kick demo-prikbord', 'kick prikbord-test']);
  });

  it('an origin added while running: its open tabs get the layer, the others are left alone', async () => {
    const { injected, follow } = setup([
      { id: 1, url: 'http://127.0.0.1:8101/', status: 'complete' },
      { id: 3, url: 'http://127.0.0.1:8103/nieuws/', status: 'complete' },
      { id: 4, url: 'http://127.0.0.1:8104/', status: 'complete' },
    ]);
    await follow(applyPolicy(file, {}));
    await follow(applyPolicy(file, { extraOrigins: ['http://127.0.0.1:8103'] }));
    expect(injected).toEqual([3]);
  });

  it('another project: the old counts go, the new project’s are read', async () => {
    const { log, shown, follow } = setup();
    await follow(applyPolicy(file, {}));
    await follow(applyPolicy(file, testProject));
    expect(shown).toEqual([[7, pageA.pageId, null]]);
    expect(log).toContain('refreshAll prikbord-test');
  });

  it('says in the console what it ignored and why', async () => {
    const { warnings, follow } = setup();
    await follow(applyPolicy(file, { disabled: 'yes', extraOrigins: ['https://example.com'] }));
    expect(warnings).toEqual([
      'Prikbord policy: disabled = yes ignored: must be true or false',
      "Prikbord policy: extraOrigins = https://example.com ignored: outside what this organisation's extension may add by policy (http://127.0.0.1/*)",
    ]);
  });

  it('keeps going after a failing reaction', async () => {
    const { follow } = setup();
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const broken = { ...applyPolicy(file, {}), ignored: null as never };
    await follow(broken);
    await follow(applyPolicy(file, { disabled: true }));
    expect(errors).toHaveBeenCalledTimes(1);
    errors.mockRestore();
  });
});
