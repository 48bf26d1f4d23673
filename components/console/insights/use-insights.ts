// The Insights view's report: asked for again whenever the query changes, with the last report
// kept on screen (dimmed) while the next one loads, and only the newest answer shown when comms
// changes the filter faster than the server answers. "Recompute now" folds the period again on the
// server and then asks for the report anew.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { InsightsQuery, InsightsReport } from '../../../lib/core/insights/model';
import type { InsightsProblem } from '../../../lib/data/console/insights';
import { useConsole } from '../console-services';

export interface InsightsState {
  /** The last report that arrived (for an earlier query while `loading`). */
  report: InsightsReport | null;
  loading: boolean;
  problem: InsightsProblem | null;
  /** Recompute: running, done (days folded), or failed. */
  recompute: { busy: boolean; days: number | null; problem: InsightsProblem | null };
  retry(): void;
  recomputeNow(): void;
}

/** The report for `query` (null: the filter is not usable yet, nothing is asked). */
export function useInsights(query: InsightsQuery | null): InsightsState {
  const { insights } = useConsole();
  const [report, setReport] = useState<InsightsReport | null>(null);
  const [loading, setLoading] = useState(query !== null);
  const [problem, setProblem] = useState<InsightsProblem | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [recompute, setRecompute] = useState<InsightsState['recompute']>({ busy: false, days: null, problem: null });
  const latest = useRef(0);
  const key = JSON.stringify(query);

  useEffect(() => {
    if (!query) return;
    const asked = ++latest.current;
    setLoading(true);
    setProblem(null);
    void insights.report(query).then((outcome) => {
      if (asked !== latest.current) return; // a newer query is on its way
      setLoading(false);
      if (outcome.ok) setReport(outcome.report);
      else setProblem(outcome.problem);
    });
  }, [key, attempt]);

  return {
    report,
    loading,
    problem,
    recompute,
    retry: () => setAttempt((n) => n + 1),
    recomputeNow: () => {
      if (!query || recompute.busy) return;
      setRecompute({ busy: true, days: null, problem: null });
      void insights.recompute(query.from, query.to).then((outcome) => {
        setRecompute({ busy: false, days: outcome.ok ? outcome.days : null, problem: outcome.ok ? null : outcome.problem });
        if (outcome.ok) setAttempt((n) => n + 1);
      });
    },
  };
}
