// Insights for comms: how Prikbord is used, in groups, never per person. The filter (kept in the
// URL), then the report for it: the funnel against the previous period and 90-9-1, the trend, the
// cohorts with each pilot beside its control group, sections, pages, questions, topics and who
// answers whom. Every table downloads as CSV and the whole prints as a one-page monthly report.
// The server suppresses every figure about fewer than 5 people before the report leaves it; this
// view only shows what came ("< 5" where a figure is missing) and divides nothing by zero.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { t, uiLanguage } from '../../../lib/any/i18n';
import type { InsightsReport } from '../../../lib/core/insights/model';
import type { InsightsProblem } from '../../../lib/data/console/insights';
import { useRolloutState } from '../rollout/use-rollout';
import { CohortTable } from './CohortTable';
import { CsvContext } from './CsvButton';
import { FilterBar, type CohortChoice } from './FilterBar';
import { countText, dayText, periodText } from './figures';
import { FunnelCard } from './FunnelCard';
import { filterFromHash, filterToQuery, periodProblem, queryFor, today, type InsightsFilter } from './insights-filter';
import { MonthlyReport } from './MonthlyReport';
import { PagesCard } from './PagesCard';
import { QuestionsCard } from './QuestionsCard';
import { SectionsCard } from './SectionsCard';
import { chosenCohort, orderedCohorts } from './tables';
import { TopicsList } from './TopicsList';
import { TrendCard } from './TrendCard';
import { useInsights } from './use-insights';
import { WhoAnswersWhom } from './WhoAnswersWhom';

export interface InsightsViewProps {
  orgName: string;
  /** For tests: the moment that counts as now (which days "the last 28 days" are). */
  now?: number;
}

/** The filter from the URL, and changing it writes the URL (replacing: the back button leaves the view, not each choice). */
function useFilterInUrl(): [InsightsFilter, (filter: InsightsFilter) => void] {
  const [filter, setFilter] = useState(() => filterFromHash(location.hash));
  useEffect(() => {
    // Someone edits the address or opens a bookmark in this tab.
    const follow = () => {
      if (location.hash.startsWith('#insights')) setFilter(filterFromHash(location.hash));
    };
    addEventListener('hashchange', follow);
    return () => removeEventListener('hashchange', follow);
  }, []);
  const change = (next: InsightsFilter) => {
    setFilter(next);
    const query = filterToQuery(next);
    history.replaceState(history.state, '', `#insights${query ? `?${query}` : ''}`);
  };
  return [filter, change];
}

export function InsightsView({ orgName, now }: InsightsViewProps) {
  const [filter, setFilter] = useFilterInUrl();
  const todayIs = today(now);
  const query = periodProblem(filter.period) ? null : queryFor(filter, todayIs);
  const state = useInsights(query);
  const rollout = useRolloutState().rollout;
  const [decimalComma, setDecimalComma] = useState(uiLanguage() === 'nl');
  const report = state.report;

  const sections = useMemo(() => {
    const known = new Map(Object.entries(rollout.sections).map(([id, s]) => [id, s.name]));
    for (const row of report?.sections ?? []) if (row.id !== null && !known.has(row.id)) known.set(row.id, row.name);
    if (filter.section && !known.has(filter.section)) known.set(filter.section, filter.section);
    return [...known].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
  }, [rollout, report, filter.section]);

  const cohorts = useMemo(() => cohortChoices(report, rollout.groups, filter.cohort), [report, rollout, filter.cohort]);
  const scopeName =
    filter.section === null
      ? t('insightsScopeAll')
      : filter.section === ''
        ? t('insightsScopeRest')
        : (sections.find((s) => s.id === filter.section)?.name ?? filter.section);

  return (
    <div class="insights">
      <h1 tabIndex={-1}>{t('insightsNav')}</h1>
      <p class="privacy-note">{t('insightsPrivacyNote')}</p>
      <FilterBar
        filter={filter}
        today={todayIs}
        onChange={setFilter}
        sections={sections}
        cohorts={cohorts}
        decimalComma={decimalComma}
        onDecimalComma={setDecimalComma}
      />
      <ReportActions report={report} scope={scopeName} state={state} />
      <p class="visually-hidden" role="status">
        {state.loading ? t('insightsLoading') : report ? t('insightsLoaded') : ''}
      </p>
      {state.problem ? <ProblemNote problem={state.problem} onRetry={state.retry} /> : null}
      {!report && state.loading ? <LoadingSkeleton /> : null}
      {report ? (
        <CsvContext.Provider value={{ report, decimalComma }}>
          <div class={state.loading ? 'insights-report loading' : 'insights-report'} aria-busy={state.loading}>
            <ReportBody report={report} scope={scopeName} />
          </div>
          <MonthlyReport report={report} orgName={orgName} scope={scopeName} />
        </CsvContext.Provider>
      ) : null}
    </div>
  );
}

/** The period shown, how far the figures reach, and the two actions: print the monthly report, recompute. */
function ReportActions({ report, scope, state }: { report: InsightsReport | null; scope: string; state: ReturnType<typeof useInsights> }) {
  const { recompute } = state;
  return (
    <div class="insights-actions">
      <p class="report-meta">
        {report ? (
          <>
            <strong>{periodText(report.query.from, report.query.to)}</strong> · {scope} ·{' '}
            {t('insightsComparedWith', periodText(report.previousFrom, report.previousTo))}
            {report.builtUpTo && report.builtUpTo < report.query.to ? <> · {t('insightsBuiltUpTo', dayText(report.builtUpTo))}</> : null}
          </>
        ) : null}
      </p>
      <div class="actions">
        <button type="button" onClick={() => window.print()} disabled={!report}>
          {t('insightsMonthlyReport')}
        </button>
        <button type="button" class="secondary small" onClick={state.recomputeNow} disabled={recompute.busy || !report}>
          {recompute.busy ? t('insightsRecomputing') : t('insightsRecompute')}
        </button>
      </div>
      {recompute.days !== null ? (
        <p class="hint" role="status">
          {t('insightsRecomputed', recompute.days)}
        </p>
      ) : recompute.problem ? (
        <p class="error" role="alert">
          {problemText(recompute.problem)}
        </p>
      ) : null}
    </div>
  );
}

const PROBLEMS = {
  offline: 'insightsProblemOffline',
  'signed-out': 'consoleProblemSignedOut',
  'not-allowed': 'insightsProblemNotAllowed',
  'invalid-request': 'insightsProblemInvalid',
  failed: 'insightsProblemFailed',
} as const satisfies Record<InsightsProblem, string>;

const problemText = (problem: InsightsProblem): string => t(PROBLEMS[problem]);

function ProblemNote({ problem, onRetry }: { problem: InsightsProblem; onRetry(): void }) {
  return (
    <div class="card problem-note" role="alert">
      <p class="error">{problemText(problem)}</p>
      {problem === 'not-allowed' ? null : (
        <button type="button" class="secondary" onClick={onRetry}>
          {t('insightsRetry')}
        </button>
      )}
    </div>
  );
}

function LoadingSkeleton() {
  return (
    <div class="insights-skeleton" aria-hidden="true">
      <p class="empty">{t('insightsLoading')}</p>
      <div class="skeleton-block" />
      <div class="skeleton-block short" />
      <div class="skeleton-block" />
    </div>
  );
}

/** Nothing happened in the scope this period: no reader, reactor or contributor, no anonymous post. */
export function noActivity(report: InsightsReport): boolean {
  const everyone = report.cohorts.find((c) => c.kind === 'all')?.funnel;
  const funnels = everyone ? [everyone] : report.trend.map((w) => w.funnel);
  return funnels.every((f) => f.readers === 0 && f.reactors === 0 && f.contributors === 0) && (report.anonymousPosts ?? 1) === 0;
}

function ReportBody({ report, scope }: { report: InsightsReport; scope: string }) {
  if (report.builtUpTo === null) {
    return (
      <div class="card empty-state">
        <h2>{t('insightsNotBuiltTitle')}</h2>
        <p>{t('insightsNotBuiltText')}</p>
      </div>
    );
  }
  if (noActivity(report)) return <EmptyPeriod report={report} scope={scope} />;
  const cohort = chosenCohort(report);
  return (
    <>
      {cohort ? <FunnelCard cohort={cohort} /> : null}
      <TrendCard report={report} />
      <CohortTable report={report} />
      <SectionsCard report={report} />
      <PagesCard report={report} />
      <QuestionsCard report={report} />
      <TopicsList report={report} />
      <WhoAnswersWhom report={report} />
      <p class="anonymous-posts">{t('insightsAnonymousPosts', countText(report.anonymousPosts))}</p>
    </>
  );
}

/** No activity: say why it may be so, for a section switched off or only just switched on too. */
function EmptyPeriod({ report, scope }: { report: InsightsReport; scope: string }) {
  const section = report.query.section ? report.sections.find((s) => s.id === report.query.section) : undefined;
  const [title, text] =
    section?.mode === 'off'
      ? [t('insightsSectionOffTitle', scope), t('insightsSectionOffText')]
      : section
        ? [t('insightsSectionNewTitle', scope), t('insightsSectionNewText', dayText(report.builtUpTo ?? report.query.to))]
        : [t('insightsEmptyTitle'), t('insightsEmptyText', dayText(report.builtUpTo ?? report.query.to))];
  return (
    <div class="card empty-state">
      <h2>{title}</h2>
      <p>{text}</p>
    </div>
  );
}

/** The cohorts to choose from: the report's, the rollout's pilot groups (before a report came), and the one in the URL. */
function cohortChoices(report: InsightsReport | null, groups: Record<string, { name: string; control: unknown }>, current: string): CohortChoice[] {
  const choices = new Map<string, CohortChoice>();
  for (const c of report?.cohorts ?? []) if (c.kind !== 'all') choices.set(c.id, { id: c.id, kind: c.kind, label: c.label });
  for (const [id, group] of Object.entries(groups)) {
    if (!choices.has(`pilot:${id}`)) choices.set(`pilot:${id}`, { id: `pilot:${id}`, kind: 'pilot', label: group.name });
    if (group.control && !choices.has(`control:${id}`)) choices.set(`control:${id}`, { id: `control:${id}`, kind: 'control', label: group.name });
  }
  const [kind, ...rest] = current.split(':');
  if (current !== 'all' && !choices.has(current) && (kind === 'department' || kind === 'band' || kind === 'pilot' || kind === 'control')) {
    choices.set(current, { id: current, kind, label: rest.join(':') });
  }
  return orderedCohorts([...choices.values()]);
}
