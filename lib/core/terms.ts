// Text folding for Dutch and English: the words a page, a question or a skill is about. Pure and
// without dependencies, so the side panel's expert ranking (lib/core/expertise.ts, through
// MiniSearch) and the server's evidence roll-up (functions/src/expertise.ts) fold words the same
// way: a term the server stores for a page is a term the panel's index can match.
//
// Folding, in words: lower case, accents stripped, compounds split on anything that is not a
// letter or digit ("VPN-verbinding" → vpn, verbinding), question words and glue dropped, and a few
// common word endings removed ("verbinding"/"verbindingen", "printers"/"printer").

// Dutch, then English: question words and glue that say nothing about a topic.
const STOP_WORDS = new Set([
  ...'wie weet iets van over de het een en of in op met voor naar is bij hoe wat mijn ik je die dat er te aan om ook niet'.split(' '),
  ...'who knows know about the a an and or of to on with for is at how what my i you anything something'.split(' '),
]);

// Longest first. Kept conservative: only endings that rarely change meaning.
const SUFFIXES = ['ingen', 'ing', 'en', 'es', 's'];

/** At most this many topic terms per page (the reader keeps 40). */
export const MAX_PAGE_TERMS = 30;

/** Folds one word: lower case, accents stripped, common Dutch/English endings removed. '' for stop words. */
export function foldTerm(raw: string): string {
  const term = raw
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
  if (term.length === 0 || STOP_WORDS.has(term)) return '';
  for (const suffix of SUFFIXES) {
    if (term.length - suffix.length >= 4 && term.endsWith(suffix)) return term.slice(0, -suffix.length);
  }
  return term;
}

/** Splits text into words on anything that is not a letter or digit (so "VPN-verbinding" → vpn, verbinding). */
export function tokenize(text: string): string[] {
  return text.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/** The folded, de-duplicated terms of a text (for page terms and tests). */
export function termsOf(text: string): string[] {
  return [...new Set(tokenize(text).map(foldTerm).filter(Boolean))];
}

/**
 * A page's topic terms: its title (counted twice) and the given texts' words, terms of at least
 * three letters, most frequent first (ties in order of appearance), at most MAX_PAGE_TERMS.
 */
export function pageTerms(title: string, texts: string[]): string[] {
  const counts = new Map<string, number>();
  for (const term of [...termsOf(title), ...termsOf(title), ...texts.flatMap(termsOf)]) {
    if (term.length >= 3) counts.set(term, (counts.get(term) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, MAX_PAGE_TERMS)
    .map(([term]) => term);
}
