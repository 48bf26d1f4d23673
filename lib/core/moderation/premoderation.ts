// Pre-moderation where a post is written: which kinds of post in a page's section wait for a
// moderator (rollout's `premoderation`, set per section in the console). The rules decide the
// same from the same document (firebase/firestore.rules, isPremoderated); the panel asks to tell
// the writer beforehand and to show their post as waiting, the outbox to pick the path.
import { premoderationOf, sectionIdFor, type Rollout } from '../rollout';
import type { Premoderation } from './model';

/** The pre-moderation of the page at `url`: its section's, or the rest of the intranet's. */
export function premoderationAt(rollout: Rollout, url: string): Premoderation {
  const id = sectionIdFor(rollout, url);
  return premoderationOf(id === null ? rollout.rest : rollout.sections[id]);
}

/** Whether a new post of this kind waits for a moderator under `mode`. */
export function isHeld(mode: Premoderation, anonymous: boolean): boolean {
  return mode === 'all' || (mode === 'anonymous' && anonymous);
}
