// One day's facts for the rollup (lib/core/insights/model.ts DayFacts), read with the Admin SDK:
// the reading events of that day, and the comments, likes and "this helped" marks made that day
// (collection-group queries on their time fields; firestore.indexes.json has the indexes).
//
// Anonymous comments: the fact carries no author. The rollup never reads commentOwners, so no
// summary, report or log can tie an anonymous post to a person, whatever happens downstream.
import type { DocumentSnapshot, Firestore } from 'firebase-admin/firestore';
import { Timestamp } from 'firebase-admin/firestore';
import type { CommentFact, Day, DayFacts, HelpfulFact, LikeFact, ReadFact } from '../../../lib/core/insights/model';
import { paths } from '../../../lib/core/paths';
import { startOfDay } from '../../../lib/core/rollout-edit';

const millis = (value: unknown): number => (value instanceof Timestamp ? value.toMillis() : typeof value === 'number' ? value : 0);
const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The day after `day`. */
export function nextDayOf(day: Day): Day {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** The instants a day spans in the organisation's time zone: [start, end). */
export function dayBounds(day: Day): { start: Timestamp; end: Timestamp } {
  return { start: Timestamp.fromMillis(startOfDay(day)), end: Timestamp.fromMillis(startOfDay(nextDayOf(day))) };
}

/** The pageId of a document under pages/{pageId}/…. */
const pageIdOf = (doc: DocumentSnapshot) => doc.ref.parent.parent!.id;

/** The day's facts, and how many documents reading them took. */
export async function readDayFacts(db: Firestore, day: Day): Promise<{ facts: DayFacts; reads: number }> {
  const { start, end } = dayBounds(day);
  const inDay = (field: string, query: FirebaseFirestore.Query) => query.where(field, '>=', start).where(field, '<', end);
  const [events, comments, likes, helpful] = await Promise.all([
    inDay('at', db.collection(paths.insightEvents())).get(),
    inDay('createdAt', db.collectionGroup('comments')).get(),
    inDay('updatedAt', db.collectionGroup('likes')).get(),
    inDay('createdAt', db.collectionGroup('helpful')).get(),
  ]);
  let reads = Math.max(1, events.size) + Math.max(1, comments.size) + Math.max(1, likes.size) + Math.max(1, helpful.size);

  // The pages and parents the facts point at, each read once.
  const pageIds = new Set<string>([...comments.docs, ...likes.docs].map(pageIdOf));
  const parentRefs = new Map<string, FirebaseFirestore.DocumentReference>();
  for (const c of comments.docs) {
    const parentId = c.get('parentId');
    if (typeof parentId === 'string') parentRefs.set(`${pageIdOf(c)}/${parentId}`, db.doc(paths.comment(pageIdOf(c), parentId)));
  }
  const [pageDocs, parentDocs] = await Promise.all([
    pageIds.size > 0 ? db.getAll(...[...pageIds].map((id) => db.doc(paths.page(id)))) : Promise.resolve([]),
    parentRefs.size > 0 ? db.getAll(...parentRefs.values()) : Promise.resolve([]),
  ]);
  reads += pageDocs.length + parentDocs.length;
  const pages = new Map(pageDocs.map((d) => [d.id, { url: text(d.get('url')), title: text(d.get('title')) }]));
  const parents = new Map(parentDocs.filter((d) => d.exists).map((d) => [`${pageIdOf(d)}/${d.id}`, d]));
  const pageOf = (id: string) => pages.get(id) ?? { url: '', title: '' };

  const reading: ReadFact[] = events.docs.map((d) => ({
    uid: text(d.get('uid')),
    pageId: text(d.get('pageId')),
    url: text(d.get('url')),
    at: millis(d.get('at')),
  }));
  // A reading event knows its page's title from the tab; pages nobody wrote on have no document.
  for (const d of events.docs)
    if (!pages.has(text(d.get('pageId')))) pages.set(text(d.get('pageId')), { url: text(d.get('url')), title: text(d.get('title')) });

  const commentFacts: CommentFact[] = comments.docs.map((d) => {
    const pageId = pageIdOf(d);
    const parentId = typeof d.get('parentId') === 'string' ? (d.get('parentId') as string) : null;
    const parent = parentId ? parents.get(`${pageId}/${parentId}`) : undefined;
    const authorUid = d.get('anonymous') === true ? null : text(d.get('authorUid')) || null;
    return {
      id: d.id,
      pageId,
      ...pageOf(pageId),
      parentId,
      authorUid,
      text: text(d.get('text')),
      createdAt: millis(d.get('createdAt')),
      parent: parent
        ? {
            authorUid: parent.get('anonymous') === true ? null : text(parent.get('authorUid')) || null,
            createdAt: millis(parent.get('createdAt')),
            text: text(parent.get('text')),
          }
        : null,
      deleted: d.get('deleted') === true,
    };
  });
  const likeFacts: LikeFact[] = likes.docs
    .filter((d) => d.get('active') === true)
    .map((d) => ({ pageId: pageIdOf(d), ...pageOf(pageIdOf(d)), uid: text(d.get('uid')), targetId: text(d.get('targetId')), at: millis(d.get('updatedAt')) }));
  const helpfulFacts: HelpfulFact[] = helpful.docs.map((d) => ({
    pageId: pageIdOf(d),
    replyId: d.id,
    parentId: text(d.get('parentId')),
    at: millis(d.get('createdAt')),
  }));
  return { facts: { day, reads: reading, comments: commentFacts, likes: likeFacts, helpful: helpfulFacts }, reads };
}
