// The services of an extension page, made once at its entry (entrypoints/*/main.tsx) and provided
// to every component below: the local database, Firebase, the organisation config, the link to
// the background worker and the session. Components take what they need with useServices();
// component tests provide their own (fakes where a test needs them).
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { OrgConfig } from '../../lib/any/org-config';
import type { BackgroundLink } from '../../lib/data/background-link';
import type { PrikbordDb } from '../../lib/data/db';
import type { FirebaseServices } from '../../lib/data/firebase/full-client';
import type { Session } from '../../lib/data/session/session';

export interface Services {
  db: PrikbordDb;
  fb: FirebaseServices;
  config: OrgConfig;
  link: BackgroundLink;
  session: Session;
}

export const ServicesContext = createContext<Services | null>(null);

/** The page's services; throws when rendered outside a ServicesContext provider (a wiring bug). */
export function useServices(): Services {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices: no ServicesContext provider above this component');
  return services;
}
