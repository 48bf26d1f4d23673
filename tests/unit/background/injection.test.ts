// Which documents get the layer, and how an injection failure is taken (entrypoints/background/injection.ts).
import { describe, expect, it } from 'vitest';
import {
  INJECT_AFTER_LOAD_MS,
  injectAfterLoads,
  injectIntoOpenTabs,
  injectLayer,
  injectOnInstall,
  intranetUrlFilters,
  isIntranetUrl,
  LAYER_FILE,
  navigationFilters,
  patternUrlFilters,
  type Injector,
} from '../../../entrypoints/background/injection';
import { BUILD_ORG_CONFIG } from '../../../lib/any/bundled-org-config';
import type { OrgConfig } from '../../../lib/any/org-config';
import { FakeEvent, settle } from './fakes';

const config: OrgConfig = {
  ...BUILD_ORG_CONFIG,
  sites: [
    { origins: ['http://intranet.lindeveen.local', 'https://wiki.lindeveen.local:8443/'], routeByHash: false },
    { origins: ['http://127.0.0.1:8101'], routeByHash: false },
  ],
};

function recorder(fail: (tabId: number) => boolean = () => false) {
  const calls: Array<Parameters<Injector['executeScript']>[0]> = [];
  const injector: Injector = {
    async executeScript(injection) {
      calls.push(injection);
      if (fail(injection.target.tabId)) throw new Error('Frame with ID 0 is showing error page');
      return [];
    },
  };
  return { calls, injector };
}

describe('which documents are intranet documents', () => {
  it('makes one prefix filter per configured origin, normalised, ending in a slash', () => {
    expect(intranetUrlFilters(config)).toEqual([
      { urlPrefix: 'http://intranet.lindeveen.local/' },
      { urlPrefix: 'https://wiki.lindeveen.local:8443/' },
      { urlPrefix: 'http://127.0.0.1:8101/' },
    ]);
  });

  it.each([
    ['http://intranet.lindeveen.local/', true],
    ['http://intranet.lindeveen.local/hr/verlof.html?x=1#top', true],
    ['https://wiki.lindeveen.local:8443/page', true],
    // Same host, other port or scheme; a host that merely starts the same; no URL; frames with no URL of their own.
    ['https://wiki.lindeveen.local/page', false],
    ['http://intranet.lindeveen.local.evil.example/', false],
    ['http://intranet.lindeveen.localhost/', false],
    ['about:blank', false],
    ['about:srcdoc', false],
    [undefined, false],
  ])('%s → %s', (url, expected) => {
    expect(isIntranetUrl(url, config)).toBe(expected);
  });
});

describe('injecting the layer', () => {
  it('injects the built layer into exactly the frame that finished loading', async () => {
    const { calls, injector } = recorder();
    expect(await injectLayer(injector, 7, 3)).toBe(true);
    expect(calls).toEqual([{ target: { tabId: 7, frameIds: [3] }, files: [LAYER_FILE] }]);
  });

  it('takes a frame that is gone or shows an error page as nothing to do', async () => {
    const { injector } = recorder(() => true);
    expect(await injectLayer(injector, 7, 0)).toBe(false);
  });

  it('after an install, gives every loaded intranet tab the layer in all its frames, and skips the rest', async () => {
    const { calls, injector } = recorder((tabId) => tabId === 4);
    const tabs = [
      { id: 1, url: 'http://127.0.0.1:8101/', status: 'complete' },
      { id: 2, url: 'https://news.example.org/', status: 'complete' },
      { id: 3, url: 'http://intranet.lindeveen.local/loading.html', status: 'loading' }, // gets it from its own load
      { id: 4, url: 'http://intranet.lindeveen.local/closed.html', status: 'complete' }, // closed meanwhile
      { url: 'http://127.0.0.1:8101/no-id.html', status: 'complete' },
      { id: 6, status: 'complete' }, // a tab whose URL we may not see: not ours
    ];
    expect(await injectIntoOpenTabs(tabs, injector, config)).toBe(1);
    expect(calls.map((call) => call.target)).toEqual([
      { tabId: 1, allFrames: true },
      { tabId: 4, allFrames: true },
    ]);
  });
});

type Load = { tabId: number; frameId: number; url: string };

describe('when the layer goes in', () => {
  const inEffect = async () => config;

  it('asks the browser for the load events of the intranet origins only, and of those policy may add', () => {
    const noPolicyOrigins: OrgConfig = { ...config, extension: {} };
    const onCompleted = new FakeEvent<[Load]>();
    injectAfterLoads(onCompleted, recorder().injector, noPolicyOrigins, inEffect, () => undefined);
    expect(onCompleted.filters).toEqual([{ url: intranetUrlFilters(config) }]);

    const withPolicyOrigins: OrgConfig = { ...config, extension: { policyOrigins: ['http://127.0.0.1/*', 'https://*.lindeveen.nl/*'] } };
    const second = new FakeEvent<[Load]>();
    injectAfterLoads(second, recorder().injector, withPolicyOrigins, inEffect, () => undefined);
    expect(second.filters).toEqual([{ url: navigationFilters(withPolicyOrigins) }]);
    expect(navigationFilters(withPolicyOrigins)).toEqual([
      ...intranetUrlFilters(config),
      { schemes: ['http'], hostEquals: '127.0.0.1' },
      { schemes: ['https'], hostEquals: 'lindeveen.nl' },
      { schemes: ['https'], hostSuffix: '.lindeveen.nl' },
    ]);
  });

  it('turns a policy origin pattern with a port into a filter on that port, and a malformed one into none', () => {
    expect(patternUrlFilters('http://intranet.lindeveen.nl:8080/*')).toEqual([{ schemes: ['http'], ports: [8080], hostEquals: 'intranet.lindeveen.nl' }]);
    expect(patternUrlFilters('<all_urls>')).toEqual([]);
  });

  it(`injects into the frame that finished loading, ${INJECT_AFTER_LOAD_MS} ms after its load`, async () => {
    const onCompleted = new FakeEvent<[Load]>();
    const { calls, injector } = recorder();
    const timers: Array<{ run: () => void; ms: number }> = [];
    injectAfterLoads(onCompleted, injector, config, inEffect, (run, ms) => timers.push({ run, ms }));

    onCompleted.fire({ tabId: 7, frameId: 2, url: 'http://127.0.0.1:8101/a.html' });
    expect(timers.map((timer) => timer.ms)).toEqual([INJECT_AFTER_LOAD_MS]);
    expect(calls).toEqual([]); // not at once
    timers[0]!.run();
    await settle();
    expect(calls).toEqual([{ target: { tabId: 7, frameIds: [2] }, files: [LAYER_FILE] }]);
  });

  it('checks each load against the configuration in effect then: an origin policy added gets the layer, one it did not, or anything while switched off, does not', async () => {
    const onCompleted = new FakeEvent<[Load]>();
    const { calls, injector } = recorder();
    let current: OrgConfig | null = config;
    injectAfterLoads(
      onCompleted,
      injector,
      config,
      async () => current,
      (run) => run(),
    );

    onCompleted.fire({ tabId: 1, frameId: 0, url: 'http://127.0.0.1:8103/' }); // within policyOrigins, not added
    await settle();
    expect(calls).toEqual([]);

    current = { ...config, sites: [...config.sites, { origins: ['http://127.0.0.1:8103'], routeByHash: false }] };
    onCompleted.fire({ tabId: 1, frameId: 0, url: 'http://127.0.0.1:8103/' });
    await settle();
    expect(calls.map((call) => call.target)).toEqual([{ tabId: 1, frameIds: [0] }]);

    current = null; // switched off
    onCompleted.fire({ tabId: 2, frameId: 0, url: 'http://127.0.0.1:8101/' });
    await settle();
    expect(calls).toHaveLength(1);
  });

  it('after an install or update, looks up the open tabs and gives the intranet ones the layer, unless switched off', async () => {
    const onInstalled = new FakeEvent<[]>();
    const { calls, injector } = recorder();
    const tabs = {
      async query() {
        return [
          { id: 1, url: 'http://127.0.0.1:8101/', status: 'complete' },
          { id: 2, url: 'https://news.example.org/', status: 'complete' },
        ];
      },
    };
    let current: OrgConfig | null = config;
    injectOnInstall(onInstalled, tabs, injector, async () => current);
    expect(calls).toEqual([]); // nothing before the install event
    onInstalled.fire();
    await settle();
    expect(calls).toEqual([{ target: { tabId: 1, allFrames: true }, files: [LAYER_FILE] }]);

    current = null;
    onInstalled.fire();
    await settle();
    expect(calls).toHaveLength(1);
  });

  it('gives only the tabs `only` lets through the layer (origins policy just added)', async () => {
    const { calls, injector } = recorder();
    const tabs = [
      { id: 1, url: 'http://127.0.0.1:8101/', status: 'complete' },
      { id: 2, url: 'http://intranet.lindeveen.local/', status: 'complete' },
    ];
    expect(await injectIntoOpenTabs(tabs, injector, config, (url) => url.startsWith('http://intranet.lindeveen.local/'))).toBe(1);
    expect(calls.map((call) => call.target)).toEqual([{ tabId: 2, allFrames: true }]);
  });
});
