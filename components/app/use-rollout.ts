// Rollout as an extension page follows it: the cached copy at once (the worker's or an earlier
// page's, in storage.local), then the live document. Each new version from the server is written
// back to that cache, which is how the worker and every intranet tab's launcher hear of it too.
import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Rollout } from '../../lib/core/rollout';
import { readCachedRollout, rolloutKey, type LocalArea } from '../../lib/data/rollout/rollout-cache';
import { watchRollout } from '../../lib/data/rollout/watch-rollout';
import { useServices } from './services';

/** Rollout, or null while nothing is known yet (callers then show no layer: closed, not open). */
export function useRollout(): Rollout | null {
  const { fb, config, session } = useServices();
  const authUid = session.authUid.value;
  const [rollout, setRollout] = useState<Rollout | null>(null);
  const area = browser.storage.local as unknown as LocalArea;
  const key = rolloutKey(config.firebase.projectId);

  // Read right after the first render, not a frame later: access, and so every view, waits for it.
  useLayoutEffect(() => {
    let live = true;
    void readCachedRollout(area, key).then((cached) => live && cached && setRollout((known) => known ?? cached.rollout));
    return () => {
      live = false;
    };
  }, [key]);

  useEffect(() => {
    if (!authUid) return;
    return watchRollout(fb.firestore, { area, key }, setRollout);
  }, [authUid, key]);

  return rollout;
}
