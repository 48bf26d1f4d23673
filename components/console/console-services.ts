// The console's own services, next to the ones every extension page has (components/app/services.ts):
// role changes through the server's function, the audit log's feed, rollout (the document live and
// its changes), the pages seen for the section editor and the insights report. Made once in
// entrypoints/console/main.tsx; components take them with useConsole(); tests provide fakes.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { AuditKind } from '../../lib/core/audit';
import type { AuditFeed, AuditFeedState } from '../../lib/data/console/audit';
import type { InsightsApi } from '../../lib/data/console/insights';
import type { PagesApi, PagesState } from '../../lib/data/console/pages';
import type { RolesApi } from '../../lib/data/console/roles';
import type { RolloutApi } from '../../lib/data/console/rollout';
import type { SeenPage } from '../../lib/data/console/rollout-pages';
import type { ModerationApi, QueueState } from '../../lib/data/console/moderation';
import type { StatusFilter } from '../../lib/core/moderation/queue-view';

/** The pages Prikbord has seen, as far as rollout needs them (lib/data/console/rollout-pages.ts). */
export interface SeenPagesApi {
  under(prefix: string, max?: number): Promise<SeenPage[]>;
  at(url: string): Promise<SeenPage | null>;
  search(text: string): Promise<SeenPage[]>;
}

export interface ConsoleServices {
  roles: RolesApi;
  /** Follows the audit log (one kind, or all when null); stop the feed when done. */
  watchAudit(kind: AuditKind | null, onState: (state: AuditFeedState) => void): AuditFeed;
  rollout: RolloutApi;
  /** The pages Prikbord has seen, for a section's addresses (lib/data/console/rollout-pages.ts). */
  seenPages: SeenPagesApi;
  /** The intranet's origins (the organisation's sites): "/hr/" means this directory on each of them. */
  origins: string[];
  /** Page aliases, merges, moves and announcements through the server's function. */
  pages: PagesApi;
  /** Follows the pages Prikbord has seen; returns a stop function. */
  watchPages(onState: (state: PagesState) => void): () => void;
  /** Anonymous figures about use, through the server's functions (suppressed below K there). */
  insights: InsightsApi;
  /** Follows the moderation queue items `scope` may read (lib/data/console/moderation.ts); returns a stop function. */
  watchQueue(scope: 'all' | string[], status: StatusFilter, onState: (state: QueueState) => void): () => void;
  /** Moderators' decisions through the callable `moderate`. */
  moderation: ModerationApi;
}

export const ConsoleContext = createContext<ConsoleServices | null>(null);

/** The console's services; throws outside a ConsoleContext provider (a wiring bug). */
export function useConsole(): ConsoleServices {
  const services = useContext(ConsoleContext);
  if (!services) throw new Error('useConsole: no ConsoleContext provider above this component');
  return services;
}
