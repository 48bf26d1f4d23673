// Topics of a scope (a section, a page, or the whole intranet) for "Insights for comms": the terms
// (stems and two-word phrases, from terms.ts through the rollup) its comments use, weighted by how
// typical they are of the scope against the whole intranet (TF-IDF), and only the terms at least K
// people used: a topic never points at a few people. Pure: it runs in the Cloud Function that builds
// the report.
//
// The weight, in words:
//   - tf: the term's uses over the scope's pages, sublinear (1 + ln tf), so one long thread that keeps
//     repeating a word does not drown what many threads mention;
//   - idf: ln((1 + N) / (1 + df)) + 1, N the pages of the whole intranet, df the pages using the term
//     ("smooth" idf: the +1s keep it finite for a term no page outside the scope has, and the final +1
//     keeps a term that every page uses above zero, so the whole intranet as its own scope still has
//     topics, ranked by use);
//   - score: tf × idf divided by the best such product in the scope, so the first topic scores 1.
//
// A phrase and its words: every use of "verlof aanvragen" is also a use of "verlof" and of "aanvragen",
// so the words would always sit next to it. A word is left out when a shown phrase that contains it
// carries most of its people (PHRASE_COVERS, 80 %): the phrase says the same more precisely, and takes
// the word's weight when that is higher (so it ranks where the word would have). When the word has a
// fair share of people of its own (over 20 % who never wrote the phrase), both are shown.
import type { PageActivity, Topic } from './model';

export interface TopicsInput {
  /** The pages in scope (merged over the period). */
  scope: Record<string, PageActivity>;
  /** Every page of the intranet over the period (the background the weights compare with). */
  all: Record<string, PageActivity>;
  forms: Record<string, string>;
  langs: Record<string, 'nl' | 'en'>;
  k: number;
  limit: number;
}

/** A phrase stands in for its word when its people are at least this share of the word's. */
export const PHRASE_COVERS = 0.8;
/** At most this many pages per topic. */
export const TOPIC_PAGES = 5;

interface Tally {
  term: string;
  tf: number;
  people: Set<number>;
  pages: { pageId: string; uses: number }[];
  weight: number;
}

export function rankTopics(input: TopicsInput): Topic[] {
  const { scope, all, forms, langs, k, limit } = input;
  if (limit <= 0) return [];

  // The scope's use of each term.
  const tallies = new Map<string, Tally>();
  for (const [pageId, page] of Object.entries(scope)) {
    for (const [term, use] of Object.entries(page.terms)) {
      if (use.n <= 0) continue;
      let tally = tallies.get(term);
      if (!tally) tallies.set(term, (tally = { term, tf: 0, people: new Set(), pages: [], weight: 0 }));
      tally.tf += use.n;
      // ANONYMOUS (-1) is one number like any other: however many anonymous uses, one "person".
      for (const person of use.by) tally.people.add(person);
      tally.pages.push({ pageId, uses: use.n });
    }
  }
  // Below K people a term is never shown, nor weighed (nor can it stand in for a word).
  for (const [term, tally] of tallies) if (tally.people.size < k) tallies.delete(term);
  if (tallies.size === 0) return [];

  // Document frequency over the whole intranet; a scope page missing from `all` still counts as a page.
  const df = new Map<string, number>();
  const count = (page: PageActivity) => {
    for (const [term, use] of Object.entries(page.terms)) if (use.n > 0 && tallies.has(term)) df.set(term, (df.get(term) ?? 0) + 1);
  };
  let pages = 0;
  for (const page of Object.values(all)) {
    count(page);
    pages += 1;
  }
  for (const [pageId, page] of Object.entries(scope)) {
    if (!(pageId in all)) {
      count(page);
      pages += 1;
    }
  }
  for (const tally of tallies.values()) {
    const idf = Math.log((1 + pages) / (1 + (df.get(tally.term) ?? 0))) + 1;
    tally.weight = (1 + Math.log(tally.tf)) * idf;
  }

  // Words that a phrase stands in for (weights are all computed first: a phrase takes the higher one).
  const covered = new Set<string>();
  for (const phrase of tallies.values()) {
    const words = phrase.term.split(' ');
    if (words.length < 2) continue;
    for (const word of words) {
      const single = tallies.get(word);
      if (single && phrase.people.size >= PHRASE_COVERS * single.people.size) {
        covered.add(word);
        phrase.weight = Math.max(phrase.weight, single.weight);
      }
    }
  }

  const ranked = [...tallies.values()]
    .filter((tally) => !covered.has(tally.term))
    .map((tally) => ({ tally, shown: forms[tally.term] ?? tally.term }))
    .sort((a, b) => b.tally.weight - a.tally.weight || compare(a.shown, b.shown) || compare(a.tally.term, b.tally.term))
    .slice(0, limit);
  const best = ranked[0]?.tally.weight ?? 1;

  return ranked.map(({ tally, shown }) => ({
    term: shown,
    lang: langs[tally.term] ?? 'nl',
    score: Math.round((tally.weight / best) * 1000) / 1000,
    people: tally.people.size,
    pages: tally.pages
      .sort((a, b) => b.uses - a.uses || compare(a.pageId, b.pageId))
      .slice(0, TOPIC_PAGES)
      .map(({ pageId, uses }) => {
        const page = scope[pageId]!;
        return { pageId, url: page.url, title: page.title, uses };
      }),
  }));
}

/** Code-unit order: the same on every machine and in every locale (the order must not depend on where it runs). */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
