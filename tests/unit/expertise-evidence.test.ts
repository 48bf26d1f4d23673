// The spec of the server's evidence roll-up (functions/src/evidence.ts): what one person's entry for
// one page is, from the documents the trigger reads. Named activity only; the asker decides
// "this helped"; likes of one's own comments and anything anonymous count for nobody.
import { describe, expect, it } from 'vitest';
import {
  commentFacts,
  MAX_EVIDENCE_PAGES,
  pageEntry,
  sameContent,
  storedPages,
  withEntry,
  type CommentFacts,
  type PageDocs,
} from '../../functions/src/evidence';
import type { EvidencePage } from '../../lib/core/rows';
import { pageTerms } from '../../lib/core/terms';

const B = 'uid-b';
const ASKER = 'uid-asker';

/** A comment document as Firestore holds it. */
function doc(fields: {
  parentId?: string | null;
  authorUid?: string;
  anonymous?: boolean;
  text?: string;
  deleted?: boolean;
  moderated?: boolean;
  likeCount?: number;
}) {
  const { anonymous, authorUid, ...rest } = fields;
  return {
    pageId: 'p1',
    parentId: null,
    text: 'tekst',
    deleted: false,
    likeCount: 0,
    ...(anonymous ? { anonymous: true } : { authorUid, authorName: `Naam van ${authorUid}` }),
    ...rest,
  };
}

const facts = (id: string, fields: Parameters<typeof doc>[0]): CommentFacts => commentFacts(id, doc(fields))!;

const question = facts('q1', { authorUid: ASKER, text: 'Mijn VPN-verbinding valt elke middag weg' });

function docs(own: CommentFacts[], more: Partial<PageDocs> = {}): PageDocs {
  return {
    pageId: 'p1',
    title: 'ICT-helpdesk',
    own,
    parents: new Map([[question.id, question]]),
    helpful: new Set(),
    ownLikes: new Set(),
    ...more,
  };
}

describe('reading a comment document', () => {
  it('knows a named author, and no author for an anonymous comment (even a malformed one carrying a uid)', () => {
    expect(commentFacts('c', doc({ authorUid: B }))).toMatchObject({ authorUid: B, anonymous: false, gone: false });
    expect(commentFacts('c', doc({ anonymous: true }))).toMatchObject({ authorUid: null, anonymous: true });
    expect(commentFacts('c', { ...doc({ anonymous: true }), authorUid: B })).toMatchObject({ authorUid: null, anonymous: true });
  });

  it('treats deleted, hidden and shapeless comments as gone, and reads counters defensively', () => {
    expect(commentFacts('c', doc({ authorUid: B, deleted: true }))?.gone).toBe(true);
    expect(commentFacts('c', doc({ authorUid: B, deleted: true, moderated: true }))?.gone).toBe(true);
    expect(commentFacts('c', { authorUid: B, text: 'geen deleted-veld' })?.gone).toBe(true);
    expect(commentFacts('c', { ...doc({ authorUid: B }), likeCount: -3 })?.likeCount).toBe(0);
    expect(commentFacts('c', { ...doc({ authorUid: B }), likeCount: '7' })?.likeCount).toBe(0);
    expect(commentFacts('c', undefined)).toBeNull();
  });
});

describe("one person's entry for one page", () => {
  it('counts a named reply to someone else’s question as an answer, with its likes and the asker’s mark', () => {
    const reply = facts('r1', { authorUid: B, parentId: 'q1', text: 'Update LindeConnect naar 4.2', likeCount: 7 });
    const entry = pageEntry(B, docs([reply], { helpful: new Set(['r1']) }));
    expect(entry).toMatchObject({ pageId: 'p1', title: 'ICT-helpdesk', answers: 1, likes: 7, helpful: 1 });
    // The topic: the title, the answer and the question it answered.
    expect(entry!.terms).toEqual(pageTerms('ICT-helpdesk', ['Update LindeConnect naar 4.2', 'Mijn VPN-verbinding valt elke middag weg']));
    expect(entry!.terms).toContain('vpn');
  });

  it('is no evidence when there is nothing to show: a question without likes, or nothing at all', () => {
    expect(pageEntry(B, docs([facts('q2', { authorUid: B, text: 'Wie weet iets van Excel?' })]))).toBeNull();
    expect(pageEntry(B, docs([]))).toBeNull();
  });

  it('does not count talking in one’s own named thread', () => {
    const ownQuestion = facts('q2', { authorUid: B, text: 'Vraag' });
    const selfReply = facts('r2', { authorUid: B, parentId: 'q2' });
    expect(pageEntry(B, docs([ownQuestion, selfReply]))).toBeNull();
  });

  it('counts a named answer to an anonymous question whoever asked it: the figures never tell who asked', () => {
    const anonymousQuestion = facts('q3', { anonymous: true, text: 'Anoniem gevraagd' });
    const replyToIt = facts('r3', { authorUid: B, parentId: 'q3', likeCount: 0 });
    const entry = pageEntry(B, docs([replyToIt], { parents: new Map([[anonymousQuestion.id, anonymousQuestion]]) }));
    expect(entry).toMatchObject({ answers: 1, likes: 0, helpful: 0 });
    // PageDocs has no room for an anonymous post's owner: whether B asked it or not, the input, and so the entry, are the same.
    expect(JSON.stringify(entry)).not.toContain(ASKER);
  });

  it('never counts anything anonymous for anyone, even the person who wrote it', () => {
    // An anonymous reply has no author: the query by authorUid never returns it, and were it passed in, it is not theirs.
    const anonymousReply = facts('r4', { anonymous: true, parentId: 'q1', likeCount: 3 });
    expect(pageEntry(B, docs([anonymousReply], { helpful: new Set(['r4']) }))).toBeNull();
  });

  it('stops counting a deleted or hidden comment: its answer, likes and mark', () => {
    const deleted = facts('r5', { authorUid: B, parentId: 'q1', likeCount: 4, deleted: true });
    const hidden = facts('r6', { authorUid: B, parentId: 'q1', likeCount: 2, deleted: true, moderated: true });
    expect(pageEntry(B, docs([deleted, hidden], { helpful: new Set(['r5', 'r6']) }))).toBeNull();
  });

  it('keeps counting an answer whose question was later deleted, without the question’s words', () => {
    const gone = facts('q1', { authorUid: ASKER, text: '', deleted: true });
    const reply = facts('r1', { authorUid: B, parentId: 'q1', text: 'Herstart de router' });
    const entry = pageEntry(B, docs([reply], { parents: new Map([['q1', gone]]) }));
    expect(entry).toMatchObject({ answers: 1 });
    expect(entry!.terms).toEqual(pageTerms('ICT-helpdesk', ['Herstart de router']));
  });

  it('does not count a reply whose question it cannot see', () => {
    expect(pageEntry(B, docs([facts('r7', { authorUid: B, parentId: 'q-unknown' })], { parents: new Map() }))).toBeNull();
  });

  it('counts likes on all of one’s live comments, questions too, but not one’s own likes of them', () => {
    const ownQuestion = facts('q2', { authorUid: B, likeCount: 2 });
    const reply = facts('r1', { authorUid: B, parentId: 'q1', likeCount: 3 });
    expect(pageEntry(B, docs([ownQuestion, reply]))).toMatchObject({ answers: 1, likes: 5 });
    expect(pageEntry(B, docs([ownQuestion, reply], { ownLikes: new Set(['q2', 'r1', 'somebody-elses']) }))).toMatchObject({ likes: 3 });
    // A question with only one's own like is no evidence.
    expect(pageEntry(B, docs([facts('q2', { authorUid: B, likeCount: 1 })], { ownLikes: new Set(['q2']) }))).toBeNull();
  });

  it('counts a mark only on an answer', () => {
    const ownQuestion = facts('q2', { authorUid: B });
    const selfReply = facts('r2', { authorUid: B, parentId: 'q2' });
    const answer = facts('r1', { authorUid: B, parentId: 'q1' });
    expect(pageEntry(B, docs([ownQuestion, selfReply, answer], { helpful: new Set(['r1', 'r2']) }))).toMatchObject({ answers: 1, helpful: 1 });
  });

  it('counts only the person’s own comments, whatever else is passed in', () => {
    const someoneElses = facts('r8', { authorUid: 'uid-c', parentId: 'q1', likeCount: 9 });
    expect(pageEntry(B, docs([someoneElses], { helpful: new Set(['r8']) }))).toBeNull();
  });
});

describe("the person's pages", () => {
  const page = (pageId: string, figures: Partial<EvidencePage> = {}): EvidencePage => ({
    pageId,
    title: pageId,
    terms: [],
    answers: 1,
    likes: 0,
    helpful: 0,
    ...figures,
  });

  it('replaces the entry for the page, or removes it when there is no evidence left', () => {
    const pages = [page('a'), page('b')];
    expect(withEntry(pages, 'a', page('a', { answers: 2 })).find((p) => p.pageId === 'a')?.answers).toBe(2);
    expect(withEntry(pages, 'a', null).map((p) => p.pageId)).toEqual(['b']);
    expect(withEntry([], 'c', page('c')).map((p) => p.pageId)).toEqual(['c']);
  });

  it(`keeps the ${MAX_EVIDENCE_PAGES} with the strongest evidence: marks, then answers, then likes`, () => {
    const many = Array.from({ length: MAX_EVIDENCE_PAGES }, (_, i) => page(`p${String(i).padStart(2, '0')}`, { likes: i }));
    const helped = withEntry(many, 'new', page('new', { helpful: 1 }));
    expect(helped).toHaveLength(MAX_EVIDENCE_PAGES);
    expect(helped[0]!.pageId).toBe('new');
    expect(helped.map((p) => p.pageId)).not.toContain('p00'); // the weakest gave way
    const weak = withEntry(many, 'weak', page('weak', { answers: 0, likes: 0 }));
    expect(weak.map((p) => p.pageId)).not.toContain('weak');
    expect(weak[0]!.likes).toBe(MAX_EVIDENCE_PAGES - 1);
  });

  it('writes nothing when the stored document already says the same', () => {
    const pages = [page('a', { helpful: 1 }), page('b')];
    const stored = { pages, pageIds: ['a', 'b'], updatedAt: { toMillis: () => 1 } };
    expect(storedPages(stored)).toEqual(pages);
    expect(sameContent(stored, pages)).toBe(true);
    expect(sameContent(stored, [page('a', { helpful: 2 }), page('b')])).toBe(false);
    expect(sameContent({ pages }, pages)).toBe(false); // written before pageIds existed
    expect(sameContent(undefined, [])).toBe(true); // no document, and nothing to say
    expect(sameContent(undefined, pages)).toBe(false);
  });
});
