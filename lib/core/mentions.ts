// @mentions in the composer. Shown as plain text "@Full Name" inside the comment, so the text reads
// correctly everywhere (exports, older clients, a notification's preview), AND stored as a real
// reference: the comment's `mentions` (uids, at most MAX_MENTIONS), which the server notifies
// (functions/src/notifications/fanout.ts). The uids are resolved when the comment is posted, from
// the people picked in the suggestions and the directory's names still present in the text
// (mentionedUids), so a mention deleted from the text notifies nobody, and one restored from a
// draft still counts. The limit: a renamed person's old mentions keep the old name as text.

export interface MentionQuery {
  /** Where the "@" is. */
  start: number;
  /** What was typed after it, up to the caret. */
  query: string;
}

/** The mention being typed at the caret: "@" at the start or after a space, then up to 30 characters without a line break. */
export function activeMention(text: string, caret: number): MentionQuery | null {
  const before = text.slice(0, caret);
  const match = /(^|\s)@([^\s@][^@\n]{0,29}|)$/u.exec(before);
  if (!match) return null;
  const query = match[2]!;
  // "@Anna de Vries " followed by more words is finished text, not a query: at most 3 words.
  if (query.split(' ').length > 3) return null;
  return { start: before.length - query.length - 1, query };
}

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/** People whose name has a word starting with the query (accents and case ignored), best first, at most `limit`. */
export function mentionCandidates<T extends { displayName: string }>(people: T[], query: string, limit = 6): T[] {
  const q = fold(query.trim());
  const scored: Array<[T, number]> = [];
  for (const person of people) {
    const name = fold(person.displayName);
    if (q === '') scored.push([person, 1]);
    else if (name.startsWith(q)) scored.push([person, 0]);
    else if (name.split(/\s+/).some((w) => w.startsWith(q)) || name.includes(` ${q}`)) scored.push([person, 1]);
  }
  scored.sort((a, b) => a[1] - b[1] || a[0].displayName.localeCompare(b[0].displayName));
  return scored.slice(0, limit).map(([p]) => p);
}

/** The text with the mention at `at` replaced by "@Name ", and where the caret goes. */
export function insertMention(text: string, at: MentionQuery, caret: number, name: string): { text: string; caret: number } {
  const inserted = `@${name} `;
  return { text: text.slice(0, at.start) + inserted + text.slice(caret), caret: at.start + inserted.length };
}

/** At most this many people per comment (lib/core/notifications/model.ts MAX_MENTIONS; the rules check it too). */
const MAX = 10;

/**
 * The uids a text mentions: each picked person whose "@Name" is still in the text, then anyone in
 * the directory whose "@Name" is (a name two people share counts only when picked), without
 * `self`, at most 10, in order of appearance.
 */
export function mentionedUids<T extends { uid: string; displayName: string }>(text: string, picked: T[], people: T[], self: string | null = null): string[] {
  const found: Array<{ uid: string; at: number }> = [];
  const seen = new Set<string>();
  const add = (p: T) => {
    if (seen.has(p.uid) || p.uid === self || p.displayName === '') return;
    const at = text.indexOf(`@${p.displayName}`);
    if (at === -1) return;
    seen.add(p.uid);
    found.push({ uid: p.uid, at });
  };
  picked.forEach(add);
  const names = new Map<string, number>();
  for (const p of people) names.set(p.displayName, (names.get(p.displayName) ?? 0) + 1);
  for (const p of people) if (names.get(p.displayName) === 1) add(p);
  return found
    .sort((a, b) => a.at - b.at)
    .slice(0, MAX)
    .map((f) => f.uid);
}
