// Everything a report is built from, read in as few documents as the budget allows (≤ 100 for a
// report and its comparison period): the summaries covering both periods (whole ISO weeks as one
// document each, the days at the edges as days), the people table, rollout, the questions state.
import type { Firestore } from 'firebase-admin/firestore';
import type { ActivitySummary, InsightsQuery, InsightsReport } from '../../../lib/core/insights/model';
import { previousPeriod, summariesFor } from '../../../lib/core/insights/plan';
import { buildReport } from '../../../lib/core/insights/report';
import { paths } from '../../../lib/core/paths';
import { NO_ROLLOUT, rolloutFromDoc } from '../../../lib/core/rollout';
import { readPeopleTable } from './people-table';
import { unpackSummary } from './summary-doc';

async function readSummaries(db: Firestore, from: string, to: string): Promise<{ summaries: ActivitySummary[]; reads: number }> {
  const { weeks, days } = summariesFor(from, to);
  const refs = [...weeks.map((w) => db.doc(paths.insightWeek(w))), ...days.map((d) => db.doc(paths.insightDay(d)))];
  if (refs.length === 0) return { summaries: [], reads: 0 };
  const docs = await db.getAll(...refs);
  return { summaries: docs.map((d) => unpackSummary(d.data())).filter((x): x is ActivitySummary => x !== null), reads: refs.length };
}

/** The report for one query, and nothing per person in it (buildReport suppresses below K). */
export async function reportFor(db: Firestore, query: InsightsQuery, now = Date.now()): Promise<InsightsReport> {
  const previous = previousPeriod(query.from, query.to);
  const [current, before, people, rolloutDoc, questionsDoc, rollupDoc] = await Promise.all([
    readSummaries(db, query.from, query.to),
    readSummaries(db, previous.from, previous.to),
    readPeopleTable(db),
    db.doc(paths.rollout()).get(),
    db.doc(paths.insightState('questions')).get(),
    db.doc(paths.insightState('rollup')).get(),
  ]);
  const open = questionsDoc.get('open');
  const answered = questionsDoc.get('answered');
  const builtUpTo = rollupDoc.get('builtUpTo');
  return buildReport({
    query,
    current: current.summaries,
    previous: before.summaries,
    people: people.people,
    rollout: rolloutDoc.exists ? rolloutFromDoc(rolloutDoc.data() ?? {}) : NO_ROLLOUT,
    questions: { open: Array.isArray(open) ? open : [], answered: Array.isArray(answered) ? answered : [] },
    builtUpTo: typeof builtUpTo === 'string' ? builtUpTo : null,
    now,
    reads: current.reads + before.reads + people.reads + 3,
  });
}
