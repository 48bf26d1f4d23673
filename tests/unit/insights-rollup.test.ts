// The rollup's pure parts (functions/src/insights/rollup.ts): a summary trimmed to fit one
// document, least-used terms first; open questions grouped by the section rollout puts them in.
import { describe, expect, it } from 'vitest';
import { firestoreBytes } from '../../lib/core/directory-shards';
import type { ActivitySummary, PageActivity, QuestionsState } from '../../lib/core/insights/model';
import { NO_ROLLOUT, type Rollout } from '../../lib/core/rollout';
import { fitSummary, openQuestionsBySection, REST_KEY } from '../../functions/src/insights/rollup';

const page = (terms: PageActivity['terms']): PageActivity => ({
  url: 'https://intranet/ict/a.html',
  title: 'A',
  readers: [1, 2, 3],
  likers: [],
  writers: [1],
  comments: 1,
  replies: 0,
  anonymous: 0,
  likes: 0,
  starts: [],
  answers: [],
  terms,
});

const summary = (pages: Record<string, PageActivity>): ActivitySummary => ({
  id: '2026-11-20',
  from: '2026-11-20',
  to: '2026-11-20',
  pages,
  forms: {},
  langs: {},
});

describe('fitSummary', () => {
  it('leaves a summary that fits alone', () => {
    const s = summary({ p_a: page({ vpn: { n: 2, by: [1, 2] } }) });
    expect(fitSummary(s)).toBe(s);
  });

  it('drops the terms fewest people used until the summary fits in a document', () => {
    const terms: PageActivity['terms'] = { popular: { n: 50, by: [1, 2, 3, 4, 5, 6] } };
    for (let i = 0; i < 40_000; i++) terms[`rare-term-number-${i}`] = { n: 1, by: [i % 7] };
    const fitted = fitSummary(summary({ p_a: page(terms) }));
    expect(firestoreBytes(fitted)).toBeLessThanOrEqual(1_048_576 * 0.9);
    expect(fitted.pages.p_a!.terms.popular).toEqual({ n: 50, by: [1, 2, 3, 4, 5, 6] });
    expect(fitted.pages.p_a!.readers).toEqual([1, 2, 3]);
  });
});

describe('openQuestionsBySection', () => {
  const rollout: Rollout = {
    ...NO_ROLLOUT,
    sections: {
      ICT: {
        name: 'ICT',
        kind: 'section',
        prefixes: ['https://intranet/ict/'],
        pages: [],
        mode: 'on',
        features: NO_ROLLOUT.rest.features,
        pilotGroups: [],
        othersSee: 'off',
      },
    },
    index: { 'https://intranet/ict/': 'ICT' },
  };
  const question = (commentId: string, url: string, askedAt: number) => ({ pageId: 'p_x', commentId, url, title: 'T', askedAt, excerpt: 'Hoe?', by: 3 });

  it('groups questions by section, the rest under its own key, oldest first, without the asker', () => {
    const state: QuestionsState = {
      open: [
        question('c2', 'https://intranet/ict/a.html', 20),
        question('c1', 'https://intranet/ict/b.html', 10),
        question('c3', 'https://intranet/hr/x.html', 5),
      ],
      answered: [],
    };
    const grouped = openQuestionsBySection(state, rollout);
    expect(grouped.get('ICT')!.map((q) => q.commentId)).toEqual(['c1', 'c2']);
    expect(grouped.get(REST_KEY)!.map((q) => q.section)).toEqual([null]);
    expect(JSON.stringify([...grouped.values()])).not.toContain('"by"');
  });
});
