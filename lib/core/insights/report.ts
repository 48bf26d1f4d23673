// STUB (contract): the insights-engine branch replaces this file.
// The report for one query: summaries of a period merged, every figure below K suppressed.
import type { Rollout } from '../rollout';
import type { ActivitySummary, Day, InsightPerson, InsightsQuery, InsightsReport, QuestionsState } from './model';

export interface ReportInput {
  query: InsightsQuery;
  /** The summaries covering query.from..query.to (weeks and days, as summariesFor says). */
  current: ActivitySummary[];
  /** The same for the previous period. */
  previous: ActivitySummary[];
  people: InsightPerson[];
  rollout: Rollout;
  questions: QuestionsState;
  builtUpTo: Day | null;
  now: number;
  /** Documents read to gather all this (reported as is). */
  reads: number;
}

export function buildReport(input: ReportInput): InsightsReport {
  void input;
  throw new Error('buildReport: not built yet');
}
