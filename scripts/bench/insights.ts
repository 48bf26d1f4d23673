// Insights at scale: a simulated organisation of 20,000 employees with 90 days of activity at KPN's
// ratios (scripts/insights/simulate.ts), its summaries built by the same fold the rollup uses
// (lib/core/insights/fold.ts) and written as the rollup writes them (day and ISO-week documents,
// the people table), then the report comms opens — the 90 days, compared with the 90 before (the
// longest preset) and the last 28 — asked through the real callable from a signed-in comms client:
// the documents it reads, and the time until the console has what its first chart needs.
// Then the rollup's own cost for one day: that day's raw facts written as documents and rolled up
// by the server's rollup, its reads and writes counted.
// Quick mode (CI): 2,000 employees, 28 days.
import { httpsCallable } from 'firebase/functions';
import { BUILD_ORG_CONFIG } from '../../lib/any/bundled-org-config';
import { firestoreBytes, MAX_DOCUMENT_BYTES } from '../../lib/core/directory-shards';
import { foldDay, indexPeople, mergeSummaries } from '../../lib/core/insights/fold';
import type { ActivitySummary, InsightPerson, InsightsReport } from '../../lib/core/insights/model';
import { dayOf, isoWeekOf } from '../../lib/core/insights/plan';
import { termsOf } from '../../lib/core/insights/terms';
import { paths } from '../../lib/core/paths';
import { consoleFunctions } from '../../lib/data/console/roles';
import { simulateActivity, simulatePeople, type SimPage } from '../insights/simulate';
import type { BenchSection, Figure } from './figures';
import { percentiles } from './figures';

const DAY_MS = 86_400_000;
const TOPICS: SimPage['topic'][] = ['hr', 'ict', 'news', 'policy', 'general', 'english'];
const DEPARTMENTS = ['Bedrijfsvoering', 'Dienstverlening', 'Ruimte', 'Bestuur en staf', 'Klant en markt', 'Netwerk', 'Staf'].flatMap((top, i) =>
  Array.from({ length: 6 }, (_, j) => ({ path: [top, `Afdeling ${i + 1}.${j + 1}`], weight: 1 + ((i * 7 + j * 3) % 5) })),
);

export const insights: BenchSection = {
  id: 'insights',
  needsEmulators: true,
  async run({ quick }) {
    process.env.GCLOUD_PROJECT ??= BUILD_ORG_CONFIG.firebase.projectId;
    const [{ db }, { seedDemo }, { signedInClient }, { rollupDays, storedSummary }] = await Promise.all([
      import('../../functions/src/admin'),
      import('../seed'),
      import('../../tests/helpers/emulator-clients'),
      import('../../functions/src/insights/rollup'),
    ]);
    const { peopleChunkDoc } = await import('../../functions/src/insights/people-table');
    const figures: Figure[] = [];
    const section = 'insights';
    const employees = quick ? 2000 : 20_000;
    const span = quick ? 28 : 90;

    // The demo organisation gives the comms advisor who asks; the people insights count are the simulated ones.
    const staff = await seedDemo({ threads: false });
    const anna = staff.find((e) => e.key === 'anna')!;
    const people = simulatePeople(employees, DEPARTMENTS, 20_000, 'b');
    const pages: SimPage[] = Array.from({ length: 400 }, (_, i) => ({
      pageId: `p_${i.toString(16).padStart(24, '0')}`,
      url: `https://intranet.example/${TOPICS[i % TOPICS.length]}/pagina-${i}.html`,
      title: `Pagina ${i}`,
      topic: TOPICS[i % TOPICS.length]!,
      weight: 1 / (1 + (i % 50)),
    }));
    const now = Date.now();
    const to = dayOf(now - DAY_MS);
    const from = dayOf(now - 2 * span * DAY_MS); // both periods: the report compares with the one before
    let started = performance.now();
    const facts = simulateActivity({ people, pages, from, to, seed: 7 });
    const simulatedMs = performance.now() - started;
    const table: InsightPerson[] = people.map((p) => ({ uid: p.uid, departmentPath: p.departmentPath, level: p.level, leader: p.leader, active: true }));
    const index = indexPeople(table);

    started = performance.now();
    const days = facts.map((f) => foldDay(f, index, termsOf));
    const foldMs = performance.now() - started;
    const weeks = new Map<string, ActivitySummary[]>();
    for (const day of days) {
      const week = isoWeekOf(day.id).id;
      weeks.set(week, [...(weeks.get(week) ?? []), day]);
    }
    const weekDocs = [...weeks].map(([id, parts]) => {
      const week = isoWeekOf(parts[0]!.id);
      return mergeSummaries(id, week.from, week.to, parts);
    });
    const monthlyActive = new Set(facts.slice(-28).flatMap((f) => f.reads.map((r) => r.uid))).size;
    const monthlyWriters = new Set(facts.slice(-28).flatMap((f) => f.comments.map((c) => c.authorUid))).size;

    // Written as the rollup writes them (one document each; the people table in chunks of 5,000).
    const writes = [
      ...days.map((d) => [paths.insightDay(d.id), storedSummary(d)] as const),
      ...weekDocs.map((w) => [paths.insightWeek(w.id), storedSummary(w)] as const),
      ...Array.from(
        { length: Math.ceil(table.length / 5000) },
        (_, n) => [paths.insightPeopleChunk(n), peopleChunkDoc(table.slice(n * 5000, (n + 1) * 5000))] as const,
      ),
    ];
    for (let i = 0; i < writes.length; i += 8) {
      const batch = db.batch();
      for (const [path, data] of writes.slice(i, i + 8)) batch.set(db.doc(path), data);
      await batch.commit();
    }
    await db.doc(paths.insightState('people')).set({ chunks: Math.ceil(table.length / 5000), count: table.length, refreshedAt: now });
    await db.doc(paths.insightState('rollup')).set({ builtUpTo: to, ranAt: now });

    const client = await signedInClient(anna.email, 'lindeveen-demo');
    const report = httpsCallable<unknown, InsightsReport>(consoleFunctions(client.app, BUILD_ORG_CONFIG.firebase), 'insightsReport', { timeout: 120_000 });
    const ask = async (days: number) => {
      const query = { from: dayOf(now - days * DAY_MS), to, section: null, pageId: null, cohort: 'all', unansweredAfterHours: 48 };
      await report(query); // warm: the emulator loads the function's code on the first call
      const times: number[] = [];
      let last: InsightsReport | null = null;
      for (let i = 0; i < (quick ? 3 : 7); i++) {
        const t0 = performance.now();
        last = (await report(query)).data;
        times.push(performance.now() - t0);
      }
      return { times, report: last! };
    };
    const long = await ask(span);
    const month = await ask(28);
    await client.close();
    // The same report built in this process (reads from the emulator + buildReport), without the
    // functions emulator's HTTP hop: how the round trip divides.
    const { reportFor } = await import('../../functions/src/insights/report-source');
    const inProcess: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      await reportFor(db, { from: dayOf(now - span * DAY_MS), to, section: null, pageId: null, cohort: 'all', unansweredAfterHours: 48 });
      inProcess.push(performance.now() - t0);
    }

    const maxBytes = Math.max(...[...days, ...weekDocs].map((s) => storedSummary(s).packed.length));
    const maxRaw = Math.max(...[...days, ...weekDocs].map((s) => firestoreBytes(s)));
    const note = `${employees.toLocaleString('en-US')} employees, ${span} days vs the ${span} before`;
    figures.push(
      { section, name: `report open: documents read (${span} days + previous)`, value: long.report.reads, unit: 'reads', budget: { max: 100 }, note },
      {
        section,
        name: `report open: time to first chart, median (${span} days + previous)`,
        value: Math.round(percentiles(long.times).median),
        unit: 'ms',
        budget: { max: 1000 },
        note: `${note}; callable round trip from a signed-in client`,
      },
      {
        section,
        name: `report built in process, median (${span} days + previous)`,
        value: Math.round(percentiles(inProcess).median),
        unit: 'ms',
        note: 'reads from the emulator and buildReport, no HTTP',
      },
      { section, name: 'report open: documents read (28 days + previous)', value: month.report.reads, unit: 'reads', budget: { max: 100 }, note },
      {
        section,
        name: 'report open: time to first chart, median (28 days + previous)',
        value: Math.round(percentiles(month.times).median),
        unit: 'ms',
        budget: { max: 1000 },
        note,
      },
      {
        section,
        name: 'largest summary document',
        value: Math.round(maxBytes / 1024),
        unit: 'KB',
        budget: { max: Math.floor(MAX_DOCUMENT_BYTES / 1024) },
        note: `day or week, deflated JSON (as Firestore maps it would be ${Math.round(maxRaw / 1024)} KB); terms are trimmed to fit`,
      },
      {
        section,
        name: 'simulated monthly readers / writers (share of employees)',
        value: Math.round((monthlyActive / employees) * 1000) / 10,
        unit: '%',
        note: `readers ${monthlyActive}, writers ${monthlyWriters} (KPN: ~36 % active, ~10 % creating)`,
      },
      {
        section,
        name: 'fold of all simulated days (terms included)',
        value: Math.round(foldMs),
        unit: 'ms',
        note: `${days.length} days; simulation itself ${Math.round(simulatedMs)} ms`,
      },
    );

    // The rollup's cost for one day: yesterday's raw facts as documents, rolled up by the server.
    const day = facts[facts.length - 1]!;
    const docs: [string, Record<string, unknown>][] = [];
    for (const r of day.reads)
      docs.push([`${paths.insightEvents()}/${r.uid}-${r.pageId}`, { uid: r.uid, pageId: r.pageId, url: r.url, title: '', at: new Date(r.at) }]);
    for (const page of new Set([...day.comments, ...day.likes].map((x) => x.pageId))) {
      const p = pages.find((x) => x.pageId === page)!;
      docs.push([paths.page(page), { url: p.url, title: p.title, commentCount: 0, likeCount: 0, updatedAt: new Date() }]);
    }
    for (const c of day.comments)
      docs.push([
        paths.comment(c.pageId, c.id),
        {
          pageId: c.pageId,
          parentId: c.parentId,
          text: c.text,
          authorUid: c.authorUid,
          authorName: 'x',
          createdAt: new Date(c.createdAt),
          updatedAt: new Date(c.createdAt),
          editedAt: null,
          deleted: false,
          likeCount: 0,
        },
      ]);
    for (const l of day.likes)
      docs.push([`${paths.likes(l.pageId)}/page_${l.uid}`, { targetId: 'page', uid: l.uid, name: 'x', active: true, updatedAt: new Date(l.at) }]);
    for (let i = 0; i < docs.length; i += 400) {
      const batch = db.batch();
      for (const [path, data] of docs.slice(i, i + 400)) batch.set(db.doc(path), data);
      await batch.commit();
    }
    started = performance.now();
    const outcome = await rollupDays(db, day.day, day.day, { people: table, now });
    const rollupMs = performance.now() - started;
    figures.push(
      {
        section,
        name: 'rollup of one day: documents read',
        value: outcome.reads,
        unit: 'reads',
        note: `${day.reads.length} reading events, ${day.comments.length} comments, ${day.likes.length} likes that day (plus the week's days, rollout, questions)`,
      },
      {
        section,
        name: 'rollup of one day: documents written',
        value: outcome.writes,
        unit: 'writes',
        note: 'the day, its week, the questions state, each section’s open questions',
      },
      {
        section,
        name: 'rollup of one day: time',
        value: Math.round(rollupMs),
        unit: 'ms',
        note: 'emulator; the hourly schedule redoes today, and yesterday once after midnight',
      },
    );
    return figures;
  },
};
