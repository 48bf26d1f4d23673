// A quiet line about changes not yet sent: only shown while something waits.
import { t } from '../lib/i18n';

export function SyncStatus({ online, waiting }: { online: boolean; waiting: number }) {
  if (waiting === 0 && online) return null;
  return (
    <p class={`sync-status ${online ? '' : 'offline'}`} role="status">
      {online ? t('waiting', waiting) : t('offlineWaiting', waiting)}
    </p>
  );
}
