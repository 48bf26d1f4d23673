// A realistic insights report for the demo organisation, Gemeente Lindeveen (about 400 staff on
// its intranet "Lindenet"): sections HR (a pilot for the HR-pilot group, Financiën its control
// group) and ICT (read only), four weeks from Monday 26 October to Sunday 22 November 2026. Some
// figures are suppressed (null: fewer than 5 people), as the server sends them: a week's
// contributors, a small pilot group entirely, matrix cells, a section's median. The console's
// view renders it before the server exists (tests/e2e/console-insights.test.ts answers the callable with
// it), and unit tests check tables and CSV against it.
import { DEMO_PORTS } from '../../demo/ports';
import type { CohortFunnel, Funnel, InsightsQuery, InsightsReport, PageRow } from '../../lib/core/insights/model';

const INTRANET = `http://127.0.0.1:${DEMO_PORTS.intranet}`;

/** The period the fixture is about, as the view's URL has it. */
export const FIXTURE_PERIOD = { from: '2026-10-26', to: '2026-11-22' } as const;

/** The demo pilot group's id (scripts/seed.ts seedPilot: "HR-pilot"). */
export const FIXTURE_PILOT = 'g-HR-pilot';

const f = (inScope: number | null, readers: number | null, reactors: number | null, contributors: number | null): Funnel => ({
  inScope,
  readers,
  reactors,
  contributors,
});

const cohort = (id: string, kind: CohortFunnel['kind'], label: string, funnel: Funnel, previous: Funnel): CohortFunnel => ({
  id,
  kind,
  label,
  funnel,
  previous,
});

const at = (day: string, time: string) => Date.parse(`${day}T${time}:00+01:00`);

const page = (
  path: string,
  title: string,
  section: string | null,
  readers: number | null,
  writers: number | null,
  comments: number | null,
  likes: number | null,
): PageRow => ({
  pageId: `p-${path.replace(/[^a-z0-9]+/gi, '-')}`,
  url: `${INTRANET}${path}`,
  title,
  section,
  readers,
  writers,
  comments,
  likes,
});

/** The period of the same length just before the query's, as the server compares with. */
function previousPeriod(q: InsightsQuery): { previousFrom: string; previousTo: string } {
  const day = (s: string) => Date.parse(`${s}T00:00:00Z`);
  const length = (day(q.to) - day(q.from)) / 86_400_000 + 1;
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return { previousFrom: iso(day(q.from) - length * 86_400_000), previousTo: iso(day(q.from) - 86_400_000) };
}

/** The report for `query` (its own period and filter unless given): what insightsReport answers. */
export function insightsFixture(query: Partial<InsightsQuery> = {}): InsightsReport {
  const q: InsightsQuery = { ...FIXTURE_PERIOD, section: null, pageId: null, cohort: 'all', unansweredAfterHours: 48, ...query };
  return {
    query: q,
    ...previousPeriod(q),
    k: 5,
    generatedAt: at('2026-11-23', '07:15'),
    builtUpTo: '2026-11-22',
    sections: [
      { id: 'HR', name: 'HR', mode: 'on', funnel: f(38, 31, 14, 7), comments: 26, likes: 58 },
      { id: 'ICT', name: 'ICT', mode: 'read', funnel: f(412, 187, 22, null), comments: 9, likes: 31 },
      { id: null, name: '', mode: 'on', funnel: f(412, 214, 49, 16), comments: 41, likes: 96 },
    ],
    cohorts: [
      cohort('all', 'all', '', f(412, 268, 71, 23), f(409, 231, 58, 19)),
      cohort('department:Bedrijfsvoering', 'department', 'Bedrijfsvoering', f(138, 102, 31, 11), f(136, 90, 24, 8)),
      cohort('department:Bestuur en staf', 'department', 'Bestuur en staf', f(41, 33, 12, null), f(40, 28, 9, null)),
      cohort('department:Dienstverlening', 'department', 'Dienstverlening', f(96, 58, 12, 5), f(95, 51, 10, null)),
      cohort('department:Sociaal Domein', 'department', 'Sociaal Domein', f(60, 30, 7, null), f(60, 26, 6, null)),
      cohort('department:Ruimte', 'department', 'Ruimte', f(77, 45, 9, null), f(78, 36, 9, null)),
      cohort('band:staff', 'band', 'staff', f(352, 224, 54, 15), f(350, 193, 44, 12)),
      cohort('band:middle', 'band', 'middle', f(44, 32, 12, 6), f(43, 27, 10, 5)),
      cohort('band:management', 'band', 'management', f(16, 12, 5, null), f(16, 11, null, null)),
      cohort(`pilot:${FIXTURE_PILOT}`, 'pilot', 'HR-pilot', f(38, 31, 14, 7), f(37, 20, 6, null)),
      cohort(`control:${FIXTURE_PILOT}`, 'control', 'HR-pilot', f(35, 19, null, null), f(35, 18, null, null)),
      // A group of four: everything suppressed, the whole row reads "< 5".
      cohort('pilot:g-ICT-proef', 'pilot', 'ICT-proef', f(null, null, null, null), f(null, null, null, null)),
    ],
    trend: [
      { week: '2026-W44', from: '2026-10-26', to: '2026-11-01', funnel: f(410, 142, 31, null) },
      { week: '2026-W45', from: '2026-11-02', to: '2026-11-08', funnel: f(411, 156, 38, 9) },
      { week: '2026-W46', from: '2026-11-09', to: '2026-11-15', funnel: f(412, 171, 44, 12) },
      { week: '2026-W47', from: '2026-11-16', to: '2026-11-22', funnel: f(412, 165, 40, 11) },
    ],
    topPages: [
      page('/hr/verlofregeling.html', 'Verlofregeling 2026', 'HR', 88, 14, 19, 41),
      page('/ict/helpdesk.html', 'Helpdesk ICT: storingen en vragen', 'ICT', 121, 6, 9, 23),
      page('/nieuws/2026-11-personeelsfeest.html', 'Personeelsfeest 12 december', null, 164, 11, 17, 52),
      page('/beleid/informatiebeveiliging.html', 'Informatiebeveiligingsbeleid', null, 57, null, 6, 11),
      page('/afdelingen/communicatie.html', 'Afdeling Communicatie', null, 34, null, 3, 8),
    ],
    quietPages: [
      page('/telefoonlijst.html', 'Telefoonlijst', null, 96, null, 0, null),
      page('/hr/verlof-2019.html', 'Verlofregeling 2019 (archief)', 'HR', 23, 0, 0, 0),
    ],
    unanswered: [
      {
        pageId: 'p-hr-verlofregeling',
        commentId: 'c-17',
        url: `${INTRANET}/hr/verlofregeling.html`,
        title: 'Verlofregeling 2026',
        section: 'HR',
        askedAt: at('2026-11-16', '09:12'),
        excerpt: 'Tellen de feestdagen in de kerstweek ook mee als verlofuren als je parttime werkt?',
      },
      {
        pageId: 'p-ict-helpdesk',
        commentId: 'c-42',
        url: `${INTRANET}/ict/helpdesk.html`,
        title: 'Helpdesk ICT: storingen en vragen',
        section: 'ICT',
        askedAt: at('2026-11-19', '14:40'),
        excerpt: 'Werkt LindeConnect al op de nieuwe laptops, of moet ik de oude VPN-client blijven gebruiken?',
      },
      {
        pageId: 'p-nieuws-personeelsfeest',
        commentId: 'c-88',
        url: `${INTRANET}/nieuws/2026-11-personeelsfeest.html`,
        title: 'Personeelsfeest 12 december',
        section: null,
        askedAt: at('2026-11-20', '11:05'),
        excerpt: 'Is er ook een vegetarische optie, en tot wanneer kun je je aanmelden?',
      },
    ],
    answerTimes: [
      { section: 'HR', name: 'HR', questions: 14, answered: 12, medianHours: 6.5 },
      { section: 'ICT', name: 'ICT', questions: 22, answered: 21, medianHours: 3.2 },
      { section: null, name: '', questions: 6, answered: null, medianHours: null },
    ],
    topics: [
      {
        term: 'verlofuren',
        lang: 'nl',
        score: 3.1,
        people: 14,
        pages: [
          { pageId: 'p-hr-verlofregeling', url: `${INTRANET}/hr/verlofregeling.html`, title: 'Verlofregeling 2026', uses: 23 },
          { pageId: 'p-hr-verlof-2019', url: `${INTRANET}/hr/verlof-2019.html`, title: 'Verlofregeling 2019 (archief)', uses: 2 },
        ],
      },
      {
        term: 'LindeConnect',
        lang: 'nl',
        score: 2.7,
        people: 11,
        pages: [{ pageId: 'p-ict-helpdesk', url: `${INTRANET}/ict/helpdesk.html`, title: 'Helpdesk ICT: storingen en vragen', uses: 15 }],
      },
      {
        term: 'thuiswerken',
        lang: 'nl',
        score: 2.2,
        people: 9,
        pages: [
          { pageId: 'p-ict-helpdesk', url: `${INTRANET}/ict/helpdesk.html`, title: 'Helpdesk ICT: storingen en vragen', uses: 6 },
          { pageId: 'p-hr-verlofregeling', url: `${INTRANET}/hr/verlofregeling.html`, title: 'Verlofregeling 2026', uses: 4 },
        ],
      },
      {
        term: 'personeelsfeest',
        lang: 'nl',
        score: 1.9,
        people: 17,
        pages: [{ pageId: 'p-nieuws-personeelsfeest', url: `${INTRANET}/nieuws/2026-11-personeelsfeest.html`, title: 'Personeelsfeest 12 december', uses: 21 }],
      },
      {
        term: 'phishing',
        lang: 'en',
        score: 1.4,
        people: 6,
        pages: [
          { pageId: 'p-beleid-informatiebeveiliging', url: `${INTRANET}/beleid/informatiebeveiliging.html`, title: 'Informatiebeveiligingsbeleid', uses: 7 },
        ],
      },
      {
        term: 'declaraties',
        lang: 'nl',
        score: 1.1,
        people: 5,
        pages: [{ pageId: 'p-hr-verlofregeling', url: `${INTRANET}/hr/verlofregeling.html`, title: 'Verlofregeling 2026', uses: 5 }],
      },
    ],
    bands: {
      axis: ['staff', 'middle', 'management'],
      replies: [
        [48, 9, null],
        [17, 6, null],
        [7, null, null],
      ],
      replyRate: [0.62, 0.71, null],
      medianHours: [5.5, 3.1, null],
    },
    departments: {
      axis: ['Bedrijfsvoering', 'Bestuur en staf', 'Dienstverlening', 'Sociaal Domein', 'Ruimte'],
      replies: [
        [31, 6, 9, null, null],
        [8, null, null, null, null],
        [6, null, 11, null, null],
        [null, null, null, 5, null],
        [null, null, null, null, null],
      ],
      replyRate: [0.66, 0.58, 0.61, null, null],
      medianHours: [4.2, 7.9, 5.1, null, null],
    },
    leadership: { questions: 18, leaderAnswered: 7, medianHours: 9.5, leaders: 16, leadersTakingPart: 11 },
    anonymousPosts: 6,
    reads: 41,
  };
}

/** A period without any activity (a fresh start): the same shape, every figure zero, nothing listed. */
export function emptyInsightsFixture(query: Partial<InsightsQuery> = {}): InsightsReport {
  const full = insightsFixture(query);
  const zero = f(412, 0, 0, 0);
  return {
    ...full,
    sections: full.sections.map((s) => ({ ...s, funnel: { ...zero, inScope: s.funnel.inScope }, comments: 0, likes: 0 })),
    cohorts: full.cohorts.filter((c) => c.kind === 'all').map((c) => ({ ...c, funnel: zero, previous: zero })),
    trend: full.trend.map((w) => ({ ...w, funnel: zero })),
    topPages: [],
    quietPages: [],
    unanswered: [],
    answerTimes: [],
    topics: [],
    bands: { axis: [], replies: [], replyRate: [], medianHours: [] },
    departments: { axis: [], replies: [], replyRate: [], medianHours: [] },
    leadership: { questions: 0, leaderAnswered: 0, medianHours: null, leaders: 16, leadersTakingPart: 0 },
    anonymousPosts: 0,
  };
}
