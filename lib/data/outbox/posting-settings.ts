// What the organisation allows posting, as the side panel follows it live: config/settings
// `anonymousPosting` (firebase/firestore.rules enforces it on every anonymous comment; administrators
// set it). The composer hides the anonymous choice while it is off, so a refusal is the rare case
// of a comment queued before the switch (remote-operations.ts then says why). Side panel (full SDK).
import { doc, onSnapshot, type Firestore } from 'firebase/firestore';
import { paths } from '../../core/paths';

/** Whether the settings allow anonymous posting: a missing document or field means `fallback` (the organisation config's default). */
export function anonymousPostingFrom(data: Record<string, unknown> | undefined, fallback: boolean): boolean {
  const value = data?.anonymousPosting;
  return typeof value === 'boolean' ? value : fallback;
}

/**
 * Calls `onChange` with whether anonymous posting is allowed, now and on every change; returns
 * the unsubscribe. Unreadable (offline with nothing cached, or no member token yet): `fallback`.
 */
export function watchAnonymousPosting(fs: Firestore, fallback: boolean, onChange: (allowed: boolean) => void): () => void {
  return onSnapshot(
    doc(fs, paths.settings()),
    (snap) => onChange(anonymousPostingFrom(snap.data(), fallback)),
    () => onChange(fallback),
  );
}
