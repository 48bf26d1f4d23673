// @mentions in the composer. Stored as plain text "@Full Name" inside the comment: the comment
// schema (and its rules) stay as they are, the text reads correctly everywhere (exports, older
// clients, a notification's preview), and the notifier can resolve names against the directory
// later. The limit: a renamed person's old mentions keep the old name.

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
