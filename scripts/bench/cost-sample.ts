// The cost bench's sample: a handful of demo employees act on a few intranet pages through the
// project's own code, against the emulators, and the meter (cost-meter.ts) tells what each action
// cost. The month is then extrapolated from these unit costs (cost-model.ts, cost.ts).
//
// Who: the first demo employees, signed up as they would (the sign-in function makes their
// profile from the directory). Where: sample pages, some with a history of comments (written as
// the emulator's owner, as thread-seed.ts does), so thread visits meet threads of several sizes.
// What, in a random order (seeded, so a rerun does the same): thread visits (lib/data/thread/thread-sync.ts
// with a fresh SDK instance each time and the reader's own Dexie, as the panel), badge counts
// (lib/data/page-counts.ts over Firestore Lite), comments, replies, anonymous comments, likes,
// unlikes and "this helped" marks (lib/data/outbox/commands.ts, sent by the outbox's own flusher
// over Lite: remote-operations.ts), profile edits (lib/data/people/save-profile.ts), sign-ins and
// first sign-ins (the blocking functions of functions/src/membership.ts, run in this process with
// the sign-in's event), and people delta syncs (lib/data/people/people-sync.ts).
// Over 250 lines on purpose: every kind of action with the state it picks its subject from, in one loop.
import 'fake-indexeddb/auto';
import { deleteApp, initializeApp, type FirebaseApp } from 'firebase/app';
import { connectAuthEmulator, getAuth, signInWithEmailAndPassword, type Auth } from 'firebase/auth';
import { connectFirestoreEmulator, initializeFirestore, memoryLocalCache, terminate, type Firestore } from 'firebase/firestore';
import { connectFirestoreEmulator as connectLite, getFirestore as getLite, type Firestore as LiteFirestore } from 'firebase/firestore/lite';
import { DEMO_PASSWORD, EMPLOYEES, type DemoEmployee } from '../../demo/org';
import { BUILD_ORG_CONFIG } from '../../lib/any/bundled-org-config';
import { normalizeUrl, pageIdFor } from '../../lib/any/page-identity';
import { paths } from '../../lib/core/paths';
import type { CommentRow, PersonRow } from '../../lib/core/rows';
import { newCommentId } from '../../lib/core/schema';
import { openDb, type PrikbordDb } from '../../lib/data/db';
import type { LiteSession } from '../../lib/data/firebase/lite-client';
import { markHelpful, postComment, setLike } from '../../lib/data/outbox/commands';
import { flushOutbox, retryNow } from '../../lib/data/outbox/flusher';
import { firestoreSender } from '../../lib/data/outbox/remote-operations';
import { fetchPageCounts } from '../../lib/data/page-counts';
import { syncPeople } from '../../lib/data/people/people-sync';
import { saveOwnProfile } from '../../lib/data/people/save-profile';
import { loadProfile } from '../../lib/data/session/profile';
import { syncThread, type ThreadListener } from '../../lib/data/thread/thread-sync';
import { sleep, waitFor } from '../poll';
import { clearEmulators, createAccount, importDemoDirectory, namedCommentDoc, putDoc } from '../seed';
import type { Meter } from './cost-meter';
import { ZERO, type UnitCost } from './cost-model';
import { INTRANET } from './thread-seed';

/** One employee's browser: a signed-in Firebase app (full SDK for listeners, Lite for the outbox) and their own Dexie. */
interface Person {
  employee: DemoEmployee;
  uid: string;
  app: FirebaseApp;
  auth: Auth;
  fs: Firestore;
  lite: LiteFirestore;
  db: PrikbordDb;
  /** Index into the meter's change log up to which their people sync has read. */
  syncedThrough: number;
}

interface SampleComment {
  id: string;
  /** Null for an anonymous comment. */
  authorUid: string | null;
  parentId: string | null;
  likedBy: Set<string>;
  marked: boolean;
}

interface Page {
  pageId: string;
  url: string;
  title: string;
  comments: SampleComment[];
  /** Comment documents changed so far (created, or their like counter moved): what revisits read. */
  changes: number;
}

/** One thread visit as measured. */
export interface Visit {
  first: boolean;
  /** Reads billed: documents delivered by the server + one per listener whose first answer was empty. */
  reads: number;
  /** Comment documents the comments listener delivered. */
  commentDocs: number;
  /** What it had to deliver: the whole thread (first visit), or the changes since the last visit + the cursor's own comment. */
  expectedDocs: number;
}

export interface SampleResult {
  /** Measured costs per kind of action. */
  costs: Map<string, UnitCost[]>;
  visits: Visit[];
  /** People delta syncs: reads billed, and what the model says they read (the documents changed since the person's last sync). */
  peopleSyncs: Array<{ reads: number; expected: number }>;
  /** Whether a forced token refresh ran the sign-in function (it must not: sign-ins only). */
  refreshRanSignIn: boolean;
}

/** Sample sizes: quick mode (CI) and the full bench. */
const PLAN = {
  quick: {
    people: 4,
    history: [0, 4, 12],
    actions: {
      visit: 12,
      badge: 4,
      comment: 3,
      reply: 3,
      anonymous: 1,
      'like-comment': 6,
      'like-page': 2,
      unlike: 1,
      helpful: 1,
      'sign-in': 2,
      'sign-up': 1,
      'profile-edit': 1,
      'people-sync': 3,
    },
  },
  full: {
    people: 12,
    history: [0, 2, 6, 15, 40, 100],
    actions: {
      visit: 90,
      badge: 20,
      comment: 12,
      reply: 14,
      anonymous: 3,
      'like-comment': 40,
      'like-page': 10,
      unlike: 5,
      helpful: 6,
      'sign-in': 8,
      'sign-up': 3,
      'profile-edit': 4,
      'people-sync': 16,
    },
  },
} as const;

function rng(seed: number) {
  return () => (seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

const emulatorHost = () => {
  const [host, port] = (process.env.FIRESTORE_EMULATOR_HOST ?? '').split(':');
  if (!host || !port) throw new Error('needs the emulators (npm run bench)');
  return { host, port: Number(port) };
};

async function signedIn(employee: DemoEmployee, name: string): Promise<Person> {
  const { host, port } = emulatorHost();
  const { apiKey, authDomain, projectId } = BUILD_ORG_CONFIG.firebase;
  const app = initializeApp({ apiKey, authDomain, projectId }, name);
  const auth = getAuth(app);
  connectAuthEmulator(auth, `http://${process.env.FIREBASE_AUTH_EMULATOR_HOST}`, { disableWarnings: true });
  const fs = initializeFirestore(app, { localCache: memoryLocalCache() });
  connectFirestoreEmulator(fs, host, port);
  const lite = getLite(app);
  connectLite(lite, host, port);
  const { user } = await signInWithEmailAndPassword(auth, employee.email, DEMO_PASSWORD);
  return { employee, uid: user.uid, app, auth, fs, lite, db: openDb(`${name}-${Date.now()}`), syncedThrough: 0 };
}

/** A new Firestore instance on the person's app (same session, empty cache): what a panel opened afresh has. */
async function freshFirestore(p: Person): Promise<Firestore> {
  const { host, port } = emulatorHost();
  await terminate(p.fs);
  p.fs = initializeFirestore(p.app, { localCache: memoryLocalCache() });
  connectFirestoreEmulator(p.fs, host, port);
  return p.fs;
}

/** Sends the person's outbox as the background worker would; a passing failure is retried at once, a refusal is an error. */
async function flush(p: Person): Promise<void> {
  const sender = firestoreSender(p.lite, () => ({ uid: p.uid, displayName: p.employee.displayName }));
  let result = await flushOutbox(p.db, p.uid, sender);
  for (let tries = 0; result.status === 'retry' && tries < 5; tries++) {
    await sleep(100);
    await retryNow(p.db, p.uid);
    result = await flushOutbox(p.db, p.uid, sender);
  }
  const stuck = await p.db.outbox.toArray();
  if (result.status !== 'idle' || stuck.length > 0)
    throw new Error(`outbox of ${p.employee.key} not sent: ${JSON.stringify(stuck.map((i) => [i.op.kind, i.state, i.refusal]))}`);
}

/** A thread of `count` named comments by `authors` (every fifth a reply), written as the emulator's owner, a day old. */
async function seedHistory(page: Page, count: number, authors: Person[]): Promise<void> {
  const end = Date.now() - 24 * 3600_000;
  let lastTop: string | null = null;
  for (let i = 0; i < count; i++) {
    const author = authors[i % authors.length]!;
    const id = newCommentId();
    const parentId = i % 5 === 4 ? lastTop : null;
    if (!parentId) lastTop = id;
    const at = new Date(end - (count - i) * 60_000);
    await putDoc(
      paths.comment(page.pageId, id),
      namedCommentDoc({
        pageId: page.pageId,
        parentId,
        text: `Eerdere bijdrage ${i}`,
        author: { uid: author.uid, displayName: author.employee.displayName },
        at,
      }),
    );
    page.comments.push({ id, authorUid: author.uid, parentId, likedBy: new Set(), marked: false });
  }
  if (count > 0) {
    const last = page.comments[page.comments.length - 1]!.id;
    await putDoc(paths.page(page.pageId), {
      url: page.url,
      title: page.title,
      commentCount: count,
      likeCount: 0,
      lastCommentId: last,
      updatedAt: new Date(end),
    });
  }
  page.changes = count;
}

/** One visit of the page's thread by `p`: a fresh SDK instance listens until every listener has answered and Dexie holds the thread. */
async function visit(p: Person, page: Page, meter: Meter, seen: Map<string, number>): Promise<Visit> {
  const key = `${p.uid}/${page.pageId}`;
  const last = seen.get(key);
  const fs = await freshFirestore(p);
  let reads = 0;
  let commentDocs = 0;
  let current = false;
  const answered = new Set<ThreadListener>();
  const errors: unknown[] = [];
  const seed = { pageId: page.pageId, url: page.url, title: page.title };
  const cost = await meter.measure(async () => {
    const stop = syncThread(fs, p.db, seed, p.uid, (e) => errors.push(e), {
      onServerDocs(count, listener) {
        reads += count;
        if (listener === 'comments') commentDocs += count;
        if (!answered.has(listener) && count === 0) reads += 1; // an empty first answer bills one read
        answered.add(listener);
      },
      onCurrent: () => void (current = true),
    });
    try {
      await waitFor(() => current || errors.length > 0, { timeoutMs: 60_000, what: 'every listener of the thread to answer' });
      await waitFor(async () => errors.length > 0 || (await p.db.comments.where('pageId').equals(page.pageId).count()) === page.comments.length, {
        timeoutMs: 60_000,
        what: `the thread of ${page.title} in ${p.employee.key}'s Dexie`,
      });
      await sleep(300); // anything late still counts
      if (errors.length > 0) throw errors[0];
    } finally {
      stop();
    }
    meter.add({ reads });
  });
  if (cost.reads !== reads) throw new Error(`visit: the meter counted ${cost.reads} reads, the listeners ${reads}`);
  seen.set(key, page.changes);
  const first = last === undefined;
  return { first, reads, commentDocs, expectedDocs: first ? page.comments.length : page.changes - last + 1 };
}

/** The sample: sets up, runs the planned actions in a seeded random order, and says what each cost. */
export async function runSample(
  quick: boolean,
  meter: Meter,
  signIn: (event: unknown) => Promise<unknown>,
  signUp: (event: unknown) => Promise<unknown>,
  /** Brings one person's expertise on one page up to date (the triggers' refresh), for the history written as the owner. */
  refresh: (pageId: string, uid: string) => Promise<unknown>,
  /** The server's full rebuild of the directory shards (what a first sync reads; its size is measured after). */
  rebuildShards: () => Promise<unknown>,
): Promise<SampleResult> {
  const plan = quick ? PLAN.quick : PLAN.full;
  const random = rng(quick ? 7 : 11);
  const pick = <T>(list: T[]): T | undefined => list[Math.floor(random() * list.length)];
  const employees = EMPLOYEES.slice(0, plan.people);
  await clearEmulators();
  await importDemoDirectory();
  for (const e of employees) await createAccount(e.email, DEMO_PASSWORD, e.displayName);
  const people: Person[] = [];
  for (const e of employees) people.push(await signedIn(e, `bench-cost-${e.key}`));
  const pages: Page[] = [];
  for (const [i, size] of plan.history.entries()) {
    const url = normalizeUrl(`${INTRANET}/bench/kosten/pagina-${i + 1}.html`, BUILD_ORG_CONFIG.sites[0]!);
    const page: Page = { pageId: await pageIdFor(url), url, title: `Kostenpagina ${i + 1}`, comments: [], changes: 0 };
    await seedHistory(page, size, people);
    pages.push(page);
  }
  // The history's expertise, as the triggers would have left it (the owner's writes ran none).
  for (const page of pages) for (const uid of new Set(page.comments.map((c) => c.authorUid))) if (uid) await refresh(page.pageId, uid);
  // The shards, as the scheduled rebuild leaves them; every browser has synced once (the first sync
  // is priced from the organisation's size, not measured here).
  await rebuildShards();
  for (const p of people) await syncPeople(p.fs, p.db);

  const costs = new Map<string, UnitCost[]>();
  const record = (kind: string, cost: UnitCost) => costs.set(kind, [...(costs.get(kind) ?? []), cost]);
  const visits: Visit[] = [];
  const peopleSyncs: SampleResult['peopleSyncs'] = [];
  const seen = new Map<string, number>();
  const likedPages = new Set<string>();
  const signUps = EMPLOYEES.slice(plan.people);
  const facts = (page: Page) => ({ url: page.url, title: page.title });
  const author = (p: Person) => ({ uid: p.uid, displayName: p.employee.displayName });
  const byUid = (uid: string | null) => people.find((p) => p.uid === uid);

  const order = Object.entries(plan.actions).flatMap(([kind, n]) => Array.from({ length: n }, () => kind));
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }

  for (const kind of order) {
    const p = pick(people)!;
    const page = pick(pages)!;
    switch (kind) {
      case 'visit':
        visits.push(await visit(p, page, meter, seen));
        break;
      case 'badge': {
        const lite: LiteSession = {
          client: () => ({ app: p.app, auth: p.auth, firestore: p.lite }) as ReturnType<LiteSession['client']>,
          reset: async () => {},
          uid: async () => p.uid,
        };
        record(kind, await meter.measure(() => fetchPageCounts(lite, pick([...pages, { pageId: 'p_000000000000000000000000' } as Page])!.pageId)));
        break;
      }
      case 'comment':
      case 'anonymous':
      case 'reply': {
        // A reply answers someone else's question, on any page that has one.
        const questions = pages.flatMap((pg) => pg.comments.filter((c) => c.parentId === null && c.authorUid !== p.uid).map((c) => ({ pg, c })));
        const answered = kind === 'reply' ? pick(questions) : undefined;
        if (kind === 'reply' && !answered) throw new Error('no question to answer in the sample');
        const where = answered?.pg ?? page;
        let id = '';
        const cost = await meter.measure(async () => {
          const anonymous = kind === 'anonymous';
          const text = `Bijdrage (${kind}) van ${p.employee.displayName}`;
          const posted = await postComment(p.db, author(p), { pageId: where.pageId, parentId: answered?.c.id ?? null, text, anonymous, page: facts(where) });
          id = posted.id!;
          await flush(p);
        });
        where.comments.push({ id, authorUid: kind === 'anonymous' ? null : p.uid, parentId: answered?.c.id ?? null, likedBy: new Set(), marked: false });
        where.changes += 1;
        record(kind, cost);
        break;
      }
      case 'like-comment':
      case 'like-page':
      case 'unlike': {
        const like = (pg: Page, target: SampleComment | undefined, active: boolean) =>
          meter.measure(async () => {
            await setLike(p.db, p.uid, { pageId: pg.pageId, targetId: target?.id ?? 'page', page: facts(pg) }, active);
            await flush(p);
            if (target) {
              if (active) target.likedBy.add(p.uid);
              else target.likedBy.delete(p.uid);
              pg.changes += 1; // the comment's like counter moved
            }
          });
        if (kind === 'like-page') {
          // A page they have not liked yet (liking it again would send nothing).
          const where = pick(pages.filter((pg) => !likedPages.has(`${p.uid}/${pg.pageId}`)));
          if (!where) throw new Error('every page is liked already in the sample');
          record(kind, await like(where, undefined, true));
          likedPages.add(`${p.uid}/${where.pageId}`);
          break;
        }
        const comments = pages.flatMap((pg) => pg.comments.filter((c) => c.authorUid !== p.uid).map((c) => ({ pg, c })));
        const likeable = comments.filter(({ c }) => !c.likedBy.has(p.uid));
        let liked = comments.filter(({ c }) => c.likedBy.has(p.uid));
        if (kind === 'unlike' && liked.length === 0) {
          const first = pick(likeable)!;
          record('like-comment', await like(first.pg, first.c, true)); // something to take back
          liked = [first];
        }
        const chosen = pick(kind === 'unlike' ? liked : likeable);
        if (!chosen) throw new Error(`nothing to ${kind} in the sample`);
        record(kind, await like(chosen.pg, chosen.c, kind !== 'unlike'));
        break;
      }
      case 'helpful': {
        const found = pages.flatMap((pg) =>
          pg.comments
            .filter((r) => r.parentId !== null && !r.marked)
            .flatMap((reply) => {
              const asker = byUid(pg.comments.find((c) => c.id === reply.parentId)?.authorUid ?? null);
              return asker && asker.uid !== reply.authorUid ? [{ pg, reply, asker }] : [];
            }),
        );
        const chosen = pick(found);
        if (!chosen) break;
        const { pg, reply, asker } = chosen;
        const row: CommentRow = {
          id: reply.id,
          pageId: pg.pageId,
          parentId: reply.parentId,
          text: '',
          authorUid: reply.authorUid,
          authorName: null,
          anonymous: reply.authorUid === null,
          likeCount: 0,
          moderated: false,
          createdAt: 0,
          updatedAt: 0,
          editedAt: null,
          deleted: false,
          syncState: 'synced',
        };
        record(
          kind,
          await meter.measure(async () => {
            await markHelpful(asker.db, asker.uid, row);
            await flush(asker);
          }),
        );
        reply.marked = true;
        break;
      }
      case 'sign-in':
        record(
          kind,
          await meter.measure(() => meter.invoke(() => signIn({ data: { uid: p.uid, email: p.employee.email, displayName: p.employee.displayName } }))),
        );
        break;
      case 'sign-up': {
        const newcomer = signUps.shift();
        if (!newcomer) break;
        const event = { data: { uid: `bench-newcomer-${newcomer.key}`, email: newcomer.email, displayName: newcomer.displayName } };
        record(
          kind,
          await meter.measure(async () => {
            await meter.invoke(() => signUp(event));
            await meter.invoke(() => signIn(event)); // a sign-up is followed by a sign-in
          }),
        );
        break;
      }
      case 'profile-edit': {
        const mine = (await loadProfile(p.fs, p.db, p.uid)) as PersonRow;
        const next = {
          ...mine,
          skills: [...mine.skills.filter((s) => s !== 'Kostenbewaking'), mine.skills.includes('Kostenbewaking') ? 'Begroting' : 'Kostenbewaking'],
        };
        const path = paths.profile(p.uid);
        record(
          kind,
          await meter.measure(async () => {
            const before = await meter.snapshots([path]);
            const error = await saveOwnProfile(p.fs, p.db, next);
            if (error) throw new Error(`profile edit refused: ${error}`);
            meter.add({ writes: 1 }); // one updateDoc (full SDK, not seen by the meter's fetch)
            await meter.written([path], before);
          }),
        );
        break;
      }
      case 'people-sync': {
        const changed = meter.changes.slice(p.syncedThrough);
        const distinct = (prefix: string) => new Set(changed.filter((c) => c.startsWith(`${prefix}/`))).size;
        // Each feed reads each document changed since the last sync once; an empty one bills 1 read.
        const expected = Math.max(1, distinct(paths.profiles())) + Math.max(1, distinct(paths.evidence()));
        p.syncedThrough = meter.changes.length;
        let reads = 0;
        await meter.measure(async () => void (reads = await syncPeople(p.fs, p.db)));
        peopleSyncs.push({ reads, expected });
        break;
      }
    }
  }

  const refreshRanSignIn = await tokenRefreshRunsSignIn(people[0]!);
  for (const p of people) {
    p.db.close();
    await deleteApp(p.app);
  }
  return { costs, visits, peopleSyncs, refreshRanSignIn };
}

/**
 * Does a token refresh run the sign-in blocking function? In the emulators: take away the person's
 * profile (the sign-in function makes it again when it runs), refresh the ID token by force, and
 * see whether the profile came back; then sign in again, which must bring it back (the control).
 */
async function tokenRefreshRunsSignIn(p: Person): Promise<boolean> {
  const documents = `http://${process.env.FIRESTORE_EMULATOR_HOST}/v1/projects/${BUILD_ORG_CONFIG.firebase.projectId}/databases/(default)/documents`;
  const profile = () => fetch(`${documents}/${paths.profile(p.uid)}`, { headers: { Authorization: 'Bearer owner' } }).then((r) => r.ok);
  await fetch(`${documents}/${paths.profile(p.uid)}`, { method: 'DELETE', headers: { Authorization: 'Bearer owner' } });
  await p.auth.currentUser!.getIdToken(true);
  await sleep(1500);
  const ranAtRefresh = await profile();
  await signInWithEmailAndPassword(p.auth, p.employee.email, DEMO_PASSWORD);
  await waitFor(profile, { timeoutMs: 20_000, what: 'the sign-in function to make the profile again (the control)' });
  return ranAtRefresh;
}

/** The costs of `kind` in the sample, or ZERO when it was not sampled. */
export const sampled = (result: SampleResult, kind: string): UnitCost[] => result.costs.get(kind) ?? [{ ...ZERO }];
