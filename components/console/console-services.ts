// The console's own services, next to the ones every extension page has (components/app/services.ts):
// role changes through the server's function and the audit log's feed. Made once in
// entrypoints/console/main.tsx; components take them with useConsole(); tests provide fakes.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { AuditKind } from '../../lib/core/audit';
import type { AuditFeed, AuditFeedState } from '../../lib/data/console/audit';
import type { PagesApi, PagesState } from '../../lib/data/console/pages';
import type { RolesApi } from '../../lib/data/console/roles';

export interface ConsoleServices {
  roles: RolesApi;
  /** Follows the audit log (one kind, or all when null); stop the feed when done. */
  watchAudit(kind: AuditKind | null, onState: (state: AuditFeedState) => void): AuditFeed;
  /** Page aliases, merges, moves and announcements through the server's function. */
  pages: PagesApi;
  /** Follows the pages Prikbord has seen; returns a stop function. */
  watchPages(onState: (state: PagesState) => void): () => void;
}

export const ConsoleContext = createContext<ConsoleServices | null>(null);

/** The console's services; throws outside a ConsoleContext provider (a wiring bug). */
export function useConsole(): ConsoleServices {
  const services = useContext(ConsoleContext);
  if (!services) throw new Error('useConsole: no ConsoleContext provider above this component');
  return services;
}
