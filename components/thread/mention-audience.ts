// Who an @mention in the composer reaches: the writer (never mentioned) and whether a person may
// see the page at all (rollout), so the composer can warn before posting that someone will not be
// told. Provided by the panel (entrypoints/sidepanel/App.tsx); by default everyone can.
import { createContext } from 'preact';

export interface MentionAudience {
  self: string | null;
  canSee(uid: string): boolean;
}

export const MentionAudienceContext = createContext<MentionAudience>({ self: null, canSee: () => true });
