// Unit tests of components read real English text: browser.i18n.getMessage (not implemented by
// WXT's fake browser) answers from public/_locales/en/messages.json, filling $P1$… (and plain $1…) as Chrome does.
import { vi } from 'vitest';
import { browser } from 'wxt/browser';
import en from '../../public/_locales/en/messages.json';

/** Makes browser.i18n.getMessage answer in English from public/_locales/en/messages.json. */
export function useEnglishMessages(): void {
  const messages = en as Record<string, { message: string }>;
  vi.spyOn(browser.i18n, 'getMessage').mockImplementation(((key: string, subs?: string | string[]) => {
    const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
    // Chrome fills named placeholders ($P1$ → $1) and plain $1 … in the message alike.
    return (messages[key]?.message ?? '').replace(/\$P(\d)\$|\$(\d)/g, (_, p: string | undefined, n: string | undefined) => list[Number(p ?? n) - 1] ?? '');
  }) as typeof browser.i18n.getMessage);
}
