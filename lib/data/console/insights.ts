// Insights for the comms console: the report for a query through the callable `insightsReport`,
// and "recompute now" through `recomputeInsights` (functions/src/insights/). The server builds the
// report from its summaries and suppresses every figure about fewer than K people before it leaves,
// so nothing here ever holds anything per person. Only the console's bundle imports this file, so
// `firebase/functions` never reaches the side panel.
import { httpsCallable, type Functions } from 'firebase/functions';
import type { Day, InsightsQuery, InsightsReport } from '../../core/insights/model';

/** Why there is no report: the way there, or the server's refusal. */
export type InsightsProblem = 'offline' | 'signed-out' | 'not-allowed' | 'invalid-request' | 'failed';

export type InsightsOutcome = { ok: true; report: InsightsReport } | { ok: false; problem: InsightsProblem };

export type RecomputeOutcome = { ok: true; days: number } | { ok: false; problem: InsightsProblem };

export interface InsightsApi {
  report(query: InsightsQuery): Promise<InsightsOutcome>;
  /** Folds the days from..to again now (demos and tests; comms and administrators only). */
  recompute(from: Day, to: Day): Promise<RecomputeOutcome>;
}

/** What a failed call means for the person at the console (the same reading as lib/data/console/rollout.ts). */
export function insightsFailure(error: unknown): InsightsProblem {
  const { code, details, message } = (error ?? {}) as { code?: string; details?: unknown; message?: string };
  const reason = (details as { reason?: unknown } | undefined)?.reason ?? message;
  if (code === 'functions/invalid-argument' || reason === 'invalid-request') return 'invalid-request';
  if (code === 'functions/unauthenticated') return 'signed-out';
  // A request that never reached the server reads as 'internal' too: the browser knows when it is offline.
  if (code === 'functions/unavailable' || code === 'functions/deadline-exceeded' || (typeof navigator !== 'undefined' && navigator.onLine === false)) {
    return 'offline';
  }
  if (code === 'functions/permission-denied') return 'not-allowed';
  return 'failed';
}

/** The console's insights through the two callables (`functions` from consoleFunctions in ./roles). */
export function insightsApi(functions: Functions): InsightsApi {
  // A report over 90 days reads up to ~100 summaries on the server: give it time.
  const report = httpsCallable<InsightsQuery, InsightsReport>(functions, 'insightsReport', { timeout: 60_000 });
  const recompute = httpsCallable<{ from: Day; to: Day }, { days: number }>(functions, 'recomputeInsights', { timeout: 120_000 });
  return {
    async report(query) {
      try {
        return { ok: true, report: (await report(query)).data };
      } catch (error) {
        return { ok: false, problem: insightsFailure(error) };
      }
    },
    async recompute(from, to) {
      try {
        return { ok: true, days: (await recompute({ from, to })).data.days };
      } catch (error) {
        return { ok: false, problem: insightsFailure(error) };
      }
    },
  };
}
