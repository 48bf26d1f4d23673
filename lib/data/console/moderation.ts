// The console's moderation queue: the queue items a moderator may see, live (onSnapshot, so a
// colleague's claim or decision shows at once), and every decision through the callable `moderate`
// (functions/src/moderation/), which alone writes the queue, the comment and the history.
//
// A moderator of some sections reads with queries pinned to those sections (`sectionKey in […]`,
// at most 30 per query: the rules refuse an unpinned query for them); administrators and
// moderators everywhere read unpinned. Open items are read whole; "decided" and "all" read the
// most recently changed QUEUE_PAGE items per query. Only the console's bundle imports this file.
import { collection, limit, onSnapshot, orderBy, query, where, type Firestore, type Query } from 'firebase/firestore';
import type { Functions } from 'firebase/functions';
import { paths } from '../../core/paths';
import type { ModerateRequest, ModerateResult } from '../../core/moderation/model';
import { queueItemFromDoc } from '../../core/moderation/queue-codec';
import { failureOfCall, sectionChunks, type ModerationFailure, type QueueItemWithId, type StatusFilter } from '../../core/moderation/queue-view';
import { moderateCaller } from '../moderation/moderate-call';

/** Decided items are read newest change first, this many per query. */
export const QUEUE_PAGE = 200;

export interface QueueState {
  items: QueueItemWithId[];
  /** False until every query has answered once. */
  loaded: boolean;
  error: 'denied' | 'failed' | null;
}

/** Follows the queue items `scope` may read with `status`; returns a stop function. */
export function watchQueue(fs: Firestore, scope: 'all' | string[], status: StatusFilter, onState: (state: QueueState) => void): () => void {
  const base = collection(fs, paths.moderationQueue());
  const pinned = (q: Query, sections: string[] | null) => (sections ? query(q, where('sectionKey', 'in', sections)) : q);
  const byStatus = (sections: string[] | null): Query =>
    status === 'open'
      ? query(pinned(base, sections), where('status', '==', 'open'))
      : query(pinned(base, sections), orderBy('updatedAt', 'desc'), limit(QUEUE_PAGE));
  const queries = scope === 'all' ? [byStatus(null)] : sectionChunks(scope).map(byStatus);
  const parts: Array<Map<string, QueueItemWithId> | null> = queries.map(() => null);
  let error: QueueState['error'] = null;
  let stopped = false;
  const publish = () => {
    if (stopped) return;
    const items = new Map<string, QueueItemWithId>();
    for (const part of parts) for (const [id, item] of part ?? []) items.set(id, item);
    onState({ items: [...items.values()], loaded: parts.every((p) => p !== null) || error !== null, error });
  };
  const stops = queries.map((q, i) =>
    onSnapshot(
      q,
      (snap) => {
        parts[i] = new Map(snap.docs.map((doc) => [doc.id, queueItemFromDoc(doc.id, doc.data())]));
        publish();
      },
      (e) => {
        error = (e as { code?: string }).code === 'permission-denied' ? 'denied' : 'failed';
        publish();
      },
    ),
  );
  return () => {
    stopped = true;
    for (const stop of stops) stop();
  };
}

export type ModerateOutcome = { ok: true; result: ModerateResult } | { ok: false; failure: ModerationFailure };

export interface ModerationApi {
  moderate(request: ModerateRequest): Promise<ModerateOutcome>;
}

/**
 * Decisions through the callable `moderate` (lib/data/moderation/moderate-call.ts calls it and reads
 * its refusals); a failure comes back as what the console says about it (queue-view.ts), never thrown.
 */
export function moderationApi(functions: Functions): ModerationApi {
  const call = moderateCaller(functions);
  return {
    async moderate(request) {
      const outcome = await call(request);
      return outcome.ok ? outcome : { ok: false, failure: failureOfCall(outcome.problem) };
    },
  };
}
