// What an inbox item says, in the reader's language: the panel's inbox and the worker's desktop
// notifications use the same words.
import { t } from '../../any/i18n';
import type { InboxRow } from '../../core/notifications/model';
import { REPORT_REASONS, type ReportReason } from '../../core/moderation/model';

/** The one line an item says, by kind. */
export function itemText(row: Pick<InboxRow, 'kind' | 'actor' | 'title' | 'count' | 'unseen' | 'digest' | 'outcome' | 'reason'>): string {
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
      return moderationText(row, title);
    case 'mentionUnseen':
      return t('inboxMentionUnseen', (row.unseen ?? []).join(', '), title);
    case 'digest':
      return t('inboxDigest', row.digest?.length ?? 0);
  }
}

/** What a moderator decided, as its author reads it (never who decided). */
function moderationText(row: Pick<InboxRow, 'outcome' | 'reason'>, title: string): string {
  switch (row.outcome) {
    case 'hidden':
      return isReason(row.reason) ? t('inboxModHidden', title, t(`modReason_${row.reason}`)) : t('inboxModeration', title);
    case 'restored':
      return t('inboxModRestored', title);
    case 'approved':
      return t('inboxModApproved', title);
    case 'rejected':
      return t('inboxModRejected', title);
    case 'note':
      return t('inboxModNote', title);
    default:
      return t('inboxModeration', title);
  }
}

const isReason = (reason: string | undefined): reason is ReportReason => REPORT_REASONS.includes(reason as ReportReason);
