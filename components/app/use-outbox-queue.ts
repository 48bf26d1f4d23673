// The signed-in person's outbox items that still wait, live (the sync status bar shows them).
import type { OutboxItem } from '../../lib/core/rows';
import { useServices } from './services';
import { useLiveQuery } from '../hooks/use-live-query';

/** Waiting items of `uid` (refused ones are shown at their comment, not here). */
export function useOutboxQueue(uid: string | null): OutboxItem[] {
  const { db } = useServices();
  return useLiveQuery(() => (uid ? db.outbox.filter((item) => item.uid === uid && item.state !== 'refused').toArray() : []), [uid], []);
}
