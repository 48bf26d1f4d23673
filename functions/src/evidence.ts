// What one person's expertise entry for one page is, decided from the documents. Pure (no Firebase):
// the triggers in ./expertise.ts read the documents and write the result; the unit tests
// (tests/unit/expertise-evidence.test.ts) read as its spec.
//
// Named activity only. A comment counts for the person in its `authorUid`, and only while it is
// alive; an anonymous comment has no author field, so nothing about it can count for anyone:
//  - answers: the person's live named replies to a question that is not their own named question
//    (replying in one's own named thread is not helping someone). A named reply to an ANONYMOUS
//    question counts, whoever asked it: the server could look up its owner (commentOwners/{id}), but
//    every member reads everyone's evidence (evidence/{uid} and the directory shards), so an answer that did not
//    count because its author had asked the question would tell colleagues who asked. Evidence
//    therefore never looks at who wrote an anonymous post. The price: someone can answer their own
//    anonymous question and count it as one answer (never as "this helped": the rules refuse a mark
//    on one's own reply).
//  - helpful: of those answers, the ones the asker marked "this helped".
//  - likes: the likes on the person's live named comments on the page (questions too), from each
//    comment's likeCount (kept exact by the rules: it moves by one in the batch that flips a like
//    document), less the person's own likes of their own comments (liking yourself is no evidence).
//  - terms: the page title and the words of the person's live comments and of the questions they
//    answered (lib/core/terms.ts folds them as the panel's index does).
// A page with no answers, likes or marks is no evidence: no entry.
import { evidenceFromDoc } from '../../lib/core/codecs';
import type { EvidencePage } from '../../lib/core/rows';
import { strongerEvidence } from '../../lib/core/shard-evidence';
import { pageTerms } from '../../lib/core/terms';

/** At most this many pages per person (what the panel reads: lib/core/codecs.ts evidenceFromDoc). */
export const MAX_EVIDENCE_PAGES = 50;

type Data = Record<string, unknown>;

/** A comment document as the evidence sees it. */
export interface CommentFacts {
  id: string;
  parentId: string | null;
  /** The named author; null for an anonymous (or malformed) comment, which counts for nobody. */
  authorUid: string | null;
  /** Anonymous: no author, for anybody's evidence (evidence never asks who wrote it). */
  anonymous: boolean;
  text: string;
  /** Deleted by its author or hidden by a moderator (a soft delete marked `moderated`): counts for nobody. */
  gone: boolean;
  likeCount: number;
}

const count = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.floor(value) : 0);

/** Reads a comment document defensively; null when there is none. A document without `deleted: false` is treated as gone. */
export function commentFacts(id: string, data: Data | undefined | null): CommentFacts | null {
  if (!data) return null;
  const anonymous = data.anonymous === true;
  const authorUid = !anonymous && typeof data.authorUid === 'string' && data.authorUid !== '' ? data.authorUid : null;
  return {
    id,
    parentId: typeof data.parentId === 'string' ? data.parentId : null,
    authorUid,
    anonymous,
    text: typeof data.text === 'string' ? data.text : '',
    gone: data.deleted !== false || data.moderated === true,
    likeCount: count(data.likeCount),
  };
}

/** Everything the entry of one person on one page depends on. */
export interface PageDocs {
  pageId: string;
  /** The page document's title ('' while the page document does not exist yet). */
  title: string;
  /** The person's comments on the page, in any state (the query `authorUid == uid`). */
  own: CommentFacts[];
  /** The parents of their replies that are not theirs, by id. A reply whose parent is unknown does not count. */
  parents: Map<string, CommentFacts>;
  /** Ids of replies on the page with a "this helped" mark. */
  helpful: Set<string>;
  /** Targets of the person's own active likes on the page. */
  ownLikes: Set<string>;
}

/** The person's evidence on the page, or null when there is none. */
export function pageEntry(uid: string, docs: PageDocs): EvidencePage | null {
  const live = docs.own.filter((c) => c.authorUid === uid && !c.gone);
  const byId = new Map(docs.own.map((c) => [c.id, c]));
  const questionOf = (reply: CommentFacts) => (reply.parentId === null ? undefined : (byId.get(reply.parentId) ?? docs.parents.get(reply.parentId)));
  // An anonymous question has no asker here (authorUid null): answering it counts, whoever asked.
  const answers = live.filter((reply) => {
    const question = questionOf(reply);
    return question !== undefined && question.authorUid !== uid;
  });
  const helpful = answers.filter((a) => docs.helpful.has(a.id)).length;
  const likes = live.reduce((n, c) => n + Math.max(0, c.likeCount - (docs.ownLikes.has(c.id) ? 1 : 0)), 0);
  if (answers.length === 0 && likes === 0 && helpful === 0) return null;
  const questions = [...new Set(answers.map(questionOf))].filter((q): q is CommentFacts => q !== undefined && !q.gone);
  return {
    pageId: docs.pageId,
    title: docs.title,
    terms: pageTerms(docs.title, [...live.map((c) => c.text), ...questions.map((q) => q.text)]),
    answers: answers.length,
    likes,
    helpful,
  };
}

/**
 * The person's pages with the entry for `pageId` replaced (or removed, for null). Keeps the
 * MAX_EVIDENCE_PAGES pages with the strongest evidence, strongest first: past the cap, a page with
 * one like gives way to one where the person's answer helped.
 */
export function withEntry(pages: EvidencePage[], pageId: string, entry: EvidencePage | null): EvidencePage[] {
  const others = pages.filter((p) => p.pageId !== pageId);
  return [...others, ...(entry ? [entry] : [])].sort(strongerEvidence).slice(0, MAX_EVIDENCE_PAGES);
}

/** The pages of a stored expertise document, read as the panel reads them. */
export function storedPages(data: Data | undefined): EvidencePage[] {
  return data ? evidenceFromDoc('', data).pages : [];
}

/** The expertise document's content for these pages (without updatedAt, which the server sets). */
export function expertiseContent(pages: EvidencePage[]): { pages: EvidencePage[]; pageIds: string[] } {
  return { pages, pageIds: pages.map((p) => p.pageId) };
}

/** Whether the stored document already says exactly this (then nothing is written, and no reader syncs it again). */
export function sameContent(stored: Data | undefined, pages: EvidencePage[]): boolean {
  if (!stored) return pages.length === 0;
  const wanted = expertiseContent(pages);
  return JSON.stringify(storedPages(stored)) === JSON.stringify(wanted.pages) && JSON.stringify(stored.pageIds) === JSON.stringify(wanted.pageIds);
}
