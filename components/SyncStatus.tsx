// A quiet line about changes not yet sent, shown only while something waits: how many, and why
// (offline, or the server can't be reached), with a way to try at once instead of waiting out
// the backoff. Polite live region: it is announced, never in the way.
import { t } from '../lib/i18n';
import type { OutboxItem } from '../lib/outbox';

export interface SyncStatusProps {
  online: boolean;
  /** The signed-in person's outbox items that still wait (refused ones are shown at their comment). */
  queue: Pick<OutboxItem, 'lastFailure' | 'nextAttemptAt'>[];
  onRetryNow: () => void;
}

export function SyncStatus({ online, queue, onRetryNow }: SyncStatusProps) {
  const waiting = queue.length;
  if (waiting === 0) return null;
  // A passing failure on the last attempt (not an offline browser): the server is unreachable.
  const unreachable = online && queue.some((item) => item.lastFailure !== undefined);
  const one = waiting === 1;
  const text = !online
    ? one ? t('offlineWaitingOne') : t('offlineWaiting', waiting)
    : unreachable
      ? one ? t('unreachableWaitingOne') : t('unreachableWaiting', waiting)
      : one ? t('waitingOne') : t('waiting', waiting);
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
