// The draft store the composers use, provided by the app (Dexie in the panel, a Map in tests).
import { createContext } from 'preact';

export interface DraftStore {
  load(key: string): Promise<string | undefined>;
  save(key: string, text: string): Promise<void>;
  clear(key: string): Promise<void>;
}

const memory = new Map<string, string>();

/** Default: drafts kept in memory only (tests and previews). The panel provides a Dexie-backed store. */
export const DraftsContext = createContext<DraftStore>({
  load: async (key) => memory.get(key),
  save: async (key, text) => void memory.set(key, text),
  clear: async (key) => void memory.delete(key),
});

/** Draft key of a composer: a new comment or reply on a page, or an edit of a comment. */
export function draftKey(target: { pageId: string; parentId: string | null } | { editOf: string }): string {
  return 'editOf' in target ? `edit:${target.editOf}` : `new:${target.pageId}:${target.parentId ?? 'root'}`;
}
