// Does a comment ask something? A conservative guess for unanswered questions and reply times:
// better to miss a question than to count a statement as one nobody answered.
//
// A comment asks something when
//   - it contains a question mark (also the full-width '？'), or
//   - one of its lines starts with a Dutch or English question word or phrase (QUESTION_STARTS),
//     as a whole word, and the line does not end in '.' or '!': "Hoe vraag ik verlof aan" asks,
//     "Watervallen zijn mooi" does not, and neither do "Wat een mooie dag!" or "Wanneer je verlof
//     aanvraagt, krijg je een mail." (a question word opens many exclamations and statements).
// Words that also start ordinary statements ("is", "are", "do", "heeft", "zijn") are left out on
// purpose: "Is gelukt, dank!" is no question.

/** Lower-case starts of a line that ask something (whole words; longer phrases need no priority). */
export const QUESTION_STARTS: readonly string[] = [
  // Dutch
  'hoe',
  'hoeveel',
  'hoelang',
  'wat',
  'waar',
  'waarom',
  'waarover',
  'waarmee',
  'waarvoor',
  'wie',
  'wanneer',
  'welke',
  'welk',
  'kan ik',
  'kun je',
  'kunnen we',
  'kan iemand',
  'mag ik',
  'moet ik',
  'weet iemand',
  'heeft iemand',
  'is er',
  'zijn er',
  // English
  'how',
  'what',
  'where',
  'who',
  'when',
  'why',
  'which',
  'can i',
  'can we',
  'can someone',
  'can anyone',
  'could someone',
  'may i',
  'should i',
  'does anyone',
  'is there',
  'are there',
];

const STARTS = new RegExp(`^\\s*(?:${QUESTION_STARTS.map((s) => s.replace(/ /g, '\\s+')).join('|')})(?![\\p{L}\\p{N}])`, 'iu');

export function isQuestion(text: string): boolean {
  if (text.includes('?') || text.includes('？')) return true;
  return text.split('\n').some((line) => STARTS.test(line) && !/[.!]\s*$/.test(line));
}

/**
 * A section's published open questions once `commentId` is answered by a "this helped" mark (by
 * the asker or the section's community manager): the question drops out at once, not at the next
 * rollup (which then finds it answered by the same mark). Null when it was not listed.
 */
export function withoutAnswered<Q extends { commentId: string }>(questions: readonly Q[], commentId: string): Q[] | null {
  const rest = questions.filter((q) => q.commentId !== commentId);
  return rest.length === questions.length ? null : rest;
}
