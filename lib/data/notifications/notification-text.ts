// What an inbox item says, in the reader's language: the panel's inbox and the worker's desktop
// notifications use the same words.
import { t } from '../../any/i18n';
import type { InboxRow } from '../../core/notifications/model';

/** The one line an item says, by kind. */
export function itemText(row: Pick<InboxRow, 'kind' | 'actor' | 'title' | 'count' | 'unseen' | 'digest'>): string {
  const who = row.actor?.name ?? t('inboxSomeone');
  const title = row.title ?? '';
  switch (row.kind) {
    case 'reply':
      return t('inboxReply', who, title);
    case 'mention':
      return t('inboxMention', who, title);
    case 'helpful':
      return t('inboxHelpful', title);
    case 'follow':
      return row.count === 1 ? t('inboxFollowOne', title) : t('inboxFollow', row.count, title);
    case 'moderation':
      return t('inboxModeration', title);
    case 'mentionUnseen':
      return t('inboxMentionUnseen', (row.unseen ?? []).join(', '), title);
    case 'digest':
      return t('inboxDigest', row.digest?.length ?? 0);
  }
}
