// Folding one day's facts into a summary, merging days into weeks, and the running questions state.
// Pure: the rollup (functions/src/insights/) reads the facts and writes what these return.
//
// Attribution: people are their index in the InsightPerson table. A fact by a uid the table does
// not hold counts in the volumes (comments, replies, likes) but makes nobody a reader, liker or
// writer; a top-level comment by such a uid starts a thread "by" ANONYMOUS (nobody known). An
// anonymous post counts in `anonymous` and is ANONYMOUS wherever an author is needed.
import { isLeader } from './levels';
import { ANONYMOUS } from './model';
import type { ActivitySummary, AnsweredQuestionFact, Day, DayFacts, InsightPerson, OpenQuestionFact, PageActivity, QuestionsState, TermUse } from './model';
import { isQuestion } from './questions';
import type { TermsOf } from './terms';

/** The people table with its lookup: a person's number is their index in `people`. */
export interface PeopleIndex {
  people: InsightPerson[];
  byUid: Map<string, number>;
}

export function indexPeople(people: InsightPerson[]): PeopleIndex {
  return { people, byUid: new Map(people.map((p, i) => [p.uid, i])) };
}

/** Answered questions asked longer ago than this are dropped from the state. */
export const ANSWERED_KEEP_DAYS = 180;
/** At most this many open questions are kept (the newest). */
export const MAX_OPEN_QUESTIONS = 2000;
/** An open question keeps this many characters of its text. */
export const EXCERPT_LENGTH = 140;

const DAY_MS = 24 * 3600 * 1000;

export function emptyPage(url: string, title: string): PageActivity {
  return { url, title, readers: [], likers: [], writers: [], comments: 0, replies: 0, anonymous: 0, likes: 0, starts: [], answers: [], terms: {} };
}

const sortedUnique = (values: Iterable<number>): number[] => [...new Set(values)].sort((a, b) => a - b);
/** Sorted unique union (whatever order the stored lists come in). */
const unite = (a: readonly number[], b: readonly number[]): number[] => sortedUnique([...a, ...b]);

/** Picks the most counted key; ties go to the smallest key (so the result never depends on order). */
function mostCounted<T extends string>(counts: Map<T, number>): T | undefined {
  let best: T | undefined;
  let bestCount = -1;
  for (const [key, count] of counts) {
    if (count > bestCount || (count === bestCount && best !== undefined && key < best)) {
      best = key;
      bestCount = count;
    }
  }
  return best;
}

/** Counts of forms and languages per term, resolved into a summary's `forms` and `langs`. */
class Vocabulary {
  private forms = new Map<string, Map<string, number>>();
  private langs = new Map<string, Map<'nl' | 'en', number>>();

  add(term: string, form: string | undefined, lang: 'nl' | 'en' | undefined, weight: number): void {
    if (form !== undefined) bump(this.forms, term, form, weight);
    if (lang !== undefined) bump(this.langs, term, lang, weight);
  }

  resolve(): { forms: Record<string, string>; langs: Record<string, 'nl' | 'en'> } {
    const forms: Record<string, string> = {};
    const langs: Record<string, 'nl' | 'en'> = {};
    for (const term of [...this.forms.keys()].sort()) forms[term] = mostCounted(this.forms.get(term)!)!;
    for (const term of [...this.langs.keys()].sort()) langs[term] = mostCounted(this.langs.get(term)!)!;
    return { forms, langs };
  }
}

function bump<T extends string>(map: Map<string, Map<T, number>>, term: string, key: T, weight: number): void {
  let counts = map.get(term);
  if (!counts) map.set(term, (counts = new Map()));
  counts.set(key, (counts.get(key) ?? 0) + weight);
}

/** One day's facts as a summary (facts of unknown people are counted in volumes, attributed to nobody). */
export function foldDay(facts: DayFacts, people: PeopleIndex, termsOf: TermsOf): ActivitySummary {
  const pages = new Map<string, PageActivity>();
  const sets = new Map<string, { readers: Set<number>; likers: Set<number>; writers: Set<number>; by: Map<string, Set<number>> }>();
  const pageOf = (pageId: string, url: string, title: string) => {
    let page = pages.get(pageId);
    if (!page) {
      pages.set(pageId, (page = emptyPage(url, title)));
      sets.set(pageId, { readers: new Set(), likers: new Set(), writers: new Set(), by: new Map() });
    } else if (!page.title && title) page.title = title;
    return { page, sets: sets.get(pageId)! };
  };
  const vocabulary = new Vocabulary();

  for (const read of facts.reads) {
    const { sets } = pageOf(read.pageId, read.url, '');
    const who = people.byUid.get(read.uid);
    if (who !== undefined) sets.readers.add(who);
  }
  for (const like of facts.likes) {
    const { page, sets } = pageOf(like.pageId, like.url, like.title);
    page.likes++;
    const who = people.byUid.get(like.uid);
    if (who !== undefined) sets.likers.add(who);
  }
  for (const comment of facts.comments) {
    const { page, sets } = pageOf(comment.pageId, comment.url, comment.title);
    const known = comment.authorUid === null ? undefined : people.byUid.get(comment.authorUid);
    if (comment.authorUid === null) page.anonymous++;
    if (known !== undefined) sets.writers.add(known);
    if (comment.parentId === null) {
      page.comments++;
      page.starts.push({ id: comment.id, by: known ?? ANONYMOUS, question: isQuestion(comment.text), at: comment.createdAt });
    } else {
      page.replies++;
      // "Who answers whom": named replies by known people to someone else (adding to one's own comment answers nobody).
      const parent = comment.parent;
      if (known !== undefined && parent) {
        const to = parent.authorUid === null ? ANONYMOUS : (people.byUid.get(parent.authorUid) ?? ANONYMOUS);
        if (to !== known) {
          const seconds = Math.max(0, Math.round((comment.createdAt - parent.createdAt) / 1000));
          page.answers.push({ parentId: comment.parentId, from: known, to, seconds, question: isQuestion(parent.text) });
        }
      }
    }
    if (comment.deleted || comment.text === '') continue;
    const found = termsOf(comment.text);
    const author = comment.authorUid === null ? ANONYMOUS : known;
    for (const term of found.terms) {
      const use = (page.terms[term] ??= { n: 0, by: [] });
      use.n++;
      let by = sets.by.get(term);
      if (!by) sets.by.set(term, (by = new Set()));
      if (author !== undefined) by.add(author);
      vocabulary.add(term, found.forms[term], found.lang, 1);
    }
  }

  const out: Record<string, PageActivity> = {};
  for (const pageId of [...pages.keys()].sort()) {
    const page = pages.get(pageId)!;
    const s = sets.get(pageId)!;
    page.readers = sortedUnique(s.readers);
    page.likers = sortedUnique(s.likers);
    page.writers = sortedUnique(s.writers);
    for (const [term, use] of Object.entries(page.terms)) use.by = sortedUnique(s.by.get(term) ?? []);
    out[pageId] = page;
  }
  return { id: facts.day, from: facts.day, to: facts.day, pages: out, ...vocabulary.resolve() };
}

function mergeTerms(into: Record<string, TermUse>, from: Record<string, TermUse>): void {
  for (const [term, use] of Object.entries(from)) {
    const mine = into[term];
    into[term] = mine ? { n: mine.n + use.n, by: unite(mine.by, use.by) } : { n: use.n, by: [...use.by] };
  }
}

/** Several summaries as one (a week from its days): person lists united, counts added. */
export function mergeSummaries(id: string, from: Day, to: Day, parts: ActivitySummary[], options: { terms?: boolean } = {}): ActivitySummary {
  // Without terms (a comparison period, a trend week): a third of the work at 20,000 employees.
  const withTerms = options.terms !== false;
  const pages: Record<string, PageActivity> = {};
  const vocabulary = new Vocabulary();
  for (const part of parts) {
    for (const [pageId, p] of Object.entries(part.pages)) {
      const page = (pages[pageId] ??= emptyPage(p.url, p.title));
      // A later part's title is the page's newer title.
      if (p.title) page.title = p.title;
      if (!page.url) page.url = p.url;
      page.readers = unite(page.readers, p.readers);
      page.likers = unite(page.likers, p.likers);
      page.writers = unite(page.writers, p.writers);
      page.comments += p.comments;
      page.replies += p.replies;
      page.anonymous += p.anonymous;
      page.likes += p.likes;
      page.starts.push(...p.starts);
      page.answers.push(...p.answers);
      if (withTerms) mergeTerms(page.terms, p.terms);
    }
    if (!withTerms) continue;
    // A part's chosen form weighs as much as the uses of the term in that part.
    const uses = new Map<string, number>();
    for (const p of Object.values(part.pages)) for (const [term, use] of Object.entries(p.terms)) uses.set(term, (uses.get(term) ?? 0) + use.n);
    for (const [term, form] of Object.entries(part.forms)) vocabulary.add(term, form, undefined, uses.get(term) ?? 1);
    for (const [term, lang] of Object.entries(part.langs)) vocabulary.add(term, undefined, lang, uses.get(term) ?? 1);
  }
  const sorted: Record<string, PageActivity> = {};
  for (const pageId of Object.keys(pages).sort()) sorted[pageId] = pages[pageId]!;
  return { id, from, to, pages: sorted, ...vocabulary.resolve() };
}

/** The first `n` characters (code points, so no emoji is cut in half). */
const excerptOf = (text: string) => Array.from(text.trim()).slice(0, EXCERPT_LENGTH).join('');

/**
 * The questions state after one day: new questions open; a reply (any: named or anonymous — for an
 * anonymous asker "not by the asker" cannot be known, so the asker's own reply counts too) or a
 * "this helped" mark answers an open question at the first such moment; a question deleted since
 * leaves open without being answered. leaderAnsweredAt: the first reply by a leader among the
 * replies that answered it that day (later replies are not followed once a question is answered).
 * Answered questions asked more than ANSWERED_KEEP_DAYS before the day are dropped; open ones are
 * capped to the newest MAX_OPEN_QUESTIONS.
 */
export function updateQuestions(state: QuestionsState, facts: DayFacts, people: PeopleIndex): QuestionsState {
  const open = new Map<string, OpenQuestionFact>(state.open.map((q) => [q.commentId, q]));
  const deleted = new Set(facts.comments.filter((c) => c.deleted).map((c) => c.id));
  for (const c of facts.comments) {
    if (c.parentId !== null || c.deleted || open.has(c.id) || !isQuestion(c.text)) continue;
    const by = c.authorUid === null ? ANONYMOUS : (people.byUid.get(c.authorUid) ?? ANONYMOUS);
    open.set(c.id, { pageId: c.pageId, commentId: c.id, url: c.url, title: c.title, askedAt: c.createdAt, excerpt: excerptOf(c.text), by });
  }
  for (const id of deleted) open.delete(id);

  const first = new Map<string, number>();
  const firstLeader = new Map<string, number>();
  const earliest = (map: Map<string, number>, id: string, at: number) => map.set(id, Math.min(map.get(id) ?? Infinity, at));
  for (const c of facts.comments) {
    if (c.parentId === null || !open.has(c.parentId)) continue;
    earliest(first, c.parentId, c.createdAt);
    const who = c.authorUid === null ? undefined : people.byUid.get(c.authorUid);
    const person = who === undefined ? undefined : people.people[who];
    if (person && isLeader(person)) earliest(firstLeader, c.parentId, c.createdAt);
  }
  for (const mark of facts.helpful) if (open.has(mark.parentId)) earliest(first, mark.parentId, mark.at);

  const answered: AnsweredQuestionFact[] = [...state.answered];
  for (const [id, at] of first) {
    const q = open.get(id)!;
    open.delete(id);
    answered.push({ pageId: q.pageId, url: q.url, askedAt: q.askedAt, answeredAt: at, leaderAnsweredAt: firstLeader.get(id) ?? null });
  }

  const [y, m, d] = facts.day.split('-').map(Number);
  const keepFrom = Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1) + DAY_MS - ANSWERED_KEEP_DAYS * DAY_MS;
  const byAsked = <T extends { askedAt: number; pageId: string }>(a: T, b: T) =>
    a.askedAt - b.askedAt || (a.pageId < b.pageId ? -1 : a.pageId > b.pageId ? 1 : 0);
  return {
    open: [...open.values()].sort((a, b) => byAsked(a, b) || (a.commentId < b.commentId ? -1 : 1)).slice(-MAX_OPEN_QUESTIONS),
    answered: answered.filter((q) => q.askedAt >= keepFrom).sort(byAsked),
  };
}
