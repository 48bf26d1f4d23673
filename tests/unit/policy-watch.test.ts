// Following policy while running (lib/any/policy-watch.ts), with fake storage areas: the remembered
// copy first, then storage.managed, then each change, in order; the copy kept for the next start
// and for the content scripts, which follow only that copy.
import { describe, expect, it, vi } from 'vitest';
import { BUILD_ORG_CONFIG } from '../../lib/any/bundled-org-config';
import type { PolicyOutcome } from '../../lib/any/managed-policy';
import { REMEMBERED_POLICY_KEY, watchPolicy, type PolicySource, type StorageChanges } from '../../lib/any/policy-watch';

/** The three storage parts the watcher uses; managed.get() answers when `release` is called (or at once). */
function fakeStorage(managedPolicy: Record<string, unknown>, remembered?: Record<string, unknown>) {
  const local = new Map<string, unknown>(remembered ? [[REMEMBERED_POLICY_KEY, remembered]] : []);
  const listeners: Array<(changes: StorageChanges, area: string) => void> = [];
  const order: string[] = [];
  const storage = {
    policy: managedPolicy,
    hold: false,
    pending: [] as Array<() => void>,
    order,
    local: {
      async get(key: string) {
        return local.has(key) ? { [key]: structuredClone(local.get(key)) } : {};
      },
      async set(items: Record<string, unknown>) {
        for (const [key, value] of Object.entries(items)) {
          order.push(`set ${JSON.stringify(value)}`);
          const oldValue = local.get(key);
          local.set(key, structuredClone(value));
          for (const listener of listeners) listener({ [key]: { newValue: value, oldValue } }, 'local');
        }
      },
      map: local,
    },
    managed: {
      get: () => {
        const snapshot = structuredClone(storage.policy);
        if (!storage.hold) return Promise.resolve(snapshot);
        return new Promise<Record<string, unknown>>((resolve) => storage.pending.push(() => resolve(snapshot)));
      },
    },
    onChanged: { addListener: (listener: (changes: StorageChanges, area: string) => void) => void listeners.push(listener) },
    fire(changes: StorageChanges, area: string) {
      for (const listener of listeners) listener(changes, area);
    },
  };
  return storage;
}

function recorder() {
  const seen: Array<{ outcome: PolicyOutcome; source: PolicySource }> = [];
  return { seen, onChange: (outcome: PolicyOutcome, source: PolicySource) => void seen.push({ outcome, source }) };
}

describe('following policy', () => {
  it('starts with the remembered policy, then takes storage.managed and remembers it', async () => {
    const storage = fakeStorage({ disabled: true }, { extraOrigins: ['http://127.0.0.1:8103'] });
    storage.hold = true;
    const { seen, onChange } = recorder();
    const watch = watchPolicy(BUILD_ORG_CONFIG, storage, onChange);
    const first = await watch.current();
    expect(first.config.sites).toHaveLength(2);
    expect(seen.map((s) => s.source)).toEqual(['remembered']);

    // The browser's policy is still loading: the remembered copy is what runs meanwhile.
    await vi.waitFor(() => expect(storage.pending).toHaveLength(1));
    storage.pending.shift()!();
    await watch.managedRead;
    expect(seen.map((s) => [s.source, s.outcome.disabled])).toEqual([
      ['remembered', false],
      ['managed', true],
    ]);
    expect(storage.local.map.get(REMEMBERED_POLICY_KEY)).toEqual({ disabled: true });
    expect((await watch.current()).disabled).toBe(true);
  });

  it('remembers a new policy before acting on it, so a page that restarts for it finds it', async () => {
    const storage = fakeStorage({ disabled: true });
    const order = storage.order;
    watchPolicy(BUILD_ORG_CONFIG, storage, (outcome, source) => void order.push(`${source} disabled=${outcome.disabled}`));
    await vi.waitFor(() => expect(order).toHaveLength(3));
    expect(order).toEqual(['remembered disabled=false', 'set {"disabled":true}', 'managed disabled=true']);
  });

  it('with no policy: the file, once; `{}` is remembered once, so later starts need not wait for the browser', async () => {
    const storage = fakeStorage({});
    const { seen, onChange } = recorder();
    const watch = watchPolicy(BUILD_ORG_CONFIG, storage, onChange);
    await watch.managedRead;
    expect(seen).toHaveLength(1);
    expect(seen[0]!.outcome.config).toBe(BUILD_ORG_CONFIG);
    expect(storage.order).toEqual(['set {}']);

    const again = watchPolicy(BUILD_ORG_CONFIG, storage, () => undefined);
    await again.managedRead;
    expect(storage.order).toEqual(['set {}']);
  });

  it('follows storage.onChanged for the managed area, reading the whole policy again, each read after the one before', async () => {
    const storage = fakeStorage({});
    const { seen, onChange } = recorder();
    const watch = watchPolicy(BUILD_ORG_CONFIG, storage, onChange);
    await watch.managedRead;

    storage.hold = true;
    storage.policy = { disabled: true };
    storage.fire({ disabled: { newValue: true } }, 'managed');
    await vi.waitFor(() => expect(storage.pending).toHaveLength(1));
    storage.policy = { disabled: false };
    storage.fire({ disabled: { newValue: false, oldValue: true } }, 'managed');
    // The second read waits for the first: still only one asked for.
    await new Promise((r) => setTimeout(r, 10));
    expect(storage.pending).toHaveLength(1);
    storage.pending.shift()!();
    await vi.waitFor(() => expect(storage.pending).toHaveLength(1));
    storage.pending.shift()!();
    await vi.waitFor(() => expect(seen).toHaveLength(3));
    expect(seen.map((s) => s.outcome.disabled)).toEqual([false, true, false]);
    expect(storage.local.map.get(REMEMBERED_POLICY_KEY)).toEqual({ disabled: false });
  });

  it('ignores changes of other storage areas and keys, and a policy equal to the one in effect', async () => {
    const storage = fakeStorage({ disabled: false });
    const { seen, onChange } = recorder();
    const watch = watchPolicy(BUILD_ORG_CONFIG, storage, onChange);
    await watch.managedRead;
    expect(seen).toHaveLength(2);
    storage.fire({ corner: { newValue: 'top-left' } }, 'local');
    storage.fire({ tabPages: { newValue: {} } }, 'session');
    storage.fire({}, 'managed'); // same policy read again
    await new Promise((r) => setTimeout(r, 10));
    expect(seen).toHaveLength(2);
  });

  it('in the content script (no storage.managed): follows the remembered copy the worker writes', async () => {
    const storage = fakeStorage({});
    const { seen, onChange } = recorder();
    const contentStorage = { local: storage.local, onChanged: storage.onChanged };
    const watch = watchPolicy(BUILD_ORG_CONFIG, contentStorage, onChange);
    await watch.managedRead;
    expect((await watch.current()).disabled).toBe(false);
    await storage.local.set({ [REMEMBERED_POLICY_KEY]: { disabled: true } });
    await vi.waitFor(() => expect(seen.map((s) => s.outcome.disabled)).toEqual([false, true]));
    await storage.local.set({ [REMEMBERED_POLICY_KEY]: {} });
    await vi.waitFor(() => expect(seen.map((s) => s.outcome.disabled)).toEqual([false, true, false]));
  });

  it('keeps working with the file when storage fails', async () => {
    const storage = fakeStorage({});
    const broken = {
      ...storage,
      local: { get: () => Promise.reject(new Error('no storage')), set: storage.local.set },
      managed: { get: () => Promise.reject(new Error('no managed storage')) },
    };
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const watch = watchPolicy(BUILD_ORG_CONFIG, broken, () => undefined);
    await watch.managedRead;
    expect((await watch.current()).config).toBe(BUILD_ORG_CONFIG);
    expect(errors).toHaveBeenCalled();
    errors.mockRestore();
  });
});

describe('when the worker acts on policy', () => {
  it('with a remembered policy: at once, before the browser has loaded its policy', async () => {
    const storage = fakeStorage({ disabled: true }, { disabled: false });
    storage.hold = true;
    const watch = watchPolicy(BUILD_ORG_CONFIG, storage, () => undefined);
    expect((await watch.settled()).disabled).toBe(false);
  });

  it('on the first start in a profile (nothing remembered): only once storage.managed has answered', async () => {
    const storage = fakeStorage({ disabled: true });
    storage.hold = true;
    const watch = watchPolicy(BUILD_ORG_CONFIG, storage, () => undefined);
    let settled: boolean | undefined;
    void watch.settled().then((outcome) => (settled = outcome.disabled));
    await new Promise((r) => setTimeout(r, 10));
    expect(settled).toBeUndefined();
    await vi.waitFor(() => expect(storage.pending).toHaveLength(1));
    storage.pending.shift()!();
    await vi.waitFor(() => expect(settled).toBe(true));
  });
});
