// The top of a signed-in extension page: who is signed in, sign out, and the page's views.
import type { ComponentChildren } from 'preact';
import { t, type MessageKey } from '../../lib/any/i18n';

export interface PanelHeaderProps<V extends string> {
  /** The name shown after "Signed in as". */
  name: string;
  onSignOut(): void;
  views: ReadonlyArray<{ id: V; label: MessageKey }>;
  current: V;
  onView(view: V): void;
  /** Opens the comms console; only given to people it is for (comms, administrators). */
  onOpenConsole?: () => void;
  /** The notifications bell (components/notifications/InboxView.tsx). */
  bell?: ComponentChildren;
}

export function PanelHeader<V extends string>({ name, onSignOut, views, current, onView, onOpenConsole, bell }: PanelHeaderProps<V>) {
  return (
    <>
      <header class="panel-header">
        <p class="who">
          {t('signedInAs', name)}{' '}
          <button type="button" class="link" onClick={onSignOut}>
            {t('signOut')}
          </button>
        </p>
        {bell}
        {onOpenConsole ? (
          <button type="button" class="secondary open-console" onClick={onOpenConsole}>
            {t('openConsole')}
          </button>
        ) : null}
      </header>
      <nav class="views" aria-label={t('viewsLabel')}>
        {views.map((view) => (
          <button key={view.id} type="button" class={current === view.id ? '' : 'secondary'} aria-pressed={current === view.id} onClick={() => onView(view.id)}>
            {t(view.label)}
          </button>
        ))}
      </nav>
    </>
  );
}
