// Folding a day's facts into a summary (who read, liked, wrote; starts and answers; terms), merging
// summaries, and the running questions state.
import { describe, expect, it } from 'vitest';
import { emptyPage, foldDay, indexPeople, mergeSummaries, updateQuestions, MAX_OPEN_QUESTIONS } from '../../lib/core/insights/fold';
import { ANONYMOUS } from '../../lib/core/insights/model';
import type { ActivitySummary, CommentFact, DayFacts, InsightPerson, OpenQuestionFact, PageActivity, QuestionsState } from '../../lib/core/insights/model';
import type { TermsOf } from '../../lib/core/insights/terms';

const person = (uid: string, extra: Partial<InsightPerson> = {}): InsightPerson => ({
  uid,
  departmentPath: ['Zorg'],
  level: 4,
  leader: false,
  active: true,
  ...extra,
});
const people = indexPeople([person('anna'), person('bert'), person('cor'), person('dirk', { leader: true }), person('eva', { level: 2 })]);
const [ANNA, BERT, COR] = [0, 1, 2];

/** A fake: every word of 4+ letters, its stem its first 4 letters, the word as its form; 'en' if the text says "the". */
const fakeTerms: TermsOf = (text) => {
  const words = text.toLowerCase().match(/[a-z]{4,}/g) ?? [];
  const forms: Record<string, string> = {};
  for (const w of words) forms[w.slice(0, 4)] ??= w;
  return { lang: /\bthe\b/i.test(text) ? 'en' : 'nl', terms: Object.keys(forms), forms };
};

const T0 = Date.parse('2026-11-25T09:00:00Z');
const URL = 'https://intranet/hr/verlof.html';
const PAGE = 'p_verlof';

function comment(id: string, authorUid: string | null, text: string, extra: Partial<CommentFact> = {}): CommentFact {
  return { id, pageId: PAGE, url: URL, title: 'Verlof', parentId: null, authorUid, text, createdAt: T0, parent: null, deleted: false, ...extra };
}
function reply(id: string, authorUid: string | null, parent: CommentFact, at: number, extra: Partial<CommentFact> = {}): CommentFact {
  return comment(id, authorUid, 'Zie het formulier', {
    parentId: parent.id,
    createdAt: at,
    parent: { authorUid: parent.authorUid, createdAt: parent.createdAt, text: parent.text },
    ...extra,
  });
}
const read = (uid: string, pageId = PAGE, url = URL) => ({ uid, pageId, url, at: T0 });
const like = (uid: string) => ({ pageId: PAGE, url: URL, title: 'Verlof', uid, targetId: PAGE, at: T0 });
const facts = (extra: Partial<DayFacts>): DayFacts => ({ day: '2026-11-25', reads: [], comments: [], likes: [], helpful: [], ...extra });
const fold = (f: Partial<DayFacts>) => foldDay(facts(f), people, fakeTerms);
const pageOf = (s: ActivitySummary) => s.pages[PAGE]!;

describe('foldDay', () => {
  it('is the day’s summary: id, from and to are the day', () => {
    const s = fold({ reads: [read('anna')] });
    expect([s.id, s.from, s.to]).toEqual(['2026-11-25', '2026-11-25', '2026-11-25']);
  });
  it('lists readers once each, sorted', () => {
    expect(pageOf(fold({ reads: [read('cor'), read('anna'), read('cor')] })).readers).toEqual([ANNA, COR]);
  });
  it('keeps pages apart', () => {
    const s = fold({ reads: [read('anna'), read('bert', 'p_it', 'https://intranet/it/')] });
    expect(s.pages.p_it!.readers).toEqual([BERT]);
    expect(s.pages[PAGE]!.readers).toEqual([ANNA]);
  });
  it('counts a like by an unknown uid in likes but makes nobody a liker', () => {
    const page = pageOf(fold({ likes: [like('bert'), like('ghost')] }));
    expect(page.likes).toBe(2);
    expect(page.likers).toEqual([BERT]);
  });
  it('makes nobody a reader for a read by an unknown uid', () => {
    expect(pageOf(fold({ reads: [read('ghost')] })).readers).toEqual([]);
  });
  it('counts top-level comments, replies and anonymous posts', () => {
    const q = comment('c1', 'anna', 'Hoe vraag ik verlof aan?');
    const page = pageOf(fold({ comments: [q, comment('c2', null, 'Goed idee'), reply('r1', 'bert', q, T0 + 1000), reply('r2', null, q, T0 + 2000)] }));
    expect([page.comments, page.replies, page.anonymous]).toEqual([2, 2, 2]);
  });
  it('never makes an anonymous author a reader, liker or writer', () => {
    const page = pageOf(fold({ comments: [comment('c1', null, 'Anoniem')] }));
    expect([page.readers, page.likers, page.writers]).toEqual([[], [], []]);
  });
  it('makes named authors writers, but not unknown uids (whose posts still count)', () => {
    const page = pageOf(fold({ comments: [comment('c1', 'cor', 'Een'), comment('c2', 'ghost', 'Twee'), comment('c3', 'anna', 'Drie')] }));
    expect(page.writers).toEqual([ANNA, COR]);
    expect(page.comments).toBe(3);
    expect(page.anonymous).toBe(0);
  });
  it('records starts with their author, ANONYMOUS for anonymous and unknown authors, and whether they ask', () => {
    const page = pageOf(fold({ comments: [comment('c1', 'anna', 'Waar vind ik het rooster?'), comment('c2', null, 'Mooi'), comment('c3', 'ghost', 'Hoi')] }));
    expect(page.starts).toEqual([
      { id: 'c1', by: ANNA, question: true, at: T0 },
      { id: 'c2', by: ANONYMOUS, question: false, at: T0 },
      { id: 'c3', by: ANONYMOUS, question: false, at: T0 },
    ]);
  });
  it('records a named reply as an answer from replier to asker with the seconds between', () => {
    const q = comment('c1', 'anna', 'Wie weet dit?');
    expect(pageOf(fold({ comments: [q, reply('r1', 'bert', q, T0 + 90 * 60 * 1000)] })).answers).toEqual([
      { parentId: 'c1', from: BERT, to: ANNA, seconds: 5400, question: true },
    ]);
  });
  it('answers an anonymous asker as ANONYMOUS', () => {
    const q = comment('c1', null, 'Mag dit?');
    expect(pageOf(fold({ comments: [q, reply('r1', 'bert', q, T0 + 1000)] })).answers[0]!.to).toBe(ANONYMOUS);
  });
  it('records no answer for anonymous replies, replies by unknown uids, or replies to oneself', () => {
    const q = comment('c1', 'anna', 'Mag dit?');
    const page = pageOf(fold({ comments: [q, reply('r1', null, q, T0 + 1), reply('r2', 'ghost', q, T0 + 2), reply('r3', 'anna', q, T0 + 3)] }));
    expect(page.answers).toEqual([]);
    expect(page.replies).toBe(3);
  });
  it('marks an answer to a statement as no question', () => {
    const q = comment('c1', 'anna', 'Het rooster staat online.');
    expect(pageOf(fold({ comments: [q, reply('r1', 'bert', q, T0 + 1000)] })).answers[0]!.question).toBe(false);
  });
  it('counts each term’s uses and its different authors', () => {
    const page = pageOf(fold({ comments: [comment('c1', 'anna', 'verlof aanvragen'), comment('c2', 'bert', 'verlof'), comment('c3', 'anna', 'verlof')] }));
    expect(page.terms.verl).toEqual({ n: 3, by: [ANNA, BERT] });
    expect(page.terms.aanv).toEqual({ n: 1, by: [ANNA] });
  });
  it('counts all anonymous authors of a term as the one ANONYMOUS', () => {
    const page = pageOf(fold({ comments: [comment('c1', null, 'verlof'), comment('c2', null, 'verlof'), comment('c3', 'cor', 'verlof')] }));
    expect(page.terms.verl).toEqual({ n: 3, by: [ANONYMOUS, COR] });
  });
  it('counts a term by an unknown uid in n but under nobody', () => {
    expect(pageOf(fold({ comments: [comment('c1', 'ghost', 'verlof')] })).terms.verl).toEqual({ n: 1, by: [] });
  });
  it('skips the terms of deleted comments', () => {
    const page = pageOf(fold({ comments: [comment('c1', 'anna', '', { deleted: true }), comment('c2', 'bert', 'rooster')] }));
    expect(Object.keys(page.terms)).toEqual(['roos']);
    expect(page.comments).toBe(2);
  });
  it('keeps the form people wrote most, and the language', () => {
    const s = fold({ comments: [comment('c1', 'anna', 'verloven'), comment('c2', 'bert', 'verlof'), comment('c3', 'cor', 'verlof the')] });
    expect(s.forms.verl).toBe('verlof');
    expect(s.langs.verl).toBe('nl');
  });
  it('takes the page title from a comment or like when reads came first', () => {
    expect(pageOf(fold({ reads: [read('anna')], likes: [like('bert')] })).title).toBe('Verlof');
  });
});

function summary(id: string, from: string, to: string, pages: Record<string, Partial<PageActivity>>, extra: Partial<ActivitySummary> = {}): ActivitySummary {
  const full: Record<string, PageActivity> = {};
  for (const [pageId, p] of Object.entries(pages)) {
    full[pageId] = { ...emptyPage(URL, 'Verlof'), ...p };
  }
  return { id, from, to, pages: full, forms: {}, langs: {}, ...extra };
}

describe('mergeSummaries', () => {
  const a = summary('2026-11-23', '2026-11-23', '2026-11-23', {
    [PAGE]: {
      readers: [0, 2],
      likers: [1],
      writers: [0],
      comments: 1,
      replies: 2,
      anonymous: 1,
      likes: 3,
      starts: [{ id: 'c1', by: 0, question: true, at: 1 }],
      terms: { verl: { n: 2, by: [0, ANONYMOUS] } },
    },
  });
  const b = summary('2026-11-24', '2026-11-24', '2026-11-24', {
    [PAGE]: {
      readers: [1, 2, 3],
      likers: [1],
      writers: [3],
      comments: 2,
      replies: 1,
      likes: 1,
      answers: [{ parentId: 'c1', from: 3, to: 0, seconds: 60, question: true }],
      terms: { verl: { n: 1, by: [-1, 3] } },
    },
    p_it: { url: 'https://intranet/it/', readers: [4] },
  });
  const week = mergeSummaries('2026-W48', '2026-11-23', '2026-11-29', [a, b]);

  it('takes the id and dates it is given', () => {
    expect([week.id, week.from, week.to]).toEqual(['2026-W48', '2026-11-23', '2026-11-29']);
  });
  it('unites person lists, sorted and unique', () => {
    expect(week.pages[PAGE]!.readers).toEqual([0, 1, 2, 3]);
    expect(week.pages[PAGE]!.likers).toEqual([1]);
    expect(week.pages[PAGE]!.writers).toEqual([0, 3]);
  });
  it('adds counts', () => {
    const p = week.pages[PAGE]!;
    expect([p.comments, p.replies, p.anonymous, p.likes]).toEqual([3, 3, 1, 4]);
  });
  it('keeps every start and answer', () => {
    expect(week.pages[PAGE]!.starts).toHaveLength(1);
    expect(week.pages[PAGE]!.answers).toHaveLength(1);
  });
  it('adds term uses and unites their authors (ANONYMOUS once)', () => {
    expect(week.pages[PAGE]!.terms.verl).toEqual({ n: 3, by: [ANONYMOUS, 0, 3] });
  });
  it('keeps pages only one part has', () => {
    expect(week.pages.p_it!.readers).toEqual([4]);
  });
  it('keeps the form used most across parts, weighed by uses', () => {
    const x = summary('d1', 'd1', 'd1', { [PAGE]: { terms: { verl: { n: 5, by: [0] } } } }, { forms: { verl: 'verlof' }, langs: { verl: 'nl' } });
    const y = summary('d2', 'd2', 'd2', { [PAGE]: { terms: { verl: { n: 2, by: [1] } } } }, { forms: { verl: 'verloven' }, langs: { verl: 'en' } });
    const merged = mergeSummaries('w', 'd1', 'd2', [y, x]);
    expect(merged.forms.verl).toBe('verlof');
    expect(merged.langs.verl).toBe('nl');
  });
  it('merges nothing into an empty summary', () => {
    expect(mergeSummaries('w', '2026-11-23', '2026-11-29', [])).toEqual({ id: 'w', from: '2026-11-23', to: '2026-11-29', pages: {}, forms: {}, langs: {} });
  });
  it('does not change its parts', () => {
    const before = JSON.stringify([a, b]);
    mergeSummaries('w', 'x', 'y', [a, b]);
    expect(JSON.stringify([a, b])).toBe(before);
  });
});

describe('updateQuestions', () => {
  const empty: QuestionsState = { open: [], answered: [] };
  const q = comment('q1', 'anna', 'Hoe vraag ik verlof aan?');
  const asked = updateQuestions(empty, facts({ comments: [q] }), people);

  it('opens a new top-level question with its excerpt and asker', () => {
    expect(asked.open).toEqual([{ pageId: PAGE, commentId: 'q1', url: URL, title: 'Verlof', askedAt: T0, excerpt: 'Hoe vraag ik verlof aan?', by: ANNA }]);
  });
  it('cuts the excerpt at 140 characters', () => {
    const long = comment('q2', 'anna', `Waarom ${'x'.repeat(300)}?`);
    expect(updateQuestions(empty, facts({ comments: [long] }), people).open[0]!.excerpt).toHaveLength(140);
  });
  it('opens an anonymous question by ANONYMOUS', () => {
    expect(updateQuestions(empty, facts({ comments: [comment('q2', null, 'Mag ik dit?')] }), people).open[0]!.by).toBe(ANONYMOUS);
  });
  it('does not open a statement, or a reply that asks', () => {
    const state = updateQuestions(
      empty,
      facts({ comments: [comment('s1', 'anna', 'Gelukt, dank.'), reply('r1', 'bert', comment('x', 'cor', 'Hoi.'), T0, { text: 'Echt?' })] }),
      people,
    );
    expect(state.open).toEqual([]);
  });
  it('moves a question to answered at the first reply', () => {
    const next = updateQuestions(
      asked,
      facts({ day: '2026-11-26', comments: [reply('r2', 'cor', q, T0 + 7200_000), reply('r1', 'bert', q, T0 + 3600_000)] }),
      people,
    );
    expect(next.open).toEqual([]);
    expect(next.answered).toEqual([{ pageId: PAGE, url: URL, askedAt: T0, answeredAt: T0 + 3600_000, leaderAnsweredAt: null }]);
  });
  it('counts an anonymous reply as an answer', () => {
    const next = updateQuestions(asked, facts({ comments: [reply('r1', null, q, T0 + 1000)] }), people);
    expect(next.answered[0]!.answeredAt).toBe(T0 + 1000);
  });
  it('counts a "this helped" mark as an answer, whichever comes first', () => {
    const next = updateQuestions(
      asked,
      facts({ comments: [reply('r1', 'bert', q, T0 + 5000)], helpful: [{ pageId: PAGE, replyId: 'rX', parentId: 'q1', at: T0 + 2000 }] }),
      people,
    );
    expect(next.answered[0]!.answeredAt).toBe(T0 + 2000);
  });
  it('answers a question asked and replied to on the same day', () => {
    const next = updateQuestions(empty, facts({ comments: [q, reply('r1', 'bert', q, T0 + 1000)] }), people);
    expect([next.open.length, next.answered.length]).toEqual([0, 1]);
  });
  it('notes when a leader (by role) replied', () => {
    const next = updateQuestions(asked, facts({ comments: [reply('r1', 'bert', q, T0 + 1000), reply('r2', 'dirk', q, T0 + 4000)] }), people);
    expect(next.answered[0]!.leaderAnsweredAt).toBe(T0 + 4000);
  });
  it('counts the management band as leaders', () => {
    const next = updateQuestions(asked, facts({ comments: [reply('r1', 'eva', q, T0 + 1000)] }), people);
    expect(next.answered[0]!.leaderAnsweredAt).toBe(T0 + 1000);
  });
  it('ignores replies to comments that are not open questions', () => {
    const next = updateQuestions(asked, facts({ comments: [reply('r1', 'bert', comment('other', 'cor', 'Hoi'), T0)] }), people);
    expect(next).toEqual(asked);
  });
  it('lets a deleted question leave open without being answered', () => {
    const next = updateQuestions(asked, facts({ comments: [{ ...q, text: '', deleted: true }] }), people);
    expect(next).toEqual(empty);
  });
  it('never opens a question deleted the day it was asked', () => {
    expect(updateQuestions(empty, facts({ comments: [{ ...q, deleted: true }] }), people).open).toEqual([]);
  });
  it('drops answered questions asked more than 180 days before the day', () => {
    const day = 24 * 3600 * 1000;
    const old = { pageId: PAGE, url: URL, askedAt: T0 - 200 * day, answeredAt: T0 - 190 * day, leaderAnsweredAt: null };
    const recent = { ...old, askedAt: T0 - 100 * day };
    expect(updateQuestions({ open: [], answered: [old, recent] }, facts({}), people).answered).toEqual([recent]);
  });
  it('keeps only the newest open questions beyond the cap', () => {
    const open: OpenQuestionFact[] = Array.from({ length: MAX_OPEN_QUESTIONS + 5 }, (_, i) => ({ ...asked.open[0]!, commentId: `q${i}`, askedAt: T0 + i }));
    const next = updateQuestions({ open, answered: [] }, facts({}), people);
    expect(next.open).toHaveLength(MAX_OPEN_QUESTIONS);
    expect(next.open[0]!.commentId).toBe('q5');
  });
});
