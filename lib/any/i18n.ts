// Every user-facing string goes through t(): Chrome picks Dutch or English from the browser's
// language (public/_locales/{nl,en}/messages.json, English as fallback). Any context may import it.
import { browser } from 'wxt/browser';
import type en from '../../public/_locales/en/messages.json';

export type MessageKey = keyof typeof en;

/** The translated message; substitutions fill $1, $2 … in order. */
export function t(key: MessageKey, ...subs: Array<string | number>): string {
  return browser.i18n.getMessage(key, subs.map(String)) || key;
}

/**
 * The language of the text on screen ('nl' or 'en'), for Intl date and time formatting. Taken from
 * the translation Chrome chose rather than getUILanguage(), so dates never speak another language
 * than the words around them (the browser may run in a language we have no translation for).
 */
export function uiLanguage(): string {
  return t('localeCode');
}
