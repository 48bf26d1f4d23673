// Rollout followed live by an extension page (the side panel, the console): one listener on
// `config/rollout`, one document read per change. Each new version is also written to the shared
// cache (rollout-cache.ts), so the background worker and every intranet tab's launcher follow it
// within moments, without reading it themselves.
import { doc, onSnapshot, type Firestore } from 'firebase/firestore';
import { paths } from '../../core/paths';
import { NO_ROLLOUT, rolloutFromDoc, type Rollout } from '../../core/rollout';
import { writeCachedRollout, type LocalArea } from './rollout-cache';

/**
 * Calls `onChange` with rollout now and on every change (NO_ROLLOUT when there is no document);
 * returns the unsubscribe. Unreadable (offline with nothing cached, refused): nothing is called,
 * and the caller keeps what it had (the cached copy), as fail-closed wants.
 */
export function watchRollout(fs: Firestore, cache: { area: LocalArea; key: string } | null, onChange: (rollout: Rollout) => void): () => void {
  return onSnapshot(
    doc(fs, paths.rollout()),
    (snap) => {
      // A snapshot from the SDK's own cache is no news from the server: not worth telling the worker.
      const rollout = snap.exists() ? rolloutFromDoc(snap.data()) : NO_ROLLOUT;
      onChange(rollout);
      if (cache && !snap.metadata.fromCache) void writeCachedRollout(cache.area, cache.key, rollout, Date.now()).catch(() => undefined);
    },
    () => undefined,
  );
}
