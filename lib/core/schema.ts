// The limits and validators of the shared data: comment text, comment ids, like ids. Pure; imported by the data layer, scripts and tests. The same limits
// are enforced by firebase/firestore.rules (keep the two in step).
import type { LikeTarget } from './rows';

/** Longest comment, in characters (UTF-16 code units, as Firestore rules count `size()`). */
export const MAX_COMMENT_LENGTH = 2000;
/** Longest display name in a profile. */
export const MAX_NAME_LENGTH = 80;

/** The like document's id: one per (target, person), so liking twice can never count twice. */
export function likeId(targetId: LikeTarget, uid: string): string {
  return `${targetId}_${uid}`;
}

export function likeKey(pageId: string, targetId: LikeTarget, uid: string): string {
  return `${pageId}/${likeId(targetId, uid)}`;
}

/** A signed-in person's public profile (Firestore `profiles/{uid}`). */
export interface Profile {
  uid: string;
  displayName: string;
  department: string;
}

export type TextCheck = { ok: true; text: string } | { ok: false; reason: 'empty' | 'tooLong' };

/** Checks a comment's text the way the rules will: trimmed, not empty, at most MAX_COMMENT_LENGTH. */
export function checkCommentText(raw: string): TextCheck {
  const text = raw.trim();
  if (text.length === 0) return { ok: false, reason: 'empty' };
  if (text.length > MAX_COMMENT_LENGTH) return { ok: false, reason: 'tooLong' };
  return { ok: true, text };
}

/** Makes a client-side comment id: random, URL-safe, 20 characters like Firestore's own ids. */
export function newCommentId(random: (n: number) => Uint8Array = (n) => crypto.getRandomValues(new Uint8Array(n))): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  // 62 does not divide 256: reject bytes ≥ 248 so every character is equally likely.
  let id = '';
  while (id.length < 20) {
    for (const byte of random(20)) {
      if (byte < 248 && id.length < 20) id += alphabet[byte % 62];
    }
  }
  return id;
}
