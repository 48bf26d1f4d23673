// Desktop notifications: off by default, per kind, with quiet hours; per browser
// (chrome.storage.local, lib/data/notifications/desktop-settings.ts). Switching them on asks for
// the optional `notifications` permission; refused, they stay off and the form says so.
import { useEffect, useState } from 'preact/hooks';
import { t, type MessageKey } from '../../lib/any/i18n';
import { DEFAULT_DESKTOP_SETTINGS, DESKTOP_KINDS, type DesktopSettings, type InboxKind } from '../../lib/core/notifications/model';
import { loadDesktopSettings, requestNotificationPermission, saveDesktopSettings } from '../../lib/data/notifications/desktop-settings';

const KIND_LABEL: Partial<Record<InboxKind, MessageKey>> = {
  reply: 'desktopKindReply',
  mention: 'desktopKindMention',
  helpful: 'desktopKindHelpful',
  follow: 'desktopKindFollow',
  moderation: 'desktopKindModeration',
};

export function DesktopSettingsForm() {
  const [settings, setSettings] = useState<DesktopSettings | null>(null);
  const [refused, setRefused] = useState(false);
  useEffect(() => {
    void loadDesktopSettings().then(setSettings);
  }, []);
  if (!settings) return null;
  const save = (next: DesktopSettings) => {
    setSettings(next);
    void saveDesktopSettings(next);
  };
  return (
    <details class="desktop-settings">
      <summary>{t('desktopTitle')}</summary>
      <fieldset>
        <legend class="visually-hidden">{t('desktopTitle')}</legend>
        <label>
          <input
            type="checkbox"
            checked={settings.enabled}
            onChange={async (e) => {
              const on = (e.currentTarget as HTMLInputElement).checked;
              if (on && !(await requestNotificationPermission())) {
                setRefused(true);
                save({ ...settings, enabled: false });
                return;
              }
              setRefused(false);
              save({ ...settings, enabled: on });
            }}
          />{' '}
          {t('desktopEnabled')}
        </label>
        {refused && (
          <p class="error" role="alert">
            {t('desktopRefused')}
          </p>
        )}
        {DESKTOP_KINDS.map((kind) => (
          <label key={kind}>
            <input
              type="checkbox"
              disabled={!settings.enabled}
              checked={settings.kinds[kind] === true}
              onChange={(e) => save({ ...settings, kinds: { ...settings.kinds, [kind]: (e.currentTarget as HTMLInputElement).checked } })}
            />{' '}
            {t(KIND_LABEL[kind]!)}
          </label>
        ))}
        <label>
          <input
            type="checkbox"
            disabled={!settings.enabled}
            checked={settings.quiet !== null}
            onChange={(e) => save({ ...settings, quiet: (e.currentTarget as HTMLInputElement).checked ? { from: '18:00', to: '08:00' } : null })}
          />{' '}
          {t('desktopQuiet')}
        </label>
        {settings.quiet && (
          <p class="quiet-hours">
            <label>
              {t('desktopQuietFrom')}{' '}
              <input
                type="time"
                value={settings.quiet.from}
                disabled={!settings.enabled}
                onChange={(e) => save({ ...settings, quiet: { ...settings.quiet!, from: (e.currentTarget as HTMLInputElement).value } })}
              />
            </label>{' '}
            <label>
              {t('desktopQuietTo')}{' '}
              <input
                type="time"
                value={settings.quiet.to}
                disabled={!settings.enabled}
                onChange={(e) => save({ ...settings, quiet: { ...settings.quiet!, to: (e.currentTarget as HTMLInputElement).value } })}
              />
            </label>
          </p>
        )}
        <p class="muted">{t('desktopNote')}</p>
      </fieldset>
    </details>
  );
}

export { DEFAULT_DESKTOP_SETTINGS };
