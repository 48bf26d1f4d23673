// Every user-facing string goes through t(): Chrome picks Dutch or English from the browser's
// language (public/_locales/{nl,en}/messages.json, English as fallback). Any context may import it.
import { browser } from 'wxt/browser';
import type en from '../public/_locales/en/messages.json';

export type MessageKey = keyof typeof en;

/** The translated message; substitutions fill $1, $2 … in order. */
export function t(key: MessageKey, ...subs: Array<string | number>): string {
  return browser.i18n.getMessage(key, subs.map(String)) || key;
}

/** The browser's UI language (e.g. 'nl', 'en-US'), for Intl formatting. */
export function uiLanguage(): string {
  return browser.i18n.getUILanguage();
}
