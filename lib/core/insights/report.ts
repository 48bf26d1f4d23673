// The report for one query: the summaries of a period merged, every figure below k suppressed.
// Pure; the callable `insightsReport` gathers the input and sends back only what this returns.
// The parts: report-scope (pages in scope, who may see them, cohorts), report-funnel (funnels and
// their suppression across departments and bands), report-pages (sections, pages, questions),
// report-replies (who answers whom, leaders).
import { BANDS, K } from './model';
import type {
  ActivitySummary,
  CohortFunnel,
  Day,
  InsightPerson,
  InsightsQuery,
  InsightsReport,
  PageActivity,
  QuestionsState,
  Topic,
  WeekFunnel,
} from './model';
import { mergeSummaries } from './fold';
import { bandOf } from './levels';
import { addDays, isoWeekOf, previousPeriod } from './plan';
import { activityOf, rawFunnel, suppressFunnels } from './report-funnel';
import type { Activity } from './report-funnel';
import { anonymousPosts, answerTimes, quietPages, sectionRows, topPages, unanswered } from './report-pages';
import { leadership, replyMatrix } from './report-replies';
import { cohortsOf, scopeOf, SectionLookup } from './report-scope';
import type { Cohort } from './report-scope';
import { rankTopics as realRankTopics } from './topics';
import type { TopicsInput } from './topics';
import type { Rollout } from '../rollout';

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
  /** The minimum group size (default K). */
  k?: number;
  /** Ranks the topics (default: topics.ts rankTopics; tests pass their own). */
  rankTopics?: (input: TopicsInput) => Topic[];
}

type Pages = Record<string, PageActivity>;

const pick = (pages: Pages, has: (id: string, url: string) => boolean): Pages => {
  const out: Pages = {};
  for (const [id, page] of Object.entries(pages)) if (has(id, page.url)) out[id] = page;
  return out;
};

function funnelsFor(cohorts: Cohort[], activity: Activity, k: number) {
  return suppressFunnels(
    cohorts,
    cohorts.map((c) => rawFunnel(c.members, activity)),
    k,
  );
}

/** One funnel per ISO week that overlaps the period (its days clipped to the period), for one cohort. */
function trend(cohorts: Cohort[], current: ActivitySummary[], query: InsightsQuery, has: (id: string, url: string) => boolean, k: number): WeekFunnel[] {
  const index = cohorts.findIndex((c) => c.id === query.cohort);
  if (index === -1 || query.from > query.to) return [];
  const weeks: WeekFunnel[] = [];
  for (let day = query.from; day <= query.to;) {
    const week = isoWeekOf(day);
    const from = week.from < query.from ? query.from : week.from;
    const to = week.to > query.to ? query.to : week.to;
    const parts = current.filter((s) => isoWeekOf(s.from).id === week.id);
    const pages = pick(mergeSummaries(week.id, from, to, parts, { terms: false }).pages, has);
    weeks.push({ week: week.id, from, to, funnel: funnelsFor(cohorts, activityOf(Object.values(pages)), k)[index]! });
    day = addDays(week.to, 1);
  }
  return weeks;
}

export function buildReport(input: ReportInput): InsightsReport {
  const { query, people, rollout } = input;
  const k = input.k ?? K;
  const rank = input.rankTopics ?? realRankTopics;
  const sections = new SectionLookup(rollout);
  const current = mergeSummaries('current', query.from, query.to, input.current);
  const prev = previousPeriod(query.from, query.to);
  const previous = mergeSummaries('previous', prev.from, prev.to, input.previous, { terms: false });

  const pageUrl =
    query.pageId === null
      ? null
      : (current.pages[query.pageId]?.url ?? previous.pages[query.pageId]?.url ?? input.questions.open.find((q) => q.pageId === query.pageId)?.url ?? null);
  const scope = scopeOf(query, rollout, sections, pageUrl);
  const scoped = pick(current.pages, scope.has);
  const scopedBefore = pick(previous.pages, scope.has);

  const cohorts = cohortsOf(people, rollout, scope);
  const funnels = funnelsFor(cohorts, activityOf(Object.values(scoped)), k);
  const before = funnelsFor(cohorts, activityOf(Object.values(scopedBefore)), k);
  const cohortRows: CohortFunnel[] = cohorts.map((c, i) => ({ id: c.id, kind: c.kind, label: c.label, funnel: funnels[i]!, previous: before[i]! }));

  const departments = [...new Set(people.flatMap((p) => p.departmentPath.slice(0, 1)))].sort();
  const departmentOf = (i: number) => {
    const d = people[i]?.departmentPath[0];
    return d === undefined ? -1 : departments.indexOf(d);
  };
  const bandIndex = (i: number) => {
    const band = bandOf(people[i]?.level ?? null);
    return band === null ? -1 : BANDS.indexOf(band);
  };

  return {
    query,
    previousFrom: prev.from,
    previousTo: prev.to,
    k,
    generatedAt: input.now,
    builtUpTo: input.builtUpTo,
    sections: sectionRows(current.pages, people, rollout, sections, k),
    cohorts: cohortRows,
    trend: trend(cohorts, input.current, query, scope.has, k),
    topPages: topPages(scoped, sections, k),
    quietPages: quietPages(current.pages, previous.pages, scope.has, rollout, sections, k),
    unanswered: unanswered(input.questions, scope.has, sections, query.unansweredAfterHours, input.now),
    answerTimes: answerTimes(input.questions, query.from, query.to, rollout, sections, k),
    topics: rank({ scope: scoped, all: current.pages, forms: current.forms, langs: current.langs, k, limit: 20 }),
    bands: replyMatrix([...BANDS], bandIndex, scoped, k),
    departments: replyMatrix(departments, departmentOf, scoped, k),
    leadership: leadership(scoped, current.pages, people, k),
    anonymousPosts: anonymousPosts(scoped, k),
    reads: input.reads,
  };
}
