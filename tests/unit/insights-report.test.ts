// The report on a small organisation: pilot against control, groups under k, suppression that
// subtraction cannot undo, empty periods, a section just switched on, and the tables around them.
import { emptyPage } from '../../lib/core/insights/fold';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../lib/core/insights/report';
import type { ReportInput } from '../../lib/core/insights/report';
import { leadership, replyMatrix } from '../../lib/core/insights/report-replies';
import { ANONYMOUS, BANDS } from '../../lib/core/insights/model';
import type { ActivitySummary, CohortFunnel, Funnel, InsightPerson, InsightsQuery, InsightsReport, PageActivity } from '../../lib/core/insights/model';
import type { TopicsInput } from '../../lib/core/insights/topics';
import { ALL_FEATURES } from '../../lib/core/rollout';
import type { PilotGroup, Rollout, SectionSetting } from '../../lib/core/rollout';

// ---------- the organisation ----------
// Zorg: z0 (level 2: management) and z1..z7 (staff); a leaver z8. Welzijn: w0..w5 (staff).
// Bedrijfsvoering: b0..b3 (middle). No department: n0, n1 (level unknown). 20 active people.
const person = (uid: string, department: string | null, level: number | null, extra: Partial<InsightPerson> = {}): InsightPerson => ({
  uid,
  departmentPath: department ? [department, 'Team'] : [],
  level,
  leader: false,
  active: true,
  ...extra,
});
const PEOPLE: InsightPerson[] = [
  person('z0', 'Zorg', 2),
  ...[1, 2, 3, 4, 5, 6, 7].map((i) => person(`z${i}`, 'Zorg', 4)),
  ...[0, 1, 2, 3, 4, 5].map((i) => person(`w${i}`, 'Welzijn', 4)),
  ...[0, 1, 2, 3].map((i) => person(`b${i}`, 'Bedrijfsvoering', 3)),
  person('n0', null, null),
  person('n1', null, null),
  person('z8', 'Zorg', 4, { active: false }),
];
const idx = (uid: string) => PEOPLE.findIndex((p) => p.uid === uid);
const ids = (...uids: string[]) => uids.map(idx).sort((a, b) => a - b);
const Z = (...n: number[]) => n.map((i) => `z${i}`);
const W = (...n: number[]) => n.map((i) => `w${i}`);
const B = (...n: number[]) => n.map((i) => `b${i}`);

const section = (name: string, extra: Partial<SectionSetting> = {}): SectionSetting => ({
  name,
  kind: 'section',
  prefixes: [],
  pages: [],
  mode: 'on',
  features: ALL_FEATURES,
  pilotGroups: [],
  othersSee: 'off',
  ...extra,
});
const group = (name: string, members: PilotGroup['members'], control: PilotGroup['control']): PilotGroup => ({
  name,
  members,
  control,
  from: '2026-10-01',
  until: '2026-10-31',
  ambassadors: [],
  fromAt: 0,
  untilAt: 1,
  departmentPattern: '',
});
// Pilot g1 (Zorg) ended before the report was made: it still counts for the period.
const ROLLOUT: Rollout = {
  rest: { mode: 'read', features: ALL_FEATURES },
  sections: {
    hr: section('HR', { prefixes: ['https://intranet/hr/'], pilotGroups: ['g1'] }),
    it: section('IT', { prefixes: ['https://intranet/it/'] }),
    new: section('Nieuw', { prefixes: ['https://intranet/new/'] }),
    dicht: section('Dicht', { prefixes: ['https://intranet/dicht/'], mode: 'off' }),
  },
  groups: {
    g1: group('Zorg pilot', { people: [], departments: ['Zorg'] }, { people: [], departments: ['Welzijn'] }),
    g2: group('Vijf mensen', { people: Z(1, 2, 3, 4, 5), departments: [] }, null),
  },
  index: { 'https://intranet/hr/': 'hr', 'https://intranet/it/': 'it', 'https://intranet/new/': 'new', 'https://intranet/dicht/': 'dicht' },
  updatedAt: 0,
};

// ---------- activity ----------
const HR1 = 'https://intranet/hr/verlof.html';
const IT1 = 'https://intranet/it/printer.html';
const REST1 = 'https://intranet/nieuws/a.html';
const page = (url: string, p: Partial<PageActivity> = {}): PageActivity => ({ ...emptyPage(url, url.split('/').pop()!), ...p });
const summary = (id: string, from: string, to: string, pages: Record<string, PageActivity>): ActivitySummary => ({ id, from, to, pages, forms: {}, langs: {} });

// The period: 2026-11-02 (Monday) .. 2026-11-15 (Sunday), read as week 45 and one day of week 46.
const WEEK45 = summary('2026-W45', '2026-11-02', '2026-11-08', {
  hr1: page(HR1, { readers: ids(...Z(1, 2, 3, 4, 5, 6)), likers: ids('z1', 'z2'), writers: ids('z1'), comments: 1, likes: 2 }),
  rest1: page(REST1, { readers: ids('n0', 'n1', 'z0') }),
});
const DAY1110 = summary('2026-11-10', '2026-11-10', '2026-11-10', {
  it1: page(IT1, {
    readers: ids(...W(0, 1, 2, 3, 4, 5), ...B(0, 1, 2, 3), 'z7'),
    likers: ids(...W(0, 1, 2, 3, 4, 5)),
    writers: ids(...W(0, 1, 2, 3, 4)),
    comments: 3,
    replies: 4,
    anonymous: 1,
    likes: 6,
  }),
});
const PREVIOUS = summary('2026-W43', '2026-10-19', '2026-10-25', {
  hr1: page(HR1, { readers: ids(...Z(1, 2, 3, 4, 5)) }),
  itOld: page('https://intranet/it/oud.html', { readers: ids(...W(0, 1, 2, 3, 4, 5), 'z7') }),
  dicht1: page('https://intranet/dicht/x.html', { readers: ids(...W(0, 1, 2)) }),
});

const NOW = Date.parse('2026-11-16T08:00:00Z');
const HOUR = 3600 * 1000;
const query = (q: Partial<InsightsQuery> = {}): InsightsQuery => ({
  from: '2026-11-02',
  to: '2026-11-15',
  section: null,
  pageId: null,
  cohort: 'all',
  unansweredAfterHours: 48,
  ...q,
});
const input = (extra: Partial<ReportInput> = {}): ReportInput => ({
  query: query(),
  current: [WEEK45, DAY1110],
  previous: [PREVIOUS],
  people: PEOPLE,
  rollout: ROLLOUT,
  questions: { open: [], answered: [] },
  builtUpTo: '2026-11-15',
  now: NOW,
  reads: 7,
  rankTopics: () => [],
  ...extra,
});
const cohort = (report: InsightsReport, id: string): CohortFunnel => {
  const found = report.cohorts.find((c) => c.id === id);
  if (!found) throw new Error(`no cohort ${id}`);
  return found;
};
const NULL: Funnel = { inScope: null, readers: null, reactors: null, contributors: null };

/** Every number in the report is finite (no NaN from a division by zero). */
function numbersIn(value: unknown): number[] {
  if (typeof value === 'number') return [value];
  if (Array.isArray(value)) return value.flatMap(numbersIn);
  if (value && typeof value === 'object') return Object.values(value).flatMap(numbersIn);
  return [];
}

describe('buildReport: pilot against control', () => {
  const report = buildReport(input({ query: query({ section: 'hr' }) }));

  it('counts the pilot group’s members in scope and their funnel', () => {
    expect(cohort(report, 'pilot:g1').funnel).toEqual({ inScope: 8, readers: 6, reactors: null, contributors: null });
  });
  it('counts the control group in scope though it never sees the section, and shows its zeros', () => {
    expect(cohort(report, 'control:g1').funnel).toEqual({ inScope: 6, readers: 0, reactors: 0, contributors: 0 });
  });
  it('labels pilot and control cohorts with the group’s name', () => {
    expect([cohort(report, 'pilot:g1').label, cohort(report, 'control:g1').kind]).toEqual(['Zorg pilot', 'control']);
  });
  it('leaves people outside the pilot out of scope when others see nothing', () => {
    expect(cohort(report, 'all').funnel.inScope).toBe(8);
  });
  it('counts others in scope when they may read', () => {
    const open: Rollout = { ...ROLLOUT, sections: { ...ROLLOUT.sections, hr: { ...ROLLOUT.sections.hr!, othersSee: 'read' } } };
    // Everyone but the control group (Welzijn, 6): 20 − 6.
    expect(cohort(buildReport(input({ rollout: open, query: query({ section: 'hr' }) })), 'all').funnel.inScope).toBe(14);
  });
  it('shows only the pilot groups of the section in scope', () => {
    expect(report.cohorts.some((c) => c.id === 'pilot:g2')).toBe(false);
  });
  it('compares with the previous period', () => {
    expect(cohort(report, 'pilot:g1').previous).toEqual({ inScope: 8, readers: 5, reactors: 0, contributors: 0 });
  });
  it('reports the previous period’s dates', () => {
    expect([report.previousFrom, report.previousTo]).toEqual(['2026-10-19', '2026-11-01']);
  });
});

describe('buildReport: groups under k', () => {
  const report = buildReport(input());

  it('suppresses a department under k entirely, now and before', () => {
    const bv = cohort(report, 'department:Bedrijfsvoering');
    expect([bv.funnel, bv.previous]).toEqual([NULL, NULL]);
  });
  it('suppresses a band of one manager entirely', () => {
    expect(cohort(report, 'band:management').funnel).toEqual(NULL);
  });
  it('hides the staff band’s size in a section where only the manager is the difference', () => {
    // In HR: everyone in scope is Zorg (8): 7 staff and 1 manager. 8 − 7 would show the manager.
    const hr = buildReport(input({ query: query({ section: 'hr' }) }));
    expect(cohort(hr, 'all').funnel.inScope).toBe(8);
    expect(cohort(hr, 'band:staff').funnel.inScope).toBeNull();
  });
  it('hides a department’s figure that subtraction from everyone’s would otherwise give away', () => {
    // Writers: z1 (Zorg) and w0..w4 (Welzijn): everyone 6, Welzijn 5 would leave Zorg’s single writer.
    expect(cohort(report, 'all').funnel.contributors).toBe(6);
    expect(cohort(report, 'department:Welzijn').funnel.contributors).toBeNull();
    expect(cohort(report, 'department:Zorg').funnel.contributors).toBeNull();
  });
  it('lets no department or band figure be recovered from everyone’s by subtraction', () => {
    const all = cohort(report, 'all');
    for (const kind of ['department', 'band']) {
      const parts = report.cohorts.filter((c) => c.kind === kind);
      for (const period of ['funnel', 'previous'] as const) {
        for (const stage of ['inScope', 'readers', 'reactors', 'contributors'] as const) {
          const total = all[period][stage];
          // A total of 0 says "nobody" of every part: nothing to protect.
          if (total === null || total === 0 || parts.every((p) => p[period][stage] !== null)) continue;
          const recovered = total - parts.reduce((sum, p) => sum + (p[period][stage] ?? 0), 0);
          expect(recovered, `${kind} ${period} ${stage}`).toBeGreaterThanOrEqual(5);
        }
      }
    }
  });
  it('shows a pilot group of exactly k people', () => {
    expect(cohort(report, 'pilot:g2').funnel).toEqual({ inScope: 5, readers: 5, reactors: null, contributors: null });
  });
  it('suppresses the same group with k − 1 people entirely', () => {
    const four: Rollout = { ...ROLLOUT, groups: { ...ROLLOUT.groups, g2: { ...ROLLOUT.groups.g2!, members: { people: Z(1, 2, 3, 4), departments: [] } } } };
    expect(cohort(buildReport(input({ rollout: four })), 'pilot:g2').funnel).toEqual(NULL);
  });
  it('shows that group of 4 with k = 4', () => {
    const four: Rollout = { ...ROLLOUT, groups: { ...ROLLOUT.groups, g2: { ...ROLLOUT.groups.g2!, members: { people: Z(1, 2, 3, 4), departments: [] } } } };
    const report4 = buildReport(input({ rollout: four, k: 4 }));
    expect(report4.k).toBe(4);
    expect(cohort(report4, 'pilot:g2').funnel.inScope).toBe(4);
  });
  it('hides a pilot group’s figures when everyone minus the group would describe fewer than k people', () => {
    const allButOne: Rollout = {
      ...ROLLOUT,
      groups: { ...ROLLOUT.groups, g3: group('Bijna iedereen', { people: ['n0'], departments: ['Zorg', 'Welzijn', 'Bedrijfsvoering'] }, null) },
    };
    const r = buildReport(input({ rollout: allButOne }));
    expect(cohort(r, 'all').funnel.inScope).toBe(20);
    expect(cohort(r, 'pilot:g3').funnel.inScope).toBeNull();
    expect(cohort(r, 'pilot:g3').funnel.readers).toBeNull();
  });
  it('does not count a leaver in scope', () => {
    expect(cohort(report, 'department:Zorg').funnel.inScope).toBe(8);
  });
});

describe('buildReport: no data', () => {
  const report = buildReport(input({ current: [], previous: [] }));

  it('is a report full of zeros for everyone', () => {
    expect(cohort(report, 'all').funnel).toEqual({ inScope: 20, readers: 0, reactors: 0, contributors: 0 });
  });
  it('has empty lists where there is nothing to list', () => {
    expect([report.topPages, report.quietPages, report.unanswered, report.topics]).toEqual([[], [], [], []]);
  });
  it('divides by zero nowhere', () => {
    expect(numbersIn(report).every(Number.isFinite)).toBe(true);
    expect(report.bands.replyRate).toEqual([null, null, null]);
  });
  it('still has a row for every section and the rest', () => {
    expect(report.sections.map((s) => s.id)).toEqual(['dicht', 'hr', 'it', 'new', null]);
  });
  it('passes builtUpTo, now and reads through', () => {
    expect([report.builtUpTo, report.generatedAt, report.reads]).toEqual(['2026-11-15', NOW, 7]);
  });
  it('works without people or sections at all', () => {
    const bare = buildReport(input({ people: [], rollout: { ...ROLLOUT, sections: {}, groups: {}, index: {} }, current: [], previous: [] }));
    expect(cohort(bare, 'all').funnel).toEqual(NULL);
    expect(bare.leadership).toEqual({ questions: 0, leaderAnswered: 0, medianHours: null, leaders: 0, leadersTakingPart: 0 });
  });
});

describe('buildReport: a section just switched on', () => {
  const report = buildReport(input({ query: query({ section: 'new' }) }));

  it('has everyone in scope and nobody active yet', () => {
    expect(cohort(report, 'all').funnel).toEqual({ inScope: 20, readers: 0, reactors: 0, contributors: 0 });
  });
  it('has no pages, topics or questions', () => {
    expect([report.topPages, report.quietPages, report.unanswered]).toEqual([[], [], []]);
  });
  it('shows its section row with zero volumes', () => {
    const row = report.sections.find((s) => s.id === 'new')!;
    expect([row.mode, row.comments, row.likes, row.funnel.readers]).toEqual(['on', 0, 0, 0]);
  });
});

describe('buildReport: scopes', () => {
  it('takes the rest of the intranet for section ""', () => {
    const report = buildReport(input({ query: query({ section: '' }) }));
    expect(report.topPages.map((p) => p.pageId)).toEqual(['rest1']);
  });
  it('takes one page for pageId, whatever the section says', () => {
    const report = buildReport(input({ query: query({ section: 'hr', pageId: 'it1' }) }));
    expect(report.topPages.map((p) => p.pageId)).toEqual(['it1']);
    expect(cohort(report, 'all').funnel.readers).toBe(11);
  });
  it('takes every page for the whole intranet', () => {
    expect(buildReport(input()).topPages.map((p) => p.pageId)).toEqual(['it1', 'hr1', 'rest1']);
  });
});

describe('buildReport: trend', () => {
  it('has one funnel per ISO week of the period', () => {
    const report = buildReport(input());
    expect(report.trend.map((w) => [w.week, w.from, w.to, w.funnel.readers])).toEqual([
      ['2026-W45', '2026-11-02', '2026-11-08', 9],
      ['2026-W46', '2026-11-09', '2026-11-15', 11],
    ]);
  });
  it('clips the weeks at the edges to the period', () => {
    const report = buildReport(input({ query: query({ from: '2026-11-04', to: '2026-11-10' }) }));
    expect(report.trend.map((w) => [w.week, w.from, w.to])).toEqual([
      ['2026-W45', '2026-11-04', '2026-11-08'],
      ['2026-W46', '2026-11-09', '2026-11-10'],
    ]);
  });
  it('follows the query’s cohort, suppressed the same way', () => {
    const report = buildReport(input({ query: query({ cohort: 'department:Bedrijfsvoering' }) }));
    expect(report.trend.map((w) => w.funnel)).toEqual([NULL, NULL]);
  });
  it('is empty for an unknown cohort', () => {
    expect(buildReport(input({ query: query({ cohort: 'department:Nergens' }) })).trend).toEqual([]);
  });
});

describe('buildReport: sections and pages', () => {
  const report = buildReport(input());
  const row = (id: string | null) => report.sections.find((s) => s.id === id)!;

  it('shows a section’s volumes when enough people are behind them (writers and anonymous as one)', () => {
    expect([row('it').comments, row('it').likes]).toEqual([7, 6]);
  });
  it('hides a section’s volumes made by fewer than k people', () => {
    expect([row('hr').comments, row('hr').likes]).toEqual([null, null]);
  });
  it('gives a section that is off no one in scope', () => {
    expect([row('dicht').mode, row('dicht').funnel]).toEqual(['off', NULL]);
  });
  it('gives a section’s funnel for everyone who may see it', () => {
    expect(row('it').funnel).toEqual({ inScope: 20, readers: 11, reactors: 6, contributors: 5 });
  });
  it('suppresses a page’s figures by the people behind each', () => {
    const hr1 = report.topPages.find((p) => p.pageId === 'hr1')!;
    expect(hr1).toMatchObject({ section: 'hr', readers: 6, writers: null, comments: null, likes: null });
  });
  it('lists quiet pages: read before, nothing now, in a section that shows', () => {
    expect(report.quietPages.map((p) => [p.pageId, p.section, p.readers])).toEqual([['itOld', 'it', 0]]);
  });
  it('counts anonymous posts only from k up', () => {
    expect(report.anonymousPosts).toBeNull();
    const many = summary('2026-11-11', '2026-11-11', '2026-11-11', { it2: page('https://intranet/it/b.html', { comments: 5, anonymous: 5 }) });
    expect(buildReport(input({ current: [WEEK45, DAY1110, many] })).anonymousPosts).toBe(6);
  });
});

describe('buildReport: questions', () => {
  const open = (commentId: string, pageId: string, url: string, hoursAgo: number) => ({
    pageId,
    commentId,
    url,
    title: 't',
    askedAt: NOW - hoursAgo * HOUR,
    excerpt: `Vraag ${commentId}?`,
    by: 3,
  });
  const questions = {
    open: [open('q1', 'hr1', HR1, 72), open('q2', 'it1', IT1, 30), open('q3', 'rest1', REST1, 100)],
    answered: [1, 2, 3, 4, 5].map((h) => ({
      pageId: 'it1',
      url: IT1,
      askedAt: Date.parse('2026-11-10T09:00:00Z'),
      answeredAt: Date.parse('2026-11-10T09:00:00Z') + h * HOUR,
      leaderAnsweredAt: null,
    })),
  };

  it('lists open questions older than the threshold, oldest first, without their author', () => {
    const report = buildReport(input({ questions }));
    expect(report.unanswered.map((q) => [q.commentId, q.section])).toEqual([
      ['q3', null],
      ['q1', 'hr'],
    ]);
    expect(report.unanswered.every((q) => !('by' in q))).toBe(true);
  });
  it('lists only the open questions in scope', () => {
    expect(buildReport(input({ questions, query: query({ section: 'hr' }) })).unanswered.map((q) => q.commentId)).toEqual(['q1']);
  });
  it('gives each section its questions asked in the period, answered, and the median hours', () => {
    const it = buildReport(input({ questions })).answerTimes.find((a) => a.section === 'it')!;
    expect(it).toEqual({ section: 'it', name: 'IT', questions: 6, answered: 5, medianHours: 3 });
  });
  it('leaves the median out with fewer than k answered', () => {
    const few = { ...questions, answered: questions.answered.slice(0, 4) };
    expect(buildReport(input({ questions: few })).answerTimes.find((a) => a.section === 'it')).toMatchObject({ answered: null, medianHours: null });
  });
});

describe('buildReport: topics', () => {
  it('ranks the scope’s pages against every page, with k and a limit of 20', () => {
    let seen: TopicsInput | undefined;
    const topic = { term: 'verlof', lang: 'nl' as const, score: 1, people: 5, pages: [] };
    const report = buildReport(
      input({
        query: query({ section: 'hr' }),
        rankTopics: (i) => {
          seen = i;
          return [topic];
        },
      }),
    );
    expect(report.topics).toEqual([topic]);
    expect(Object.keys(seen!.scope)).toEqual(['hr1']);
    expect(Object.keys(seen!.all).sort()).toEqual(['hr1', 'it1', 'rest1']);
    expect([seen!.k, seen!.limit]).toEqual([5, 20]);
  });
});

// ---------- reply matrices and leadership, on their own ----------

describe('replyMatrix', () => {
  // Groups: staff 0..5, middle 6..11; anonymous askers too.
  const groupOf = (i: number) => (i < 6 ? 0 : i < 12 ? 1 : -1);
  const answer = (parentId: string, from: number, to: number, seconds: number) => ({ parentId, from, to, seconds, question: true });
  const starts = [6, 7, 8, 9, 10].map((by) => ({ id: `s${by}`, by, question: true, at: 0 }));
  const pages = {
    p: page(HR1, {
      starts: [...starts, { id: 'anon', by: ANONYMOUS, question: true, at: 0 }, { id: 's0', by: 0, question: false, at: 0 }],
      answers: [
        ...[0, 1, 2, 3, 4].map((from) => answer(`s${from + 6}`, from, from + 6, 3600 * (from + 1))),
        answer('s6', 7, 6, 60),
        answer('anon', 0, ANONYMOUS, 60),
      ],
    }),
  };
  const m = replyMatrix(['staff', 'middle'], groupOf, pages, 5);

  it('counts replies from row to column when k people replied', () => {
    expect(m.replies[0]![1]).toBe(5);
  });
  it('hides a cell where fewer than k people replied', () => {
    expect(m.replies[1]![1]).toBeNull();
  });
  it('shows an empty cell as 0', () => {
    expect(m.replies[1]![0]).toBe(0);
  });
  it('puts anonymous askers in no column', () => {
    expect(m.replies[0]![0]).toBe(0);
  });
  it('gives a column its reply rate when k people started threads', () => {
    expect(m.replyRate).toEqual([null, 1]);
  });
  it('gives a column its median hours to the first answer', () => {
    // First answers: s6 after 60 s, s7 2 h, s8 3 h, s9 4 h, s10 5 h.
    expect(m.medianHours).toEqual([null, 3]);
  });
  it('keeps the axis it is given', () => {
    expect(replyMatrix([...BANDS], () => -1, {}, 5).axis).toEqual(['staff', 'middle', 'management']);
  });
});

describe('leadership', () => {
  const people = [...Array.from({ length: 7 }, (_, i) => person(`l${i}`, 'Zorg', 2)), ...Array.from({ length: 5 }, (_, i) => person(`s${i}`, 'Zorg', 4))];
  const q = (id: string) => ({ id, by: 8, question: true, at: 0 });
  const pages = {
    led: page(HR1, {
      writers: [0, 8],
      starts: [q('a'), q('b'), q('c'), q('d'), q('e'), q('f'), { id: 'g', by: 9, question: false, at: 0 }],
      answers: ['a', 'b', 'c', 'd', 'e'].map((id, i) => ({ parentId: id, from: 0, to: 8, seconds: 3600 * (i + 1), question: true })),
    }),
    unled: page(IT1, { writers: [9], starts: [q('x')] }),
  };

  it('counts questions on pages where a leader wrote, and those a leader answered', () => {
    const l = leadership(pages, { ...pages, r: page(REST1, { readers: [0, 1, 2, 3, 4, 5, 6] }) }, people, 5);
    expect([l.questions, l.leaderAnswered, l.medianHours]).toEqual([6, 5, 3]);
  });
  it('shows leaders taking part when both they and those not taking part are 0 or ≥ k', () => {
    const l = leadership(pages, { r: page(REST1, { readers: [0, 1, 2, 3, 4, 5, 6] }) }, people, 5);
    expect([l.leaders, l.leadersTakingPart]).toEqual([7, 7]);
  });
  it('hides leaders taking part when those not taking part are fewer than k', () => {
    const l = leadership(pages, { r: page(REST1, { readers: [0, 1, 2, 3, 4] }) }, people, 5);
    expect([l.leaders, l.leadersTakingPart]).toEqual([7, null]);
  });
  it('hides everything about leaders when there are fewer than k', () => {
    const l = leadership({}, {}, people.slice(3), 5);
    expect([l.leaders, l.leadersTakingPart]).toEqual([null, null]);
  });
});
