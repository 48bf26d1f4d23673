// Server-side activity for the insights end-to-end test (tests/e2e/console-insights.test.ts):
// reading events, comments, replies, likes and anonymous posts by the demo employees on HR and ICT
// pages, folded by the server's rollup so the callable `insightsReport` has a period to report on.
// To be written with the server part (functions/src/insights/); until then the test that needs it
// is skipped (INSIGHTS_SEED_READY).

/** True once seedInsightsActivity does its work: the real-server test in console-insights.test.ts runs then. */
export const INSIGHTS_SEED_READY = false;

/** Seeds and folds the demo organisation's activity for insights (after seedDemo({ pilot: true })). */
export async function seedInsightsActivity(): Promise<void> {
  throw new Error('not yet');
}
