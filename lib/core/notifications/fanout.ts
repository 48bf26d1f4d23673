// Who hears about a new comment, and what each is told: the pure decision behind the comment
// trigger (functions/src/notifications/fanout.ts), so it is tested without a server.
//
// One person gets at most one item per comment, in this order of precedence: a reply to their
// comment, a mention, then activity on something they follow. The writer is never told about
// their own comment (for an anonymous comment the server knows its owner from commentOwners and
// leaves them out the same way: nobody else learns anything from that, as the only trace is in
// the owner's own inbox, or rather its absence). Nobody is told about a page they cannot see
// (rollout): a mention of such a person becomes one 'mentionUnseen' item for the writer instead.
import type { InboxItem } from './model';
import { MAX_MENTIONS } from './model';

export interface NewComment {
  pageId: string;
  commentId: string;
  url: string;
  title: string;
  text: string;
  parentId: string | null;
  /** The writer's uid: authorUid, or for an anonymous comment its owner as commentOwners says (server only). */
  writerUid: string | null;
  /** Under their name: { uid, name }; anonymous: null. */
  actor: { uid: string; name: string } | null;
  /** The parent comment's author (named, or the owner of an anonymous parent); null for a top-level comment. */
  parentWriterUid: string | null;
  /** uids stored in the comment's `mentions`. */
  mentions: string[];
  /** uids of people following the page or its section. */
  followers: string[];
}

export type Plan =
  | { mode: 'set'; uid: string; itemId: string; item: Omit<InboxItem, 'createdAt' | 'updatedAt' | 'read'> }
  /** Adds one to the follower's page item (or starts it at 1 once read). */
  | { mode: 'follow'; uid: string; itemId: string; item: Omit<InboxItem, 'createdAt' | 'updatedAt' | 'read'> };

export const itemIds = {
  reply: (commentId: string) => `reply_${commentId}`,
  mention: (commentId: string) => `mention_${commentId}`,
  helpful: (replyId: string) => `helpful_${replyId}`,
  follow: (pageId: string) => `follow_${pageId}`,
  mentionUnseen: (commentId: string) => `mentionUnseen_${commentId}`,
  digest: (isoWeek: string) => `digest_${isoWeek}`,
};

/** The mentions a comment may carry: distinct strings, at most MAX_MENTIONS. */
export function cleanMentions(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return [...new Set(value.filter((v): v is string => typeof v === 'string' && v.length > 0 && v.length <= 128))].slice(0, MAX_MENTIONS);
}

/**
 * What a new comment sends to whom. `canSee(uid)` says whether rollout lets that person see the page;
 * `nameOf(uid)` gives a mentioned person's display name for the writer's 'mentionUnseen' item.
 */
export function planForComment(c: NewComment, canSee: (uid: string) => boolean, nameOf: (uid: string) => string): Plan[] {
  const base = { pageId: c.pageId, url: c.url, title: c.title, commentId: c.commentId, actor: c.actor, excerpt: c.text, count: 1 };
  const told = new Set<string>(c.writerUid ? [c.writerUid] : []);
  const out: Plan[] = [];
  if (c.parentWriterUid && !told.has(c.parentWriterUid) && canSee(c.parentWriterUid)) {
    told.add(c.parentWriterUid);
    out.push({ mode: 'set', uid: c.parentWriterUid, itemId: itemIds.reply(c.commentId), item: { ...base, kind: 'reply' } });
  }
  const unseen: string[] = [];
  for (const uid of cleanMentions(c.mentions)) {
    if (told.has(uid) || uid === c.writerUid) continue;
    if (!canSee(uid)) {
      unseen.push(nameOf(uid));
      continue;
    }
    told.add(uid);
    out.push({ mode: 'set', uid, itemId: itemIds.mention(c.commentId), item: { ...base, kind: 'mention' } });
  }
  if (unseen.length > 0 && c.writerUid) {
    out.push({
      mode: 'set',
      uid: c.writerUid,
      itemId: itemIds.mentionUnseen(c.commentId),
      item: { ...base, actor: null, kind: 'mentionUnseen', unseen },
    });
  }
  for (const uid of new Set(c.followers)) {
    if (told.has(uid) || !canSee(uid)) continue;
    told.add(uid);
    out.push({ mode: 'follow', uid, itemId: itemIds.follow(c.pageId), item: { ...base, kind: 'follow' } });
  }
  return out;
}

/** Whether an item counts as read: marked so, or created up to "mark all read". */
export function isRead(item: { read: boolean; createdAt: number }, readThrough: number | null): boolean {
  return item.read || (readThrough !== null && item.createdAt <= readThrough);
}

/** The ISO week of a time, as "2026-W48" (the digest's item id). */
export function isoWeek(at: number): string {
  const d = new Date(at);
  const day = (d.getUTCDay() + 6) % 7; // Monday 0
  const thursday = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - day + 3));
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  const week = 1 + Math.floor((thursday.getTime() - yearStart) / (7 * 86_400_000));
  return `${thursday.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/** The digest goes only to someone away this long (no noise for daily users). */
export const DIGEST_AWAY_MS = 7 * 86_400_000;

/** Whether a person last seen at `seenAt` gets a digest at `now`. Never seen: they have never opened the panel, so no digest either. */
export function wantsDigest(seenAt: number | null, now: number): boolean {
  return seenAt !== null && now - seenAt >= DIGEST_AWAY_MS;
}
