// The draft store the composers use: the app provides the Dexie-backed one (lib/data/drafts.ts);
// without a provider (component tests, previews) drafts live in memory.
import { createContext } from 'preact';
import { memoryDrafts, type DraftStore } from '../../lib/data/drafts';

export const DraftsContext = createContext<DraftStore>(memoryDrafts());
