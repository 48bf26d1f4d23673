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

describe('when the layer goes in', () => {
  it('asks the browser for the load events of the intranet origins only', () => {
    const onCompleted = new FakeEvent<[{ tabId: number; frameId: number }]>();
    injectAfterLoads(onCompleted, recorder().injector, config, () => undefined);
    expect(onCompleted.filters).toEqual([{ url: intranetUrlFilters(config) }]);
  });

  it(`injects into the frame that finished loading, ${INJECT_AFTER_LOAD_MS} ms after its load`, async () => {
    const onCompleted = new FakeEvent<[{ tabId: number; frameId: number }]>();
    const { calls, injector } = recorder();
    const timers: Array<{ run: () => void; ms: number }> = [];
    injectAfterLoads(onCompleted, injector, config, (run, ms) => timers.push({ run, ms }));

    onCompleted.fire({ tabId: 7, frameId: 2 });
    expect(timers.map((timer) => timer.ms)).toEqual([INJECT_AFTER_LOAD_MS]);
    expect(calls).toEqual([]); // not at once
    timers[0]!.run();
    await settle();
    expect(calls).toEqual([{ target: { tabId: 7, frameIds: [2] }, files: [LAYER_FILE] }]);
  });

  it('after an install or update, looks up the open tabs and gives the intranet ones the layer', async () => {
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
    injectOnInstall(onInstalled, tabs, injector, config);
    expect(calls).toEqual([]); // nothing before the install event
    onInstalled.fire();
    await settle();
    expect(calls).toEqual([{ target: { tabId: 1, allFrames: true }, files: [LAYER_FILE] }]);
  });
});
