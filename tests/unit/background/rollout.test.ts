// The layer per tab (entrypoints/background/rollout.ts): answered from the cached rollout at once,
// read first when there is none, closed when it cannot be read, open only for someone who never
// signed in; a stale copy re-read in the background; every tab told after a change.
import { describe, expect, it } from 'vitest';
import { tabAccess } from '../../../entrypoints/background/rollout';
import { tabPages } from '../../../entrypoints/background/tab-pages';
import type { Message } from '../../../lib/any/messages';
import { ALL_FEATURES, NO_ROLLOUT, type Rollout } from '../../../lib/core/rollout';
import { applyRolloutEdit } from '../../../lib/core/rollout-edit';
import { ROLLOUT_MAX_AGE_MS, writeCachedRollout } from '../../../lib/data/rollout/rollout-cache';
import { FakeSessionArea, pageA, settle } from './fakes';

const NOW = 1_800_000_000_000;
const KEY = 'rollout@demo-prikbord';
const OFF_EVERYWHERE: Rollout = applyRolloutEdit(NO_ROLLOUT, { op: 'rest', mode: 'off', features: ALL_FEATURES }).rollout;

function setup(server: Rollout | 'signed-out' | null = NO_ROLLOUT) {
  const area = new FakeSessionArea();
  const tabs = tabPages(new FakeSessionArea());
  const sent: Array<[number, Message]> = [];
  const reads: string[] = [];
  const state = { server, now: NOW, signedIn: true };
  const access = tabAccess({
    area,
    key: KEY,
    fetch: async () => {
      reads.push('rollout');
      return state.server;
    },
    fetchPerson: async () => {
      reads.push('person');
      return { uid: 'u-anna', departmentPath: ['Bedrijfsvoering', 'HR'] };
    },
    signedIn: async () => state.signedIn,
    tabs,
    send: async (tabId, message) => void sent.push([tabId, message]),
    now: () => state.now,
  });
  return { area, tabs, sent, reads, state, access };
}

describe('the layer for a page', () => {
  it('no copy yet: reads rollout (and the person) once, then answers from the copy', async () => {
    const { access, reads } = setup(OFF_EVERYWHERE);
    expect(await access.modeFor(pageA)).toBe('off');
    expect(await access.modeFor(pageA)).toBe('off');
    expect(reads).toEqual(['rollout', 'person']);
  });

  it('no rollout document: on, as before comms set anything', async () => {
    const { access } = setup(NO_ROLLOUT);
    expect(await access.modeFor(pageA)).toBe('on');
  });

  it('unreadable with no copy (offline, refused): off, closed rather than open', async () => {
    const { access } = setup(null);
    expect(await access.modeFor(pageA)).toBe('off');
  });

  it('never signed in and no copy: the launcher shows read only, so people can sign in', async () => {
    const { access } = setup('signed-out');
    expect(await access.modeFor(pageA)).toBe('read');
  });

  it('a fresh copy is used without a read; a stale one answers at once and is re-read after', async () => {
    const { access, area, reads, state } = setup(NO_ROLLOUT);
    await writeCachedRollout(area, KEY, OFF_EVERYWHERE, NOW - ROLLOUT_MAX_AGE_MS + 1);
    expect(await access.modeFor(pageA)).toBe('off');
    expect(reads.filter((r) => r === 'rollout')).toEqual([]);
    state.now = NOW + 1;
    expect(await access.modeFor(pageA)).toBe('off'); // the stale copy, at once
    await settle();
    expect(reads.filter((r) => r === 'rollout')).toEqual(['rollout']);
    expect(await access.modeFor(pageA)).toBe('on'); // the copy it read
  });

  it('unreadable with an old copy: keeps the last known settings', async () => {
    const { access, area, state } = setup(null);
    await writeCachedRollout(area, KEY, OFF_EVERYWHERE, NOW - 10 * ROLLOUT_MAX_AGE_MS);
    state.now = NOW;
    expect(await access.modeFor(pageA)).toBe('off');
    await settle();
    expect(await access.modeFor(pageA)).toBe('off');
  });
});

describe('telling the tabs', () => {
  it("tells every open tab its page's mode", async () => {
    const { access, tabs, sent, area } = setup(NO_ROLLOUT);
    await tabs.remember(7, { ...pageA, frameId: 0 });
    await writeCachedRollout(area, KEY, OFF_EVERYWHERE, NOW);
    await access.tellTabs();
    expect(sent).toEqual([[7, { type: 'page:mode', pageId: pageA.pageId, mode: 'off', signedIn: true }]]);
  });

  it('after someone else signs in, their department is read afresh', async () => {
    const { access, reads, area } = setup(NO_ROLLOUT);
    await writeCachedRollout(area, KEY, NO_ROLLOUT, NOW);
    await access.modeFor(pageA);
    await access.personChanged();
    await access.modeFor(pageA);
    expect(reads).toEqual(['person', 'person']);
  });
});
