// Which page each tab shows (entrypoints/background/tab-pages.ts), kept in session storage.
import { describe, expect, it } from 'vitest';
import { tabPages } from '../../../entrypoints/background/tab-pages';
import { FakeSessionArea, pageA, pageB } from './fakes';

describe('the tab → page record', () => {
  it('knows no tabs at first', async () => {
    expect(await tabPages(new FakeSessionArea()).all()).toEqual([]);
  });

  it('remembers which page a tab shows, and which frame reported it', async () => {
    const tabs = tabPages(new FakeSessionArea());
    await tabs.remember(7, { ...pageA, frameId: 3 });
    await tabs.remember(8, { ...pageB, frameId: 0 });
    expect(await tabs.all()).toEqual([
      [7, { ...pageA, frameId: 3 }],
      [8, { ...pageB, frameId: 0 }],
    ]);
  });

  it('replaces what a tab showed when it reports another page', async () => {
    const tabs = tabPages(new FakeSessionArea());
    await tabs.remember(7, { ...pageA, frameId: 0 });
    await tabs.remember(7, { ...pageB, frameId: 0 });
    expect(await tabs.all()).toEqual([[7, { ...pageB, frameId: 0 }]]);
  });

  it('forgets a tab that was removed, and only that one', async () => {
    const tabs = tabPages(new FakeSessionArea());
    await tabs.remember(7, { ...pageA, frameId: 0 });
    await tabs.remember(8, { ...pageA, frameId: 0 });
    await tabs.forget(7);
    expect(await tabs.all()).toEqual([[8, { ...pageA, frameId: 0 }]]);
  });

  it('forgetting a tab it never knew changes nothing', async () => {
    const tabs = tabPages(new FakeSessionArea());
    await tabs.remember(7, { ...pageA, frameId: 0 });
    await tabs.forget(99);
    expect(await tabs.all()).toEqual([[7, { ...pageA, frameId: 0 }]]);
  });

  it('lives in session storage, so a restarted worker still knows the open tabs', async () => {
    const session = new FakeSessionArea();
    await tabPages(session).remember(7, { ...pageA, frameId: 0 });
    expect(await tabPages(session).all()).toEqual([[7, { ...pageA, frameId: 0 }]]);
  });
});

describe('tabs reporting at the same time', () => {
  it('remembers every tab when several report at once (a restored session loads them together)', async () => {
    const tabs = tabPages(new FakeSessionArea());
    await Promise.all([tabs.remember(7, { ...pageA, frameId: 0 }), tabs.remember(8, { ...pageB, frameId: 0 }), tabs.forget(9)]);
    expect(await tabs.all()).toEqual([
      [7, { ...pageA, frameId: 0 }],
      [8, { ...pageB, frameId: 0 }],
    ]);
  });
});
