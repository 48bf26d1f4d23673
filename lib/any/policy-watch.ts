// Following enterprise policy while the extension runs, in every context: the background worker,
// extension pages (side panel) and the content script.
//
// When policy arrives: chrome.storage.managed.get() answers only once the browser has loaded its
// policy, 3–5 s after start; for an extension force-installed on a first start it answered `{}` and
// the values came by storage.onChanged 4.7 s later; an edited policy file reaches onChanged ~5 s after
// the write. So every context (1) starts at once with the last policy this browser saw, remembered
// in storage.local (a few ms: the panel opens as fast as without policy), (2) reads
// storage.managed, and (3) follows storage.onChanged ('managed'), each read done after the one
// before, so the last read wins. Where the remembered copy was stale, the fresh read corrects it
// within seconds (see docs/enterprise-policy.md).
//
// The content script does not read storage.managed: it only takes the copy remembered by the
// worker (which injected it) and follows that copy's changes, so a kill switch or a removed origin
// takes its launcher away while the page stays open.
import { applyPolicy, canonicalJson, type PolicyOutcome } from './managed-policy';
import type { OrgConfig } from './org-config';

/** The storage.local key of the last policy seen (the raw object storage.managed gave). */
export const REMEMBERED_POLICY_KEY = 'managedPolicy';

/** How long a first start waits for storage.managed at most (it answered after 2.9–4.8 s when measured). */
export const SETTLE_LIMIT_MS = 10_000;

/** A storage change as storage.onChanged reports it. */
export type StorageChanges = Record<string, { newValue?: unknown; oldValue?: unknown }>;

/** The storage calls used here (chrome.storage / browser.storage satisfy them). */
export interface PolicyStorage {
  local: { get(key: string): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> };
  /** storage.managed; absent in the content script, which follows the remembered copy only. */
  managed?: { get(): Promise<Record<string, unknown>> };
  onChanged: { addListener(listener: (changes: StorageChanges, areaName: string) => void): void };
}

/** Where an outcome came from: the copy remembered in storage.local, or storage.managed itself. */
export type PolicySource = 'remembered' | 'managed';

export interface PolicyWatch {
  /** The outcome in effect, once the remembered copy has been read (a few ms after start). */
  current(): Promise<PolicyOutcome>;
  /**
   * The outcome in effect once there is one worth acting on: as current() when a policy was
   * remembered; on the first start in a browser profile (nothing remembered yet) only after
   * storage.managed has answered, so that a kill switch set before installation holds from the
   * first page on. (A browser that hands a force-installed extension its policy only later, by
   * onChanged, still gets the file's configuration until then.)
   */
  settled(): Promise<PolicyOutcome>;
  /** Resolves once storage.managed has been read (or failed to be); the content script's at once. */
  managedRead: Promise<void>;
}

/**
 * Starts following policy over the organisation file's config `file`. `onChange` gets the first
 * outcome and every later one whose policy differs; the listener is registered synchronously, so
 * a worker registers it in its first turn.
 */
export function watchPolicy(file: OrgConfig, storage: PolicyStorage, onChange: (outcome: PolicyOutcome, source: PolicySource) => void): PolicyWatch {
  let latest: PolicyOutcome | undefined;
  let latestJson: string | undefined;

  const take = (raw: unknown, source: PolicySource) => {
    const policy = raw && typeof raw === 'object' ? raw : {};
    const json = canonicalJson(policy);
    if (json === latestJson) return;
    latestJson = json;
    latest = applyPolicy(file, policy);
    onChange(latest, source);
  };

  let rememberedAny = false;
  const first = storage.local
    .get(REMEMBERED_POLICY_KEY)
    .then((stored) => {
      rememberedAny = stored[REMEMBERED_POLICY_KEY] !== undefined;
      take(stored[REMEMBERED_POLICY_KEY], 'remembered');
    })
    .catch((error: unknown) => {
      console.error(error);
      take({}, 'remembered');
    });

  // One read at a time, in order: the start-up read and each change.
  let chain: Promise<void> = first;
  const serially = (job: () => Promise<void>) => {
    chain = chain.then(job).catch(console.error);
    return chain;
  };

  const managed = storage.managed;
  const readManaged = async () => {
    if (!managed) return;
    const raw = await managed.get();
    // Remembered first (for the next start, and for the content scripts; only when it changed,
    // and `{}` too, so that later starts know the browser's policy was read once), then acted on:
    // a side panel that restarts for this change must find it remembered.
    const stored = (await storage.local.get(REMEMBERED_POLICY_KEY))[REMEMBERED_POLICY_KEY];
    if (stored === undefined || canonicalJson(stored) !== canonicalJson(raw)) await storage.local.set({ [REMEMBERED_POLICY_KEY]: raw });
    take(raw, 'managed');
  };

  storage.onChanged.addListener((changes, areaName) => {
    if (areaName === 'managed' && managed) void serially(readManaged);
    // Only a context that does not read storage.managed itself follows the remembered copy: the
    // others would otherwise see their own (possibly older) writes come back.
    else if (areaName === 'local' && !managed && REMEMBERED_POLICY_KEY in changes) {
      const value = changes[REMEMBERED_POLICY_KEY]!.newValue;
      void serially(async () => take(value, 'remembered'));
    }
  });
  const managedRead = serially(readManaged);

  return {
    async current() {
      await first;
      return latest!;
    },
    async settled() {
      await first;
      // Not forever: a browser whose policy never loads still gets the layer, with the file.
      if (!rememberedAny) await Promise.race([managedRead, new Promise((resolve) => setTimeout(resolve, SETTLE_LIMIT_MS))]);
      return latest!;
    },
    managedRead,
  };
}
