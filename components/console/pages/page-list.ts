// Small pieces the Pages section's views share: a page's counts as words, and moving through a
// list of result buttons with the arrow keys.
import { t } from '../../../lib/any/i18n';
import type { PageListing } from '../../../lib/core/page-admin';

/** Moves focus to the next (+1) or previous (−1) button of `list`, from `from` (the field: before the first). */
export function moveFocus(list: HTMLElement | null, from: Element | null, step: 1 | -1): boolean {
  const buttons = [...(list?.querySelectorAll<HTMLButtonElement>(':scope > li > button') ?? [])];
  if (buttons.length === 0) return false;
  const at = buttons.indexOf(from as HTMLButtonElement);
  const next = at < 0 ? (step === 1 ? 0 : -1) : at + step;
  if (next < 0 || next >= buttons.length) return false;
  buttons[next]!.focus();
  return true;
}

/** "3 comments · 1 like" */
export function countsText(page: Pick<PageListing, 'commentCount' | 'likeCount'>): string {
  return `${page.commentCount === 1 ? t('commentsCountOne') : t('commentsCount', page.commentCount)} · ${t('consolePagesLikes', page.likeCount)}`;
}
