/** Where desktop notification settings live in chrome.storage.local (one key, shared by the panel and the worker). */
export const DESKTOP_SETTINGS_KEY = 'desktopNotifications';
