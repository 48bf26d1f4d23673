// A quiet bar about changes not yet sent: how many, and why (offline, or the server can't be
// reached), with a way to try at once instead of waiting out the backoff. Without nagging: a
// change on its normal way out (a few hundred ms) is only marked at the comment itself; the bar
// appears when the browser is offline, when the last attempt failed, or when something has
// waited longer than STUCK_MS. It sticks to the panel's bottom edge, so appearing never moves
// the controls above it (a click must land where the person aimed). Polite live region.
import { t } from '../../lib/any/i18n';
import type { OutboxItem } from '../../lib/core/rows';

export interface SyncStatusProps {
  online: boolean;
  /** The signed-in person's outbox items that still wait (refused ones are shown at their comment). */
  queue: Pick<OutboxItem, 'lastFailure' | 'createdAt' | 'notBefore'>[];
  now: number;
  onRetryNow: () => void;
}

/** A change that waits this long without a failure is worth mentioning anyway. */
export const STUCK_MS = 10_000;

export function SyncStatus({ online, queue, now, onRetryNow }: SyncStatusProps) {
  const waiting = queue.length;
  // A passing failure on the last attempt (not an offline browser): the server is unreachable.
  const unreachable = online && queue.some((item) => item.lastFailure !== undefined);
  // An anonymous change held back on purpose (timing decorrelation, lib/data/outbox/flusher.ts) is on
  // its normal way out until its moment comes: it counts as waiting only from then on.
  const stuck = queue.some((item) => now - Math.max(item.createdAt, item.notBefore ?? 0) > STUCK_MS);
  if (waiting === 0 || (online && !unreachable && !stuck)) return null;
  const one = waiting === 1;
  const text = !online
    ? one
      ? t('offlineWaitingOne')
      : t('offlineWaiting', waiting)
    : unreachable
      ? one
        ? t('unreachableWaitingOne')
        : t('unreachableWaiting', waiting)
      : one
        ? t('waitingOne')
        : t('waiting', waiting);
  return (
    <div class={`sync-status ${online && !unreachable ? '' : 'offline'}`} role="status">
      <span>{text}</span>
      {online && unreachable && (
        <button type="button" class="link" onClick={onRetryNow}>
          {t('retryNow')}
        </button>
      )}
    </div>
  );
}
