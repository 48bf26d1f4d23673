// The rollup's pure parts (functions/src/insights/rollup.ts): a summary stored deflated and trimmed
// to fit one document, least-used terms first; open questions grouped by the section rollout puts them in.
import { emptyPage } from '../../lib/core/insights/fold';
import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import type { ActivitySummary, PageActivity, QuestionsState } from '../../lib/core/insights/model';
import { NO_ROLLOUT, type Rollout } from '../../lib/core/rollout';
import { openQuestionsBySection, REST_KEY, storedSummary } from '../../functions/src/insights/rollup';
import { PACKED_LIMIT, unpackSummary } from '../../functions/src/insights/summary-doc';

const page = (terms: PageActivity['terms']): PageActivity => ({
  ...emptyPage('https://intranet/ict/a.html', 'A'),
  readers: [1, 2, 3],
  writers: [1],
  comments: 1,
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

describe('storedSummary', () => {
  it('stores a summary as deflated JSON that reads back the same', () => {
    const s = summary({ p_a: page({ vpn: { n: 2, by: [1, 2] } }) });
    expect(unpackSummary({ ...storedSummary(s) })).toEqual(s);
  });

  it('drops the terms fewest people used until the summary fits in a document', () => {
    // Random terms do not compress: far more than one document's worth.
    const terms: PageActivity['terms'] = { popular: { n: 50, by: [1, 2, 3, 4, 5, 6] } };
    for (let i = 0; i < 120_000; i++) terms[randomBytes(12).toString('hex')] = { n: 1, by: [i % 7] };
    const stored = storedSummary(summary({ p_a: page(terms) }));
    expect(stored.packed.length).toBeLessThanOrEqual(PACKED_LIMIT);
    const back = unpackSummary({ ...stored })!;
    expect(back.pages.p_a!.terms.popular).toEqual({ n: 50, by: [1, 2, 3, 4, 5, 6] });
    expect(Object.keys(back.pages.p_a!.terms).length).toBeLessThan(120_001);
    expect(back.pages.p_a!.readers).toEqual([1, 2, 3]);
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
