// The insights rollup: one day's facts folded into its summary (`insightDays/{day}`), the ISO weeks
// those days fall in merged again (`insightWeeks/{week}`), the questions still waiting for an answer
// carried forward (`insightState/questions`) and published per section for community managers
// (`openQuestions/{section}`), and reading events past their retention deleted.
//
// Idempotent: rolling a day up again rewrites its summary from the same facts, so the scheduled run
// can redo today every hour and a "recompute now" can redo any range. Summaries are server-only.
import type { Firestore } from 'firebase-admin/firestore';
import { Timestamp } from 'firebase-admin/firestore';
import { foldDay, indexPeople, mergeSummaries, updateQuestions, type PeopleIndex } from '../../../lib/core/insights/fold';
import type { ActivitySummary, Day, InsightPerson, OpenQuestion, QuestionsState } from '../../../lib/core/insights/model';
import { RETENTION_DAYS } from '../../../lib/core/insights/model';
import { isoWeekOf } from '../../../lib/core/insights/plan';
import { termsOf } from '../../../lib/core/insights/terms';
import { paths } from '../../../lib/core/paths';
import { NO_ROLLOUT, rolloutFromDoc, sectionIdFor, type Rollout } from '../../../lib/core/rollout';
import { nextDayOf, readDayFacts } from './day-facts';
import { refreshPeopleTable } from './people-table';
import { packSummary, PACKED_LIMIT, unpackSummary, type SummaryDoc } from './summary-doc';

/** The rest of the intranet's key among the openQuestions documents (no section id starts with '_'). */
export const REST_KEY = '_rest';

export const EMPTY_QUESTIONS: QuestionsState = { open: [], answered: [] };

export interface RollupOutcome {
  days: number;
  reads: number;
  writes: number;
}

/**
 * A summary as the document it is stored in (summary-doc.ts), trimmed to fit: at 20,000 employees a
 * busy week's words can outgrow 1 MiB even deflated, so the terms used least (by fewest people, then
 * least often) go first. Topics need ≥ 5 people per term, so the terms dropped are the ones least
 * likely to ever become a topic.
 */
export function storedSummary(summary: ActivitySummary): SummaryDoc {
  let doc = packSummary(summary);
  if (doc.packed.length <= PACKED_LIMIT) return doc;
  const uses: { page: string; term: string; weight: number }[] = [];
  for (const [page, activity] of Object.entries(summary.pages))
    for (const [term, use] of Object.entries(activity.terms)) uses.push({ page, term, weight: use.by.length * 1000 + use.n });
  uses.sort((a, b) => b.weight - a.weight);
  let keep = uses.length;
  while (doc.packed.length > PACKED_LIMIT && keep > 0) {
    // Keep the share of terms that should fit, a little less; at most a few rounds.
    keep = Math.floor(keep * Math.min(0.9, (PACKED_LIMIT / doc.packed.length) * 0.9));
    const kept = new Set(uses.slice(0, keep).map((u) => `${u.page} ${u.term}`));
    const pages = Object.fromEntries(
      Object.entries(summary.pages).map(([id, a]) => [
        id,
        { ...a, terms: Object.fromEntries(Object.entries(a.terms).filter(([term]) => kept.has(`${id} ${term}`))) },
      ]),
    );
    doc = packSummary({ ...summary, pages });
  }
  return doc;
}

const daysBetween = (from: Day, to: Day): Day[] => {
  const days: Day[] = [];
  for (let d = from; d <= to && days.length < 400; d = nextDayOf(d)) days.push(d);
  return days;
};

async function readQuestions(db: Firestore): Promise<QuestionsState> {
  const doc = await db.doc(paths.insightState('questions')).get();
  const open = doc.get('open');
  const answered = doc.get('answered');
  return { open: Array.isArray(open) ? open : [], answered: Array.isArray(answered) ? answered : [] };
}

/** The open questions per section key (a section id, or REST_KEY), oldest first: what community managers see. */
export function openQuestionsBySection(state: QuestionsState, rollout: Rollout): Map<string, OpenQuestion[]> {
  const out = new Map<string, OpenQuestion[]>();
  for (const q of [...state.open].sort((a, b) => a.askedAt - b.askedAt)) {
    const section = sectionIdFor(rollout, q.url);
    const key = section ?? REST_KEY;
    const list = out.get(key) ?? [];
    list.push({ pageId: q.pageId, commentId: q.commentId, url: q.url, title: q.title, section, askedAt: q.askedAt, excerpt: q.excerpt });
    out.set(key, list);
  }
  return out;
}

/** Rolls up every day from..to (both included, at most 400), then their weeks and the questions. */
export async function rollupDays(db: Firestore, from: Day, to: Day, options: { people?: InsightPerson[]; now?: number } = {}): Promise<RollupOutcome> {
  const now = options.now ?? Date.now();
  const people: PeopleIndex = indexPeople(options.people ?? (await refreshPeopleTable(db, now)));
  const days = daysBetween(from, to);
  let reads = 0;
  let writes = 0;
  // Questions are carried forward day by day; a redone day finds its questions known (by id) already.
  let questions = await readQuestions(db);
  reads += 1;
  const weeks = new Map<string, { from: Day; to: Day }>();
  for (const day of days) {
    const { facts, reads: factReads } = await readDayFacts(db, day);
    reads += factReads;
    await db.doc(paths.insightDay(day)).set(storedSummary(foldDay(facts, people, termsOf)));
    writes += 1;
    questions = updateQuestions(questions, facts, people);
    const week = isoWeekOf(day);
    weeks.set(week.id, { from: week.from, to: week.to });
  }
  for (const [id, week] of weeks) {
    const dayDocs = await db.getAll(...daysBetween(week.from, week.to).map((d) => db.doc(paths.insightDay(d))));
    reads += dayDocs.length;
    const parts = dayDocs.map((d) => unpackSummary(d.data())).filter((x): x is ActivitySummary => x !== null);
    await db.doc(paths.insightWeek(id)).set(storedSummary(mergeSummaries(id, week.from, week.to, parts)));
    writes += 1;
  }
  const rolloutDoc = await db.doc(paths.rollout()).get();
  reads += 1;
  const rollout = rolloutDoc.exists ? rolloutFromDoc(rolloutDoc.data() ?? {}) : NO_ROLLOUT;
  const batch = db.batch();
  batch.set(db.doc(paths.insightState('questions')), questions);
  const bySection = openQuestionsBySection(questions, rollout);
  const stale = await db.collection('openQuestions').select().get();
  reads += Math.max(1, stale.size);
  for (const doc of stale.docs) if (!bySection.has(doc.id)) batch.delete(doc.ref);
  for (const [key, list] of bySection)
    batch.set(db.doc(paths.openQuestions(key)), { section: key === REST_KEY ? null : key, questions: list.slice(0, 200), updatedAt: now });
  const state = await db.doc(paths.insightState('rollup')).get();
  reads += 1;
  const builtUpTo = [state.get('builtUpTo'), to]
    .filter((d): d is string => typeof d === 'string')
    .sort()
    .pop()!;
  batch.set(db.doc(paths.insightState('rollup')), { builtUpTo, ranAt: now }, { merge: true });
  await batch.commit();
  writes += 2 + bySection.size;
  return { days: days.length, reads, writes };
}

/** Deletes reading events older than the retention period; returns how many. */
export async function deleteOldEvents(db: Firestore, now = Date.now(), retentionDays = RETENTION_DAYS): Promise<number> {
  const cutoff = Timestamp.fromMillis(now - retentionDays * 86_400_000);
  let deleted = 0;
  for (;;) {
    const old = await db.collection(paths.insightEvents()).where('at', '<', cutoff).limit(400).select().get();
    if (old.empty) return deleted;
    const batch = db.batch();
    for (const doc of old.docs) batch.delete(doc.ref);
    await batch.commit();
    deleted += old.size;
  }
}
