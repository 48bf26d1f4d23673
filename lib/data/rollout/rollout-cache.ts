// The last rollout (lib/core/rollout.ts) this browser has seen, in chrome.storage.local, shared by
// the background worker and the extension pages. One copy per Firebase project.
//
// Why storage.local: the worker cannot listen to Firestore (its full SDK needs XMLHttpRequest,
// which service workers lack), so a change reaches it in two ways: an extension page that has a
// live listener (the side panel, the console) writes the new rollout here and the worker hears
// storage.onChanged at once; otherwise the worker reads the document itself (Firestore Lite, one
// read) when its copy is older than ROLLOUT_MAX_AGE_MS and an intranet page asks. And a copy that
// survives restarts means an intranet page gets its answer without waiting for the network, and
// offline keeps the last known settings.
import { rolloutFromDoc, type Rollout } from '../../core/rollout';

/** The worker re-reads rollout when its copy is older than this and an intranet page reports. */
export const ROLLOUT_MAX_AGE_MS = 10 * 60_000;

export interface CachedRollout {
  rollout: Rollout;
  /** When it was read from the server (epoch ms). */
  fetchedAt: number;
}

/** The part of a chrome.storage area used here (chrome.storage.local satisfies it). */
export interface LocalArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/** The storage key of `projectId`'s rollout. */
export const rolloutKey = (projectId: string) => `rollout@${projectId}`;

/** The cached rollout, or null when none was ever stored (or it is unreadable). */
export async function readCachedRollout(area: LocalArea, key: string): Promise<CachedRollout | null> {
  return cachedFrom((await area.get(key))[key]);
}

/** A stored value (storage.onChanged's newValue too) as a cached rollout, or null. */
export function cachedFrom(value: unknown): CachedRollout | null {
  if (typeof value !== 'object' || value === null) return null;
  const { rollout, fetchedAt } = value as Record<string, unknown>;
  if (typeof rollout !== 'object' || rollout === null || typeof fetchedAt !== 'number') return null;
  return { rollout: rolloutFromDoc(rollout as Record<string, unknown>), fetchedAt };
}

export function writeCachedRollout(area: LocalArea, key: string, rollout: Rollout, fetchedAt: number): Promise<void> {
  return area.set({ [key]: { rollout, fetchedAt } });
}

/** Whether two rollouts say the same (the worker tells the tabs only about real changes). */
export function sameRollout(a: Rollout, b: Rollout): boolean {
  return JSON.stringify({ ...a, updatedAt: 0 }) === JSON.stringify({ ...b, updatedAt: 0 }) && a.updatedAt === b.updatedAt;
}
