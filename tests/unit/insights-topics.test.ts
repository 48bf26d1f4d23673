// Topics of a scope (lib/core/insights/topics.ts): weighted against the whole intranet, shown only when
// at least K people used them, a phrase in place of its word, and the threads they come from.
import { emptyPage } from '../../lib/core/insights/fold';
import { describe, expect, it } from 'vitest';
import { ANONYMOUS, K, type PageActivity, type TermUse } from '../../lib/core/insights/model';
import { rankTopics, type TopicsInput } from '../../lib/core/insights/topics';

const people = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + i);
const use = (by: number[], n = by.length): TermUse => ({ n, by: [...new Set(by)].sort((a, b) => a - b) });

function page(id: string, terms: Record<string, TermUse>): PageActivity {
  return { ...emptyPage(`https://intranet.example.nl/${id}`, `Pagina ${id}`), terms };
}

function input(scope: Record<string, PageActivity>, rest: Record<string, PageActivity> = {}, more: Partial<TopicsInput> = {}): TopicsInput {
  return { scope, all: { ...scope, ...rest }, forms: {}, langs: {}, k: K, limit: 10, ...more };
}

const terms = (topics: { term: string }[]) => topics.map((t) => t.term);

describe('rankTopics', () => {
  it('shows a term 5 people used, not one 4 people used (however often)', () => {
    const scope = { a: page('a', { verlof: use(people(0, 5)), rooster: use(people(0, 4), 40) }) };
    const topics = rankTopics(input(scope));
    expect(terms(topics)).toEqual(['verlof']);
    expect(topics[0]!.people).toBe(5);
  });

  it('counts people across pages once each', () => {
    const scope = { a: page('a', { verlof: use([1, 2, 3]) }), b: page('b', { verlof: use([2, 3, 4]) }), c: page('c', { verlof: use([4, 5]) }) };
    expect(rankTopics(input(scope))[0]).toMatchObject({ term: 'verlof', people: 5 });
  });

  it('counts anonymous uses as one person, however many', () => {
    const four = people(0, 4);
    const scope = {
      a: page('a', { verlof: use([ANONYMOUS, ...four], 30) }),
      b: page('b', { verlof: use([ANONYMOUS], 12) }),
      c: page('c', { rooster: use([ANONYMOUS, ...people(0, 3)], 50) }),
    };
    const topics = rankTopics(input(scope));
    expect(terms(topics)).toEqual(['verlof']);
    expect(topics[0]!.people).toBe(5);
  });

  it('ranks a term typical of the scope above one the whole intranet uses', () => {
    const everyone = people(0, 10);
    const scope = { a: page('a', { declaratie: use(everyone), vergader: use(everyone) }) };
    // Elsewhere: "vergader" on every page, "declaratie" nowhere.
    const rest = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`p${i}`, page(`p${i}`, { vergader: use(people(20, 6)) })]));
    const topics = rankTopics(input(scope, rest, { forms: { declaratie: 'declaratie', vergader: 'vergadering' } }));
    expect(terms(topics)).toEqual(['declaratie', 'vergadering']);
    expect(topics[0]!.score).toBe(1);
    expect(topics[1]!.score).toBeGreaterThan(0);
    expect(topics[1]!.score).toBeLessThan(0.5);
  });

  it('with the whole intranet as scope, still ranks by use', () => {
    const all = { a: page('a', { verlof: use(people(0, 8), 20) }), b: page('b', { verlof: use(people(0, 5)), rooster: use(people(0, 5)) }) };
    expect(terms(rankTopics({ scope: all, all, forms: {}, langs: {}, k: K, limit: 5 }))).toEqual(['verlof', 'rooster']);
  });

  it("lists the scope's pages a topic comes from, most uses first, at most five, with their url and title", () => {
    const scope = Object.fromEntries(Array.from({ length: 7 }, (_, i) => [`p${i}`, page(`p${i}`, { verlof: use([i, i + 10], i + 1) })]));
    const rest = { elders: page('elders', { verlof: use(people(50, 9), 100) }) };
    const [topic] = rankTopics(input(scope, rest));
    expect(topic!.pages).toEqual(
      [6, 5, 4, 3, 2].map((i) => ({ pageId: `p${i}`, url: `https://intranet.example.nl/p${i}`, title: `Pagina p${i}`, uses: i + 1 })),
    );
  });

  it('shows the form people wrote and the language, Dutch when unknown', () => {
    const scope = { a: page('a', { aanvrag: use(people(0, 5)), meet: use(people(0, 5)) }) };
    const topics = rankTopics(input(scope, {}, { forms: { aanvrag: 'aanvragen', meet: 'meetings' }, langs: { meet: 'en' } }));
    expect(topics.map((t) => [t.term, t.lang])).toEqual([
      ['aanvragen', 'nl'],
      ['meetings', 'en'],
    ]);
  });

  it('shows a phrase instead of its words when it carries (nearly) the same people, in their place', () => {
    const ten = people(0, 10);
    const scope = {
      a: page('a', {
        verlof: use(ten, 12),
        aanvrag: use(ten, 10),
        'verlof aanvrag': use(people(0, 9), 9),
        rooster: use(people(0, 6), 6),
      }),
    };
    const topics = rankTopics(input(scope, {}, { forms: { 'verlof aanvrag': 'verlof aanvragen' } }));
    expect(terms(topics)).toEqual(['verlof aanvragen', 'rooster']);
    expect(topics[0]!.score).toBe(1);
  });

  it('shows both when many people use the word without the phrase', () => {
    const scope = { a: page('a', { verlof: use(people(0, 20)), 'verlof aanvrag': use(people(0, 6)) }) };
    expect(terms(rankTopics(input(scope)))).toEqual(['verlof', 'verlof aanvrag']);
  });

  it('a phrase below K people replaces nothing', () => {
    const scope = { a: page('a', { verlof: use(people(0, 5)), 'verlof aanvrag': use(people(0, 4)) }) };
    expect(terms(rankTopics(input(scope)))).toEqual(['verlof']);
  });

  it('keeps to the limit, in a fixed order: score, then term', () => {
    const five = people(0, 5);
    const scope = { a: page('a', { zomer: use(five), appel: use(five), kantine: use(five), vakantie: use(five, 20) }) };
    expect(terms(rankTopics(input(scope)))).toEqual(['vakantie', 'appel', 'kantine', 'zomer']);
    expect(terms(rankTopics(input(scope, {}, { limit: 2 })))).toEqual(['vakantie', 'appel']);
    expect(rankTopics(input(scope, {}, { limit: 0 }))).toEqual([]);
  });

  it('returns nothing for an empty scope, or one without terms', () => {
    expect(rankTopics(input({}, { a: page('a', { verlof: use(people(0, 9)) }) }))).toEqual([]);
    expect(rankTopics(input({ a: page('a', {}) }))).toEqual([]);
  });

  it('weighs a scope page that the background lacks as a page of its own', () => {
    const scope = { a: page('a', { verlof: use(people(0, 5)) }) };
    const [topic] = rankTopics({ scope, all: {}, forms: {}, langs: {}, k: K, limit: 5 });
    expect(topic).toMatchObject({ term: 'verlof', score: 1, people: 5 });
  });
});
