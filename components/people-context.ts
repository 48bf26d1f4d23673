// The people the composer can @mention (from the synced directory). Empty until the directory syncs.
import { createContext } from 'preact';

export interface Mentionable {
  uid: string;
  displayName: string;
}

export const PeopleContext = createContext<Mentionable[]>([]);
