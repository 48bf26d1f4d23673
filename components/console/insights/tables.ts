// Every table of the Insights view, defined once: headers and rows from the report, translated.
// The screen (DataTable), the CSV download and the printed monthly report all render these
// definitions, so what comms sees, downloads and prints can never disagree. A column's kind says
// how a value reads: a null count, share or median is "< 5" (fewer than K people), a share or
// change that cannot be computed is "–".
import { t } from '../../../lib/any/i18n';
import type { Cell } from '../../../lib/core/insights/csv';
import type { CohortFunnel, Funnel, InsightsReport, PageRow, ReplyMatrix, WeekFunnel } from '../../../lib/core/insights/model';
import {
  ageText,
  bandText,
  belowK,
  change,
  changeText,
  cohortKindText,
  cohortText,
  countText,
  hoursText,
  momentText,
  momentValue,
  NOT_APPLICABLE,
  percentText,
  percentValue,
  periodText,
  sectionText,
  share,
} from './figures';

/**
 * text: as it is; count: people or posts (null "< 5"); share: 0..1 (null "< 5", "–");
 * change: a difference (null "–"); hours: a median (null "< 5"); age: hours waited; moment: epoch ms;
 * link: a page (opens in a new tab; in CSV its title and, in a column of its own, its address).
 */
export type ColumnKind = 'text' | 'count' | 'share' | 'change' | 'hours' | 'age' | 'moment' | 'link';

export interface Column {
  header: string;
  kind: ColumnKind;
  /** The group the column belongs to (a pilot, its control group): a header above it on screen, "group: header" in CSV. */
  group?: string;
}

export interface Link {
  text: string;
  href: string;
}

export type Value = string | number | null | Link;

export interface TableDef {
  /** For ids and the CSV file name: 'top-pages'. */
  id: string;
  caption: string;
  columns: Column[];
  /** The first value of each row names it (a row header). */
  rows: Value[][];
  /** Rows whose figures are of another kind than their columns (a matrix's reply-rate row): row index → kind. */
  rowKinds?: Record<number, ColumnKind>;
}

/** How the value in row r, column c reads: the row's kind for its figures if it has one, else the column's. */
export const kindAt = (table: TableDef, r: number, c: number): ColumnKind => (c > 0 ? table.rowKinds?.[r] : undefined) ?? table.columns[c]!.kind;

const isLink = (value: Value): value is Link => typeof value === 'object' && value !== null;

/** A value as it reads on screen and in print (a link: its text). */
export function valueText(kind: ColumnKind, value: Value): string {
  if (isLink(value)) return value.text;
  switch (kind) {
    case 'count':
      return typeof value === 'number' ? countText(value) : value === null ? belowK() : value;
    case 'share':
      return percentText(value);
    case 'change':
      return changeText(value);
    case 'hours':
      return typeof value === 'number' ? hoursText(value) : value === null ? belowK() : value;
    case 'age':
      return typeof value === 'number' ? ageText(value) : (value ?? NOT_APPLICABLE);
    case 'moment':
      return typeof value === 'number' ? momentText(value) : (value ?? NOT_APPLICABLE);
    default:
      return value === null ? belowK() : String(value);
  }
}

/** A value in CSV: numbers stay numbers (Excel sums them), null stays null (toCsv writes "< 5"). */
function csvValue(kind: ColumnKind, value: Value): Cell {
  if (isLink(value)) return value.text;
  switch (kind) {
    case 'share':
      return percentValue(value);
    case 'change':
      return value ?? NOT_APPLICABLE;
    case 'hours':
    case 'age':
      return typeof value === 'number' ? Math.round(value * 10) / 10 : value;
    case 'moment':
      return typeof value === 'number' ? momentValue(value) : value;
    default:
      return value;
  }
}

const CSV_UNITS: Partial<Record<ColumnKind, () => string>> = {
  share: () => t('insightsCsvPercentUnit'),
  hours: () => t('insightsCsvHoursUnit'),
  age: () => t('insightsCsvHoursUnit'),
};

/** The table as CSV rows: the headers first (with their unit), a link as its title and its address. */
export function csvRows(table: TableDef): Cell[][] {
  const header: Cell[] = table.columns.flatMap((c) => {
    const unit = CSV_UNITS[c.kind];
    const full = c.group ? `${c.group}: ${c.header}` : c.header;
    const name = unit ? `${full} (${unit()})` : full;
    return c.kind === 'link' ? [name, t('insightsCsvAddress')] : [name];
  });
  const rows = table.rows.map((row, r) =>
    row.flatMap((value, c): Cell[] => {
      const kind = kindAt(table, r, c);
      return kind === 'link' ? [csvValue(kind, value), isLink(value) ? value.href : ''] : [csvValue(kind, value)];
    }),
  );
  return [header, ...rows];
}

/** The CSV file's name: "prikbord-inzichten-top-pages-2026-10-26-2026-11-22.csv". */
export const csvFileName = (table: TableDef, report: InsightsReport): string =>
  `${t('insightsFilePrefix')}-${table.id}-${report.query.from}-${report.query.to}.csv`;

// ---------- the tables ----------

const col = (header: string, kind: ColumnKind): Column => ({ header, kind });

/** The four steps of a funnel, in order, with their names. */
export const FUNNEL_STEPS = ['inScope', 'readers', 'reactors', 'contributors'] as const satisfies ReadonlyArray<keyof Funnel>;

const STEP_LABELS = { inScope: 'insightsInScope', readers: 'insightsReaders', reactors: 'insightsReactors', contributors: 'insightsContributors' } as const;

export const stepText = (step: keyof Funnel): string => t(STEP_LABELS[step]);

/** The 90-9-1 rule of thumb beside each step (in scope has none). */
const NINETY_NINE_ONE: Record<keyof Funnel, number | null> = { inScope: null, readers: 0.9, reactors: 0.09, contributors: 0.01 };

/** The cohort the funnel and trend follow (the query's), else everyone, else the first. */
export function chosenCohort(report: InsightsReport): CohortFunnel | null {
  return report.cohorts.find((c) => c.id === report.query.cohort) ?? report.cohorts.find((c) => c.kind === 'all') ?? report.cohorts[0] ?? null;
}

/** The funnel: each step's people, share of in scope, the previous period, the change, and 90-9-1. */
export function funnelTable(cohort: CohortFunnel): TableDef {
  return {
    id: 'funnel',
    caption: t('insightsFunnelCaption', cohortText(cohort)),
    columns: [
      col(t('insightsStep'), 'text'),
      col(t('insightsPeople'), 'count'),
      col(t('insightsShareOfScope'), 'share'),
      col(t('insightsPrevious'), 'count'),
      col(t('insightsPreviousShare'), 'share'),
      col(t('insightsChange'), 'change'),
      col(t('insightsReference'), 'share'),
    ],
    rows: FUNNEL_STEPS.map((step) => [
      stepText(step),
      cohort.funnel[step],
      share(cohort.funnel[step], cohort.funnel.inScope),
      cohort.previous[step],
      share(cohort.previous[step], cohort.previous.inScope),
      change(cohort.funnel[step], cohort.previous[step]),
      NINETY_NINE_ONE[step] ?? NOT_APPLICABLE,
    ]),
  };
}

/** Every cohort: the four figures now and in the previous period; a control group right after its pilot. */
export function cohortsTable(report: InsightsReport): TableDef {
  const columns = [col(t('insightsCohort'), 'text'), col(t('insightsKind'), 'text')];
  for (const step of FUNNEL_STEPS) columns.push(col(stepText(step), 'count'), col(t('insightsStepPrevious', stepText(step)), 'count'));
  return {
    id: 'cohorts',
    caption: t('insightsCohortsCaption'),
    columns,
    rows: orderedCohorts(report.cohorts).map((c) => [cohortText(c), cohortKindText(c), ...FUNNEL_STEPS.flatMap((step) => [c.funnel[step], c.previous[step]])]),
  };
}

const KIND_ORDER = { all: 0, department: 1, band: 2, pilot: 3, control: 3 } as const;

/** Everyone, departments, bands, then each pilot group followed by its control group. */
export function orderedCohorts<C extends Pick<CohortFunnel, 'id' | 'kind' | 'label'>>(cohorts: C[]): C[] {
  const groupOf = (c: C) => (c.kind === 'pilot' || c.kind === 'control' ? c.id.slice(c.id.indexOf(':') + 1) : '');
  return [...cohorts].sort(
    (a, b) =>
      KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
      groupOf(a).localeCompare(groupOf(b)) ||
      (a.kind === b.kind ? 0 : a.kind === 'pilot' ? -1 : 1) ||
      cohortText(a).localeCompare(cohortText(b)),
  );
}

/** Pilot groups that have a control group in the report: [pilot, control] pairs. */
export function pilotPairs(report: InsightsReport): Array<[CohortFunnel, CohortFunnel]> {
  return report.cohorts.flatMap((pilot): Array<[CohortFunnel, CohortFunnel]> => {
    if (pilot.kind !== 'pilot') return [];
    const control = report.cohorts.find((c) => c.kind === 'control' && c.id === `control:${pilot.id.slice('pilot:'.length)}`);
    return control ? [[pilot, control]] : [];
  });
}

/** A pilot beside its control group: each step's people and share of in scope, now and before. */
export function pilotVsControlTable(pilot: CohortFunnel, control: CohortFunnel): TableDef {
  const group = (c: CohortFunnel): Column[] => [
    { header: t('insightsPeople'), kind: 'count', group: cohortText(c) },
    { header: t('insightsShare'), kind: 'share', group: cohortText(c) },
    { header: t('insightsPreviousShare'), kind: 'share', group: cohortText(c) },
  ];
  const cells = (c: CohortFunnel, step: keyof Funnel): Value[] => [
    c.funnel[step],
    share(c.funnel[step], c.funnel.inScope),
    share(c.previous[step], c.previous.inScope),
  ];
  return {
    id: `pilot-vs-control-${pilot.label}`,
    caption: t('insightsPilotVsControlCaption', pilot.label),
    columns: [col(t('insightsStep'), 'text'), ...group(pilot), ...group(control)],
    rows: FUNNEL_STEPS.map((step) => [stepText(step), ...cells(pilot, step), ...cells(control, step)]),
  };
}

/** The trend: per week, the cohort's readers, reactors and contributors (and in scope). */
export function trendTable(report: InsightsReport): TableDef {
  const cohort = chosenCohort(report);
  return {
    id: 'trend',
    caption: t('insightsTrendCaption', cohort ? cohortText(cohort) : ''),
    columns: [col(t('insightsWeek'), 'text'), ...FUNNEL_STEPS.map((step) => col(stepText(step), 'count'))],
    rows: report.trend.map((w: WeekFunnel) => [
      t('insightsWeekOf', weekNumber(w.week), periodText(w.from, w.to)),
      ...FUNNEL_STEPS.map((step) => w.funnel[step]),
    ]),
  };
}

/** 'YYYY-Www' → 'ww' without a leading zero. */
const weekNumber = (week: string): string => String(Number(week.split('W')[1] ?? week));

const MODE_TEXT = { off: 'rolloutModeOff', read: 'rolloutModeRead', on: 'rolloutModeOn' } as const;

export function sectionsTable(report: InsightsReport): TableDef {
  return {
    id: 'sections',
    caption: t('insightsSectionsCaption'),
    columns: [
      col(t('insightsSection'), 'text'),
      col(t('insightsSetting'), 'text'),
      ...FUNNEL_STEPS.map((step) => col(stepText(step), 'count')),
      col(t('insightsReadersShare'), 'share'),
      col(t('insightsComments'), 'count'),
      col(t('insightsLikes'), 'count'),
    ],
    rows: report.sections.map((s) => [
      s.id === null ? t('insightsScopeRest') : s.name,
      t(MODE_TEXT[s.mode]),
      ...FUNNEL_STEPS.map((step) => s.funnel[step]),
      share(s.funnel.readers, s.funnel.inScope),
      s.comments,
      s.likes,
    ]),
  };
}

function pagesTable(report: InsightsReport, id: string, caption: string, pages: PageRow[]): TableDef {
  return {
    id,
    caption,
    columns: [
      col(t('insightsPage'), 'link'),
      col(t('insightsSection'), 'text'),
      col(t('insightsReaders'), 'count'),
      col(t('insightsWriters'), 'count'),
      col(t('insightsComments'), 'count'),
      col(t('insightsLikes'), 'count'),
    ],
    rows: pages.map((p) => [{ text: p.title || p.url, href: p.url }, sectionText(report, p.section), p.readers, p.writers, p.comments, p.likes]),
  };
}

export const topPagesTable = (report: InsightsReport): TableDef => pagesTable(report, 'top-pages', t('insightsTopPagesCaption'), report.topPages);
export const quietPagesTable = (report: InsightsReport): TableDef => pagesTable(report, 'quiet-pages', t('insightsQuietPagesCaption'), report.quietPages);

/** Open questions, oldest first; their age at the time the report was made. */
export function unansweredTable(report: InsightsReport): TableDef {
  const oldestFirst = [...report.unanswered].sort((a, b) => a.askedAt - b.askedAt);
  return {
    id: 'unanswered',
    caption: t('insightsUnansweredCaption', report.query.unansweredAfterHours),
    columns: [
      col(t('insightsAsked'), 'moment'),
      col(t('insightsAge'), 'age'),
      col(t('insightsSection'), 'text'),
      col(t('insightsQuestion'), 'text'),
      col(t('insightsPage'), 'link'),
    ],
    rows: oldestFirst.map((q) => [
      q.askedAt,
      Math.max(0, (report.generatedAt - q.askedAt) / 3_600_000),
      sectionText(report, q.section),
      q.excerpt,
      { text: q.title || q.url, href: q.url },
    ]),
  };
}

export function answerTimesTable(report: InsightsReport): TableDef {
  return {
    id: 'answer-times',
    caption: t('insightsAnswerTimesCaption'),
    columns: [
      col(t('insightsSection'), 'text'),
      col(t('insightsQuestions'), 'count'),
      col(t('insightsAnswered'), 'count'),
      col(t('insightsMedianHours'), 'hours'),
    ],
    rows: report.answerTimes.map((a) => [a.section === null ? t('insightsScopeRest') : a.name, a.questions, a.answered, a.medianHours]),
  };
}

/** Topics: what people wrote about, with how many people and the threads it comes from. */
export function topicsTable(report: InsightsReport): TableDef {
  return {
    id: 'topics',
    caption: t('insightsTopicsCaption'),
    columns: [col(t('insightsTopic'), 'text'), col(t('insightsPeople'), 'count'), col(t('insightsThreads'), 'count'), col(t('insightsTopThread'), 'link')],
    rows: report.topics.map((topic) => {
      const first = topic.pages[0];
      return [topic.term, topic.people, topic.pages.length, first ? { text: first.title || first.url, href: first.url } : NOT_APPLICABLE];
    }),
  };
}

/** Who answers whom: replies from each row's group to each column's, then per column the reply rate and median hours. */
export function matrixTable(matrix: ReplyMatrix, id: 'bands' | 'departments'): TableDef {
  const names = matrix.axis.map((name) => (id === 'bands' ? bandText(name) : name));
  return {
    id: `who-answers-whom-${id}`,
    caption: t(id === 'bands' ? 'insightsBandsCaption' : 'insightsDepartmentsCaption'),
    columns: [col(t('insightsFromTo'), 'text'), ...names.map((name) => col(name, 'count'))],
    rows: [
      ...names.map((name, i) => [t('insightsRepliesFrom', name), ...names.map((_, j) => matrix.replies[i]?.[j] ?? null)]),
      [t('insightsReplyRate'), ...names.map((_, j) => matrix.replyRate[j] ?? null)],
      [t('insightsMedianHoursToReply'), ...names.map((_, j) => matrix.medianHours[j] ?? null)],
    ],
    rowKinds: { [names.length]: 'share', [names.length + 1]: 'hours' },
  };
}

/** Leadership responsiveness and management taking part: the figure pair. */
export function leadershipTable(report: InsightsReport): TableDef {
  const l = report.leadership;
  return {
    id: 'leadership',
    caption: t('insightsLeadershipCaption'),
    columns: [
      col(t('insightsMeasure'), 'text'),
      col(t('insightsOf'), 'count'),
      col(t('insightsTotal'), 'count'),
      col(t('insightsShare'), 'share'),
      col(t('insightsMedianHours'), 'hours'),
    ],
    rows: [
      [t('insightsLeadersAnswered'), l.leaderAnswered, l.questions, share(l.leaderAnswered, l.questions), l.medianHours],
      [t('insightsLeadersTakingPart'), l.leadersTakingPart, l.leaders, share(l.leadersTakingPart, l.leaders), NOT_APPLICABLE],
    ],
  };
}
