// The people the composer can @mention (from the synced directory). Empty until the directory syncs.
import { createContext } from 'preact';
import type { PersonRow } from '../../lib/core/rows';

export interface Mentionable {
  uid: string;
  displayName: string;
}

export const PeopleContext = createContext<Mentionable[]>([]);

/** Finds a person in the synced directory, so any name in a thread can open their card. */
export const PersonLookupContext = createContext<(uid: string) => PersonRow | undefined>(() => undefined);
