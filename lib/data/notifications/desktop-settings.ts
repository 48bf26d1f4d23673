// Desktop notification settings, per browser in chrome.storage.local (off by default), and the
// optional `notifications` permission they need (requested only when switched on).
import { browser } from 'wxt/browser';
import { DEFAULT_DESKTOP_SETTINGS, type DesktopSettings } from '../../core/notifications/model';

import { DESKTOP_SETTINGS_KEY } from './desktop-settings-key';

export { DESKTOP_SETTINGS_KEY };

export async function loadDesktopSettings(): Promise<DesktopSettings> {
  const stored = (await browser.storage.local.get(DESKTOP_SETTINGS_KEY))[DESKTOP_SETTINGS_KEY] as Partial<DesktopSettings> | undefined;
  return { ...DEFAULT_DESKTOP_SETTINGS, ...stored, kinds: { ...DEFAULT_DESKTOP_SETTINGS.kinds, ...stored?.kinds } };
}

export async function saveDesktopSettings(settings: DesktopSettings): Promise<void> {
  await browser.storage.local.set({ [DESKTOP_SETTINGS_KEY]: settings });
}

/** Asks for the optional permission (inside the click); resolves whether it is granted. */
export async function requestNotificationPermission(): Promise<boolean> {
  try {
    return await browser.permissions.request({ permissions: ['notifications'] });
  } catch {
    return false;
  }
}
