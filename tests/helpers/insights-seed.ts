// Server-side activity for the insights end-to-end test (tests/e2e/console-insights.test.ts): the
// demo's quarter of simulated colleagues' reading, liking and writing inside the demo's rollout,
// written as real documents and folded by the server's own rollup (scripts/insights/seed-quarter.ts).
import { seedInsightsQuarter } from '../../scripts/seed';

/** Seeds and folds the demo organisation's quarter of activity (after seedDemo({ pilot: true })). */
export async function seedInsightsActivity(): Promise<void> {
  await seedInsightsQuarter();
}
