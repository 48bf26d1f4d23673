// Insights for comms: the shapes every part agrees on. Pure types and constants.
//
// How the figures come about (docs/insights.md tells it in full):
//   1. Facts: the panel writes one reading event per person, page and day to `insightEvents`
//      (no other client reads it); comments, likes and "this helped" marks are already documents.
//   2. The rollup (functions/src/insights/) folds one day's facts into an ActivitySummary
//      (`insightDays/{day}`) and seven days into a week (`insightWeeks/{week}`), with people as
//      small integers (indices into the InsightPerson table, `insightPeople/*`). All server-only.
//   3. The report (buildReport, lib/core/insights/report.ts) merges the summaries of a period for
//      a query and suppresses every figure that describes fewer than K people. Only that report
//      leaves the server (the callable `insightsReport`), so no client ever holds anything per person.

/** Minimum group size: a figure that describes fewer people is shown as "< 5", everywhere. */
export const K = 5;

/** A day in the organisation's time zone (Europe/Amsterdam): 'YYYY-MM-DD'. */
export type Day = string;

/** Raw reading events are deleted after this many days (only the summaries remain). */
export const RETENTION_DAYS = 35;

// ---------- people ----------

/** Hierarchy band, from the directory's level (1 = top): 1–2 management, 3 middle management, 4+ staff. */
export type Band = 'management' | 'middle' | 'staff';
export const BANDS: readonly Band[] = ['staff', 'middle', 'management'];

/** One person as insights know them (server-only). Their index in the table is their number in every summary. */
export interface InsightPerson {
  uid: string;
  /** Top-down, as the directory has it. */
  departmentPath: string[];
  /** The directory's level; null when unknown. */
  level: number | null;
  /** Holds the leader role (management labelled in threads). */
  leader: boolean;
  /** False for a leaver: not in scope any more, their past activity still counts. */
  active: boolean;
}

/** An anonymous author in a summary: every anonymous post counts as this one "person" (never more than one). */
export const ANONYMOUS = -1;

// ---------- facts: what the rollup reads ----------

/** "Opened the thread of this page" (insightEvents/{id}). */
export interface ReadFact {
  uid: string;
  pageId: string;
  url: string;
  /** Epoch ms. */
  at: number;
}

/** A comment or reply created that day. Anonymous: authorUid null (the rollup never looks the author up). */
export interface CommentFact {
  id: string;
  pageId: string;
  url: string;
  title: string;
  parentId: string | null;
  authorUid: string | null;
  text: string;
  createdAt: number;
  /** For a reply: its parent, as the rollup read it. */
  parent: { authorUid: string | null; createdAt: number; text: string } | null;
  /** Hidden by a moderator or deleted by its author since (its text is gone; it still counted). */
  deleted: boolean;
}

/** A like switched on that day (of the page, or of a comment on it). */
export interface LikeFact {
  pageId: string;
  url: string;
  title: string;
  uid: string;
  targetId: string;
  at: number;
}

/** A "this helped" mark set that day on a reply. */
export interface HelpfulFact {
  pageId: string;
  replyId: string;
  parentId: string;
  at: number;
}

export interface DayFacts {
  day: Day;
  reads: ReadFact[];
  comments: CommentFact[];
  likes: LikeFact[];
  helpful: HelpfulFact[];
}

// ---------- summaries: what the rollup stores (server-only) ----------

/** A reply, for "who answers whom". Person indices; `to` is ANONYMOUS when the asker posted anonymously, `from` never is (anonymous replies are not counted here). */
export interface AnswerFact {
  parentId: string;
  from: number;
  to: number;
  /** Seconds from the parent comment to this reply. */
  seconds: number;
  /** The parent asks something (lib/core/insights/questions.ts isQuestion). */
  question: boolean;
}

/** A top-level comment, for reply rates: who started it (ANONYMOUS allowed) and whether it asks something. */
export interface StartFact {
  id: string;
  by: number;
  question: boolean;
  at: number;
}

/** A term's use on a page: how often, and by whom (person indices; ANONYMOUS at most once). */
export interface TermUse {
  n: number;
  by: number[];
}

/** One page's activity over a summary's days. Person lists are sorted and unique. */
export interface PageActivity {
  url: string;
  title: string;
  /** Opened its thread. */
  readers: number[];
  /** Liked the page or a comment on it. */
  likers: number[];
  /** Wrote a named comment or reply (anonymous posts make nobody a writer). */
  writers: number[];
  /** Top-level comments, named and anonymous. */
  comments: number;
  replies: number;
  /** Of comments + replies, how many were anonymous. */
  anonymous: number;
  likes: number;
  /** Its top-level comments (for reply rates and leadership figures). */
  starts: StartFact[];
  answers: AnswerFact[];
  /** Stemmed term (or two-word phrase) → its use here. */
  terms: Record<string, TermUse>;
}

/** One day's (or one ISO week's) activity. */
export interface ActivitySummary {
  /** 'YYYY-MM-DD' for a day, 'YYYY-Www' for a week. */
  id: string;
  from: Day;
  to: Day;
  pages: Record<string, PageActivity>;
  /** Stemmed term → the form people wrote most (what a topic shows). */
  forms: Record<string, string>;
  /** Term → language it was found in ('nl' | 'en'). */
  langs: Record<string, 'nl' | 'en'>;
}

// ---------- questions: a running state (server-only) ----------

export interface OpenQuestionFact {
  pageId: string;
  commentId: string;
  url: string;
  title: string;
  askedAt: number;
  /** The first 140 characters of the question (comms and community managers can read the thread anyway). */
  excerpt: string;
  /** The asker's person index, or ANONYMOUS: for leadership figures only, never shown. */
  by: number;
}

export interface AnsweredQuestionFact {
  pageId: string;
  url: string;
  askedAt: number;
  answeredAt: number;
  /** When a leader answered (epoch ms), if one did. */
  leaderAnsweredAt: number | null;
}

/** Open questions (asked, no reply and no "this helped" yet) and recently answered ones (for median times). */
export interface QuestionsState {
  open: OpenQuestionFact[];
  answered: AnsweredQuestionFact[];
}

// ---------- the query and the report: what leaves the server ----------

/** A cohort: everyone, a top-level department, a hierarchy band, a pilot group, or a pilot's control group. */
export type CohortKind = 'all' | 'department' | 'band' | 'pilot' | 'control';

export interface InsightsQuery {
  /** First and last day, both included. */
  from: Day;
  to: Day;
  /** A section id; null: the whole intranet; '' : the rest of the intranet (pages no section covers). */
  section: string | null;
  /** One page instead (its id); overrides section. */
  pageId: string | null;
  /** The cohort the trend follows ('all', 'department:<name>', 'band:staff', 'pilot:<groupId>', 'control:<groupId>'). */
  cohort: string;
  /** A question counts as unanswered after this many hours without a reply or a "this helped". */
  unansweredAfterHours: number;
}

/** A figure, or null when it describes fewer than K people (shown as "< 5"). */
export type Figure = number | null;

export interface Funnel {
  /** People in the cohort who may see the scope (the section's audience). */
  inScope: Figure;
  /** Opened a thread in scope. */
  readers: Figure;
  /** Liked in scope. */
  reactors: Figure;
  /** Wrote a named comment or reply in scope. */
  contributors: Figure;
}

export interface CohortFunnel {
  id: string;
  kind: CohortKind;
  /** A department's name, a band id, a group's name; '' for everyone. */
  label: string;
  funnel: Funnel;
  /** The previous period of the same length. */
  previous: Funnel;
}

export interface WeekFunnel {
  /** ISO week 'YYYY-Www'. */
  week: string;
  from: Day;
  to: Day;
  funnel: Funnel;
}

export interface SectionRow {
  /** null: the rest of the intranet. */
  id: string | null;
  name: string;
  mode: 'off' | 'read' | 'on';
  funnel: Funnel;
  comments: Figure;
  likes: Figure;
}

export interface PageRow {
  pageId: string;
  url: string;
  title: string;
  section: string | null;
  readers: Figure;
  writers: Figure;
  comments: Figure;
  likes: Figure;
}

export interface OpenQuestion {
  pageId: string;
  commentId: string;
  url: string;
  title: string;
  section: string | null;
  askedAt: number;
  excerpt: string;
}

export interface AnswerTime {
  section: string | null;
  name: string;
  questions: Figure;
  answered: Figure;
  /** Median hours to the first answer; null when fewer than K questions were answered. */
  medianHours: number | null;
}

export interface Topic {
  /** What people wrote (the most used form of the stemmed term or phrase). */
  term: string;
  lang: 'nl' | 'en';
  /** TF-IDF weight against the whole intranet (higher: more typical of this scope). */
  score: number;
  /** Different people who used it (always ≥ K: fewer and the topic is not shown). */
  people: number;
  /** The threads it comes from, most uses first (pages every member may read). */
  pages: { pageId: string; url: string; title: string; uses: number }[];
}

/** Replies from row to column (hierarchy bands, or top-level departments). */
export interface ReplyMatrix {
  axis: string[];
  /** replies[from][to]; null where fewer than K people replied. */
  replies: Figure[][];
  /** Per column (the askers' group): share of its top-level comments that got a reply (0..1); null when suppressed. */
  replyRate: (number | null)[];
  /** Per column: median hours to a reply; null when suppressed. */
  medianHours: (number | null)[];
}

export interface Leadership {
  /** Questions asked on pages where a leader took part this period. */
  questions: Figure;
  /** Of those, answered by a leader. */
  leaderAnswered: Figure;
  medianHours: number | null;
  /** Leaders (role leader, or the management band) in the directory. */
  leaders: Figure;
  /** Of them, read, liked or wrote this period. */
  leadersTakingPart: Figure;
}

export interface InsightsReport {
  query: InsightsQuery;
  previousFrom: Day;
  previousTo: Day;
  k: number;
  generatedAt: number;
  /** The last day the rollup has folded in (null: never ran). */
  builtUpTo: Day | null;
  sections: SectionRow[];
  cohorts: CohortFunnel[];
  trend: WeekFunnel[];
  topPages: PageRow[];
  quietPages: PageRow[];
  unanswered: OpenQuestion[];
  answerTimes: AnswerTime[];
  topics: Topic[];
  bands: ReplyMatrix;
  departments: ReplyMatrix;
  leadership: Leadership;
  /** Anonymous posts in scope (counted, attributed to nobody). */
  anonymousPosts: Figure;
  /** Documents the server read to build this report (the budget is ≤ 100). */
  reads: number;
}
