// Following pages and sections: `follows/{uid}` (lib/core/notifications/model.ts Follows), the
// owner's own document. The panel listens to it (one document) and writes the whole lists back,
// changed by one page or section, in a transaction, so two panels of one person toggling at once
// both land. Limits as the rules hold them.
import { doc, onSnapshot, runTransaction, serverTimestamp, type Firestore } from 'firebase/firestore';
import { paths } from '../../core/paths';
import { MAX_FOLLOWED_PAGES, MAX_FOLLOWED_SECTIONS, type Follows } from '../../core/notifications/model';

export const NO_FOLLOWS: Follows = { pages: [], sections: [] };

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : []);

export function followsFrom(data: Record<string, unknown> | undefined): Follows {
  return data ? { pages: strings(data.pages), sections: strings(data.sections) } : NO_FOLLOWS;
}

/** Listens to the person's follows. */
export function watchFollows(fs: Firestore, uid: string, onFollows: (f: Follows) => void, onError: (e: unknown) => void): () => void {
  return onSnapshot(doc(fs, paths.follows(uid)), (snap) => onFollows(followsFrom(snap.data())), onError);
}

export class FollowLimitError extends Error {}

/** Follows or unfollows one page or section. Throws FollowLimitError when the list is full. */
export async function setFollow(fs: Firestore, uid: string, what: 'pages' | 'sections', id: string, on: boolean): Promise<Follows> {
  const ref = doc(fs, paths.follows(uid));
  return runTransaction(fs, async (tx) => {
    const current = followsFrom((await tx.get(ref)).data());
    const list = current[what].filter((x) => x !== id);
    if (on) list.push(id);
    const max = what === 'pages' ? MAX_FOLLOWED_PAGES : MAX_FOLLOWED_SECTIONS;
    if (list.length > max) throw new FollowLimitError(`at most ${max} ${what}`);
    const next = { ...current, [what]: list };
    tx.set(ref, { ...next, updatedAt: serverTimestamp() });
    return next;
  });
}
