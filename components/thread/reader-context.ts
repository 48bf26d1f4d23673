// Who is reading the thread and what is theirs: provided once by the app, read by every comment,
// like button and composer (instead of passing the same five props down each level).
import { createContext } from 'preact';
import { t } from '../../lib/any/i18n';
import { isOwnComment } from '../../lib/core/ownership';
import type { CommentRow, LikeRow } from '../../lib/core/rows';
import type { Premoderation } from '../../lib/core/moderation/model';

export interface Reader {
  /** The signed-in person's uid; null when signed out. */
  me: string | null;
  /** Ids of the comments this person wrote anonymously (from their own owner links only). */
  owned: ReadonlySet<string>;
  /** This person's own likes on the page, by target id ('page' or a comment id). */
  likes: ReadonlyMap<string, LikeRow>;
  /** May hide anyone's comment (the moderator role in the person's token). */
  moderator: boolean;
  /** The organisation allows anonymous posting (config/settings, live; the org config's default until it answers). */
  anonymousPosting: boolean;
  /** Replies on this page that their asker marked "this helped". */
  helpful: ReadonlySet<string>;
  /** Rollout lets the reader comment (write, reply, edit) on this page. */
  canComment: boolean;
  /** Rollout lets the reader like on this page. */
  canLike: boolean;
  /** Uids of running pilots' ambassadors, labelled next to their names. */
  ambassadors: ReadonlySet<string>;
  /** A community manager of this page's section: may mark a reply "this helped" like the asker. */
  communityManager: boolean;
  /** Comments this person reported (as far as this browser knows): shown as "You reported this". */
  reported: ReadonlySet<string>;
  /** Posts here wait for a moderator first (the section's pre-moderation for this kind of post). */
  premoderation: Premoderation;
}

export const ReaderContext = createContext<Reader>({
  me: null,
  owned: new Set(),
  likes: new Map(),
  moderator: false,
  anonymousPosting: false,
  helpful: new Set(),
  canComment: false,
  canLike: false,
  ambassadors: new Set(),
  communityManager: false,
  reported: new Set(),
  premoderation: 'off',
});

/** Whether the reader wrote this comment: named as its author, or holding its owner link. */
export function isMine(reader: Reader, comment: CommentRow): boolean {
  return isOwnComment(comment, reader.me, reader.owned);
}

/** The name shown above a comment: its author, "Anonymous", and "(you)" for the reader's own. */
export function authorLabel(comment: CommentRow, mine: boolean): string {
  if (comment.anonymous) return mine ? t('youAnonymous') : t('anonymousAuthor');
  const name = comment.authorName ?? '';
  return mine ? `${name} (${t('you')})` : name;
}
