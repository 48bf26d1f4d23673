// Drafts: a composer's unsent text, saved while typing so a crash or a closed panel loses nothing.
// The one home of the concept: the store interface, the key scheme and the Dexie-backed store.
// Extension pages only (the components get a store through DraftsContext; tests use memoryDrafts).
import type { PrikbordDb } from './db';

/** Where composers keep their drafts. */
export interface DraftStore {
  load(key: string): Promise<string | undefined>;
  /** Saves the text; an empty text removes the draft. */
  save(key: string, text: string): Promise<void>;
  clear(key: string): Promise<void>;
}

/** Draft key of a composer: a new comment or reply on a page, or an edit of a comment. */
export function draftKey(target: { pageId: string; parentId: string | null } | { editOf: string }): string {
  return 'editOf' in target ? `edit:${target.editOf}` : `new:${target.pageId}:${target.parentId ?? 'root'}`;
}

/**
 * Drafts in Dexie: they survive a reload, a crash and the browser being closed. With `uid`, they
 * are that person's: saved with their uid, and another person's draft is never loaded (nor kept:
 * forgetOtherPeople removes it when someone else signs in).
 */
export function dexieDrafts(db: PrikbordDb, uid?: string): DraftStore {
  return {
    load: async (key) => {
      const draft = await db.drafts.get(key);
      return draft && (draft.uid === undefined || uid === undefined || draft.uid === uid) ? draft.text : undefined;
    },
    save: async (key, text) => void (text ? await db.drafts.put({ key, text, updatedAt: Date.now(), ...(uid ? { uid } : {}) }) : await db.drafts.delete(key)),
    clear: (key) => db.drafts.delete(key),
  };
}

/** Drafts in memory only (component tests and previews). */
export function memoryDrafts(): DraftStore {
  const memory = new Map<string, string>();
  return {
    load: async (key) => memory.get(key),
    save: async (key, text) => void (text ? memory.set(key, text) : memory.delete(key)),
    clear: async (key) => void memory.delete(key),
  };
}
