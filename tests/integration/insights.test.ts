// Insights end to end against the Auth, Firestore and Functions emulators, with the real SDK:
// colleagues open a thread (their panel's reading event, through the rules), write, like and post
// anonymously; comms (Anna) rolls the day up with recomputeInsights and asks insightsReport.
// Proves: the funnel counts exactly the right people; figures about fewer than 5 people come back
// suppressed, also where subtracting shown figures from the total would reveal them; an anonymous
// post counts as a post and toward nobody; an unanswered question reaches the open-questions list;
// no uid of anyone is in the report; only comms and administrators get a report.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpsCallable } from 'firebase/functions';
import { addDoc, collection, serverTimestamp } from 'firebase/firestore';
import { db as server } from '../../functions/src/admin';
import { BUILD_ORG_CONFIG } from '../../lib/any/bundled-org-config';
import { pageIdFor } from '../../lib/any/page-identity';
import type { CohortFunnel, InsightsQuery, InsightsReport } from '../../lib/core/insights/model';
import { dayOf } from '../../lib/core/insights/plan';
import { paths } from '../../lib/core/paths';
import { likeId } from '../../lib/core/schema';
import { consoleFunctions } from '../../lib/data/console/roles';
import { seedDemo, type SeededEmployee } from '../../scripts/seed';
import { signedInClient, type Client } from '../helpers/emulator-clients';
import { DEMO_PASSWORD, seededEmployee } from '../helpers/fixtures';
import { INTRANET } from '../e2e/setup';

let staff: SeededEmployee[];
const clients: Client[] = [];
const ICT_URL = `${INTRANET}/ict/helpdesk.html`;
let pageId: string;
const today = dayOf(Date.now());

async function clientOf(key: string): Promise<Client> {
  const client = await signedInClient(seededEmployee(staff, key).email, DEMO_PASSWORD);
  clients.push(client);
  return client;
}

async function call<T>(client: Client, name: string, data: unknown): Promise<T> {
  const fn = httpsCallable(consoleFunctions(client.app, BUILD_ORG_CONFIG.firebase), name, { timeout: 120_000 });
  return (await fn(data)).data as T;
}

const query = (overrides: Partial<InsightsQuery> = {}): InsightsQuery => ({
  from: today,
  to: today,
  section: null,
  pageId: null,
  cohort: 'all',
  unansweredAfterHours: 0,
  ...overrides,
});

let report: InsightsReport;
const cohort = (id: string): CohortFunnel => {
  const found = report.cohorts.find((c) => c.id === id);
  if (!found) throw new Error(`no cohort ${id} in ${report.cohorts.map((c) => c.id).join(', ')}`);
  return found;
};

async function comment(key: string | null, id: string, text: string, anonymous = false) {
  const at = new Date();
  const author = key ? seededEmployee(staff, key) : null;
  await server.doc(paths.comment(pageId, id)).create({
    pageId,
    parentId: null,
    text,
    ...(anonymous ? { anonymous: true } : { authorUid: author!.uid, authorName: author!.displayName }),
    createdAt: at,
    updatedAt: at,
    editedAt: null,
    deleted: false,
    likeCount: 0,
  });
}

beforeAll(async () => {
  staff = await seedDemo({ threads: false });
  pageId = await pageIdFor(ICT_URL);
  await server.doc(paths.page(pageId)).set({ url: ICT_URL, title: 'ICT-helpdesk', commentCount: 6, likeCount: 3, updatedAt: new Date() });
  // Seven colleagues open the thread: five of Bedrijfsvoering, one of Bestuur en staf, one of Dienstverlening.
  for (const key of ['daan', 'eva', 'gerda', 'hugo', 'ilse', 'bram', 'cor']) {
    const client = await clientOf(key);
    await addDoc(collection(client.firestore, paths.insightEvents()), { uid: client.uid, pageId, url: ICT_URL, title: 'ICT-helpdesk', at: serverTimestamp() });
  }
  // Five write (Jeroen without having opened it: a link in a mail), one more anonymously; three like.
  await comment('daan', 'c0000000000000000001', 'De VPN werkt weer na de update.');
  await comment('eva', 'c0000000000000000002', 'Hoe reset ik mijn wachtwoord buiten kantoor?');
  await comment('gerda', 'c0000000000000000003', 'Fijn dat de servicedesk zo snel helpt.');
  await comment('bram', 'c0000000000000000004', 'Teams vergaderen gaat soepel op de nieuwe laptops.');
  await comment('jeroen', 'c0000000000000000005', 'De printer op de tweede verdieping werkt weer.');
  await comment(null, 'c0000000000000000006', 'Ik durf het niet te vragen, maar werkt de VPN op een privélaptop?', true);
  for (const key of ['daan', 'bram', 'cor']) {
    const person = seededEmployee(staff, key);
    await server
      .doc(`${paths.likes(pageId)}/${likeId('page', person.uid)}`)
      .set({ targetId: 'page', uid: person.uid, name: person.displayName, active: true, updatedAt: new Date() });
  }
  const anna = await clientOf('anna');
  await call(anna, 'recomputeInsights', { from: today, to: today });
  report = await call<InsightsReport>(anna, 'insightsReport', query());
}, 240_000);

afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
});

describe('the funnel', () => {
  it('counts everyone in scope, the readers and the contributors exactly', () => {
    expect(cohort('all').funnel).toMatchObject({ inScope: staff.length, readers: 7, contributors: 5 });
  });

  it('suppresses the reactors: three people liked', () => {
    expect(cohort('all').funnel.reactors).toBeNull();
  });

  it('shows no department figure that subtracting the shown ones from the total would reveal', () => {
    const departments = report.cohorts.filter((c) => c.kind === 'department');
    expect(departments.length).toBeGreaterThan(1);
    for (const stage of ['readers', 'contributors'] as const) {
      const total = cohort('all').funnel[stage];
      if (total === null) continue;
      const shown = departments.map((d) => d.funnel[stage]).filter((v): v is number => v !== null);
      const hidden = total - shown.reduce((a, b) => a + b, 0);
      expect(hidden === 0 || hidden >= 5, `${stage}: ${hidden} people recoverable by subtraction`).toBe(true);
    }
  });

  it('leaves Bedrijfsvoering’s five readers unshown, since the other departments’ two would follow by subtraction', () => {
    expect(cohort('department:Bedrijfsvoering').funnel.readers).toBeNull();
  });
});

describe('anonymity and privacy', () => {
  it('counts the anonymous post as a post (suppressed: fewer than five) and makes nobody a contributor for it', () => {
    expect(report.anonymousPosts).toBeNull();
    expect(cohort('all').funnel.contributors).toBe(5);
  });

  it('carries no uid of anyone', () => {
    const text = JSON.stringify(report);
    for (const person of staff) expect(text).not.toContain(person.uid);
  });
});

describe('questions', () => {
  it('lists the unanswered question, without its author', () => {
    const question = report.unanswered.find((q) => q.commentId === 'c0000000000000000002');
    expect(question).toMatchObject({ pageId, url: ICT_URL });
    expect(JSON.stringify(question)).not.toContain('Eva');
  });

  it('publishes it in the open questions of the rest of the intranet (no sections in this seed)', async () => {
    const doc = await server.doc(paths.openQuestions('_rest')).get();
    expect((doc.get('questions') as { commentId: string }[]).map((q) => q.commentId)).toContain('c0000000000000000002');
  });
});

describe('retention', () => {
  it('deletes reading events older than 35 days and keeps the others', async () => {
    const { deleteOldEvents } = await import('../../functions/src/insights/rollup');
    const old = server.collection(paths.insightEvents()).doc('old-reading');
    await old.set({ uid: 'someone', pageId, url: ICT_URL, title: 'ICT-helpdesk', at: new Date(Date.now() - 36 * 86_400_000) });
    const kept = (await server.collection(paths.insightEvents()).get()).size - 1;
    expect(await deleteOldEvents(server)).toBe(1);
    expect((await old.get()).exists).toBe(false);
    expect((await server.collection(paths.insightEvents()).get()).size).toBe(kept);
  });
});

describe('who may ask', () => {
  it('refuses a colleague without the comms role', async () => {
    const bram = clients.find((c) => c.uid === seededEmployee(staff, 'bram').uid)!;
    await expect(call(bram, 'insightsReport', query())).rejects.toMatchObject({ details: { reason: 'not-allowed' } });
  });

  it('refuses a malformed period', async () => {
    const anna = clients[clients.length - 1]!;
    await expect(call(anna, 'insightsReport', query({ from: '2026-13-40' }))).rejects.toMatchObject({ details: { reason: 'invalid-request' } });
  });
});
