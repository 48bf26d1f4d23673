// The top of a signed-in extension page: who is signed in, sign out, and the page's views.
import { t, type MessageKey } from '../../lib/any/i18n';

export interface PanelHeaderProps<V extends string> {
  /** The name shown after "Signed in as". */
  name: string;
  onSignOut(): void;
  views: ReadonlyArray<{ id: V; label: MessageKey }>;
  current: V;
  onView(view: V): void;
}

export function PanelHeader<V extends string>({ name, onSignOut, views, current, onView }: PanelHeaderProps<V>) {
  return (
    <>
      <header class="panel-header">
        <p class="who">
          {t('signedInAs', name)}{' '}
          <button type="button" class="link" onClick={onSignOut}>
            {t('signOut')}
          </button>
        </p>
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
