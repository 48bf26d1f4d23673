// Rollout end to end against the Auth, Firestore and Functions emulators, with the real SDK: the
// comms advisor (Anna) changes rollout through the changeRollout function; two colleagues' clients
// follow the document as the side panel does (watchRollout, one listener) and their workers answer
// their tabs from the cache it writes (entrypoints/background/rollout.ts). Proves: the change
// reaches both within seconds at one document read per change each; the HR colleague's launcher
// switches on and the ICT colleague's stays off; the rules then let one post and refuse the other;
// bad edits are refused with their reason and leave nothing half-saved; only comms may change it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpsCallable } from 'firebase/functions';
import { doc, serverTimestamp, writeBatch } from 'firebase/firestore';
import { db as server } from '../../functions/src/admin';
import { tabAccess } from '../../entrypoints/background/rollout';
import { tabPages } from '../../entrypoints/background/tab-pages';
import { BUILD_ORG_CONFIG } from '../../lib/any/bundled-org-config';
import type { Message } from '../../lib/any/messages';
import { pageIdFor } from '../../lib/any/page-identity';
import { paths } from '../../lib/core/paths';
import { ALL_FEATURES, type Rollout } from '../../lib/core/rollout';
import type { RolloutEdit } from '../../lib/core/rollout-edit';
import { consoleFunctions } from '../../lib/data/console/roles';
import { cachedFrom, rolloutKey } from '../../lib/data/rollout/rollout-cache';
import { watchRollout } from '../../lib/data/rollout/watch-rollout';
import { waitFor } from '../../scripts/poll';
import { seedDemo, type SeededEmployee } from '../../scripts/seed';
import { signedInClient, type Client } from '../helpers/emulator-clients';
import { DEMO_PASSWORD, seededEmployee } from '../helpers/fixtures';
import { FakeSessionArea } from '../unit/background/fakes';
import { INTRANET } from '../e2e/setup';

let staff: SeededEmployee[];
const clients: Client[] = [];
const HR_PAGE = `${INTRANET}/hr/verlofregeling.html`;
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

async function clientOf(key: string): Promise<Client> {
  const client = await signedInClient(seededEmployee(staff, key).email, DEMO_PASSWORD);
  clients.push(client);
  return client;
}

/** Calls changeRollout as `client`; the refusal's reason, or 'ok'. */
async function change(client: Client, edit: RolloutEdit): Promise<string> {
  const call = httpsCallable(consoleFunctions(client.app, BUILD_ORG_CONFIG.firebase), 'changeRollout');
  try {
    await call({ edit });
    return 'ok';
  } catch (error) {
    const details = (error as { details?: { reason?: string; subject?: string } }).details;
    return `${details?.reason ?? String(error)}${details?.subject ? `: ${details.subject}` : ''}`;
  }
}

/** One colleague as the extension sees them: the panel's listener, the worker's answer for their tab. */
function colleague(client: Client, departmentPath: string[]) {
  const area = new FakeSessionArea();
  const key = rolloutKey(BUILD_ORG_CONFIG.firebase.projectId);
  const serverSnapshots: Rollout[] = [];
  const told: Message[] = [];
  const tabs = tabPages(new FakeSessionArea());
  const access = tabAccess({
    area,
    key,
    // The worker reads nothing here: the panel's listener keeps its copy fresh.
    fetch: async () => {
      throw new Error('the worker should not need to read');
    },
    fetchPerson: async () => ({ uid: client.uid, departmentPath }),
    signedIn: async () => true,
    tabs,
    send: async (_tab, message) => void told.push(message),
    now: Date.now,
  });
  const stop = watchRollout(client.firestore, { area, key }, () => undefined);
  // Count what came from the server: each is one document read for this client.
  const countStop = watchRollout(client.firestore, null, (rollout) => serverSnapshots.push(rollout));
  return {
    serverSnapshots,
    told,
    async openTab() {
      const pageId = await pageIdFor(HR_PAGE);
      await tabs.remember(1, { pageId, url: HR_PAGE, title: 'Verlofregeling', frameId: 0 });
      return pageId;
    },
    /** What the worker does on storage.onChanged: tell the tabs. */
    async tellTabs() {
      await access.tellTabs();
    },
    cached: async () => cachedFrom((await area.get(key))[key]),
    stop() {
      stop();
      countStop();
    },
  };
}

/** Posts a named comment on the HR page as the client's outbox would (comment, page, rate window). */
async function postOnHrPage(client: Client, name: string, label: string): Promise<string> {
  const pageId = await pageIdFor(HR_PAGE);
  const id = label.padEnd(20, 'x');
  const batch = writeBatch(client.firestore);
  batch.set(doc(client.firestore, paths.comment(pageId, id)), {
    pageId,
    parentId: null,
    text: 'Mag ik mijn verlof meenemen naar volgend jaar?',
    authorUid: client.uid,
    authorName: name,
    createdAt: serverTimestamp(),
    updatedAt: serverTimestamp(),
    editedAt: null,
    deleted: false,
    likeCount: 0,
  });
  batch.set(
    doc(client.firestore, paths.page(pageId)),
    { commentCount: (await server.doc(paths.page(pageId)).get()).get('commentCount') + 1, lastCommentId: id, updatedAt: serverTimestamp() },
    { merge: true },
  );
  batch.set(doc(client.firestore, paths.rate(client.uid)), { windowStart: serverTimestamp(), count: 1, last: `${pageId}/${id}` });
  try {
    await batch.commit();
    return 'posted';
  } catch (error) {
    return String((error as { code?: string }).code);
  }
}

beforeAll(async () => {
  staff = await seedDemo();
});

afterAll(async () => {
  for (const client of clients) await client.close();
});

describe('rollout through the console function', () => {
  it('a pilot for HR reaches both colleagues within seconds, one read each; HR gets the launcher, ICT does not', async () => {
    const anna = await clientOf('anna');
    const gerda = await clientOf('gerda'); // Bedrijfsvoering > HR
    const daan = await clientOf('daan'); // Bedrijfsvoering > ICT > Netwerk en infrastructuur
    const hr = colleague(gerda, ['Bedrijfsvoering', 'HR']);
    const ict = colleague(daan, ['Bedrijfsvoering', 'ICT', 'Netwerk en infrastructuur']);
    await hr.openTab();
    await ict.openTab();
    // Nothing set yet: one snapshot each (the listener's first read), and the layer on for both.
    await waitFor(() => hr.serverSnapshots.length === 1 && ict.serverSnapshots.length === 1, { what: 'the first snapshots' });
    await waitFor(() => hr.cached(), { what: 'the first copy' });

    expect(
      await change(anna, {
        op: 'group',
        id: null,
        group: {
          name: 'HR-pilot',
          members: { people: [], departments: ['Bedrijfsvoering > HR'] },
          from: day(-1),
          until: day(30),
          control: null,
          ambassadors: [],
        },
      }),
    ).toBe('ok');
    await waitFor(() => hr.serverSnapshots.length === 2 && ict.serverSnapshots.length === 2, { what: 'the group reaching both' });

    const started = Date.now();
    expect(
      await change(anna, {
        op: 'section',
        id: null,
        section: {
          name: 'HR',
          kind: 'section',
          prefixes: [`${INTRANET}/hr/`],
          pages: [],
          mode: 'on',
          features: ALL_FEATURES,
          pilotGroups: ['g-HR-pilot'],
          othersSee: 'off',
        },
      }),
    ).toBe('ok');
    await waitFor(async () => (await hr.cached())?.rollout.sections.HR && (await ict.cached())?.rollout.sections.HR, {
      what: 'the section reaching both caches',
    });
    const took = Date.now() - started;
    expect(took).toBeLessThan(10_000); // "within seconds" (a generous bound; the bench is where speed is measured)
    // One change, one more snapshot each: one document read per colleague per change.
    expect(hr.serverSnapshots).toHaveLength(3);
    expect(ict.serverSnapshots).toHaveLength(3);

    await hr.tellTabs();
    await ict.tellTabs();
    expect(hr.told.at(-1)).toMatchObject({ type: 'page:mode', mode: 'on' });
    expect(ict.told.at(-1)).toMatchObject({ type: 'page:mode', mode: 'off' });

    // And the rules agree: Gerda may post on the HR page, Daan may not.
    expect(await postOnHrPage(gerda, 'Gerda Mulder', 'gerda1')).toBe('posted');
    expect(await postOnHrPage(daan, 'Daan Visser', 'daan1')).toBe('permission-denied');
    hr.stop();
    ict.stop();
  });

  it("every change is in the audit log, in the advisor's name", async () => {
    const entries = (await server.collection(paths.audit()).where('kind', '==', 'rollout').get()).docs.map((d) => d.data());
    expect(entries.map((e) => [e.action, e.subject?.name, e.actor.name, e.actor.via]).sort()).toEqual([
      ['group', 'HR-pilot', 'Anna de Vries', 'console'],
      ['section', 'HR', 'Anna de Vries', 'console'],
    ]);
  });

  it('refuses bad edits with their reason, and saves nothing of them', async () => {
    const anna = await clientOf('anna');
    const before = (await server.doc(paths.rollout()).get()).data();
    const audits = (await server.collection(paths.audit()).get()).size;
    const section = (over: object) =>
      ({
        op: 'section',
        id: null,
        section: {
          name: 'ICT',
          kind: 'section',
          prefixes: [`${INTRANET}/ict/`],
          pages: [],
          mode: 'on',
          features: ALL_FEATURES,
          pilotGroups: [],
          othersSee: 'off',
          ...over,
        },
      }) as RolloutEdit;
    expect(await change(anna, section({ prefixes: [`${INTRANET}/nergens/`] }))).toBe(`pattern-matches-nothing: ${INTRANET}/nergens/`);
    expect(await change(anna, section({ prefixes: [`${INTRANET}/hr/`] }))).toBe(`pattern-overlap: ${INTRANET}/hr/ (HR)`);
    expect(
      await change(anna, {
        op: 'group',
        id: null,
        group: { name: 'Niemand', members: { people: [], departments: ['Bestaat niet'] }, from: day(0), until: day(1), control: null, ambassadors: [] },
      }),
    ).toBe('group-no-members: Niemand');
    expect(
      await change(anna, {
        op: 'group',
        id: null,
        group: { name: 'Terug', members: { people: [], departments: ['Ruimte'] }, from: day(5), until: day(1), control: null, ambassadors: [] },
      }),
    ).toBe('dates-reversed');
    expect(await change(anna, { op: 'removeGroup', id: 'g-HR-pilot' })).toBe('group-in-use: HR');
    expect((await server.doc(paths.rollout()).get()).data()).toEqual(before);
    expect((await server.collection(paths.audit()).get()).size).toBe(audits);
  });

  it('only comms and administrators may change it: a member, a community manager, a leader are refused', async () => {
    for (const key of ['daan', 'gerda', 'quinten']) {
      expect(await change(await clientOf(key), { op: 'rest', mode: 'off', features: ALL_FEATURES })).toBe('not-comms');
    }
    // The administrator may (and puts it back as it was).
    const rachida = await clientOf('rachida');
    expect(await change(rachida, { op: 'rest', mode: 'read', features: ALL_FEATURES })).toBe('ok');
    expect((await server.doc(paths.rollout()).get()).get('rest.mode')).toBe('read');
  });
});
