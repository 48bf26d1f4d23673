// "Wat speelt er? / What's happening" (issue 19), its three budgets against the emulators:
// - the timeline shown from the local cache with 500 entries, in the real built extension in
//   Chromium (the approach of ./thread-panel.ts: a fresh panel page per sample, navigation start →
//   the first frame after the first screenful of cards is in the DOM, entries already in Dexie);
// - the documents an unchanged reopen reads, with the panel's own sync (lib/data/timeline/timeline-sync.ts)
//   and the real Firebase JS SDK in Node (a fresh SDK instance per open, Dexie on fake-indexeddb kept,
//   as in tests/integration/timeline.test.ts);
// - how long a colleague's comment takes to reach an open timeline: B posts through the outbox, the
//   Functions emulator's triggers (functions/src/timeline.ts) rewrite the entry, A's listener
//   brings it into A's Dexie.
// The entries are written straight into Firestore with the functions' Admin SDK, computed by the
// triggers' own builder (lib/core/timeline.ts timelineEntryFrom), so they are what the triggers
// would have written for threads of 1–7 comments. Only `timeline/*` is written: the panel reads
// nothing else for this view, and no trigger listens to those documents.
// Quick mode (CI): 100 entries, 3 samples each.
import 'fake-indexeddb/auto';
import { setLogLevel } from 'firebase/firestore';
import type { Page } from 'playwright-core';
import { startIntranet } from '../../demo/serve-intranet.mjs';
import { DEMO_PASSWORD } from '../../demo/org';
import { DEMO_PORTS } from '../../demo/ports';
import { BUILD_ORG_CONFIG } from '../../lib/any/bundled-org-config';
import { normalizeUrl, pageIdFor } from '../../lib/any/page-identity';
import { personFromDoc } from '../../lib/core/codecs';
import { paths } from '../../lib/core/paths';
import { NO_ROLLOUT, rolloutFromDoc, type Rollout } from '../../lib/core/rollout';
import { commentForTimeline, pageForTimeline, participantRolesFrom, sectionKeyFor, timelineEntryFrom, type ParticipantRoles } from '../../lib/core/timeline';
import { visibleSectionKeys, type TimelineQuery } from '../../lib/core/timeline-sections';
import { openDb, type PrikbordDb } from '../../lib/data/db';
import { postComment, type Author } from '../../lib/data/outbox/commands';
import { flushOutbox, retryNow } from '../../lib/data/outbox/flusher';
import { firestoreSender } from '../../lib/data/outbox/remote-operations';
import { syncTimeline } from '../../lib/data/timeline/timeline-sync';
import { ensureSignedIn, launchWithExtension, tabIdOf, type ExtensionBrowser } from '../chromium';
import { sleep, waitFor } from '../poll';
import { seedDemo, type SeededEmployee } from '../seed';
import { backgroundTriggers } from './emulator-hub';
import { percentiles, type BenchSection, type Figure } from './figures';
import { benchState, memory, openWatchedPanel, type PanelWatch } from './thread-panel';
import { INTRANET, loadRealRules, nodeClient } from './thread-seed';

const SECTION = 'timeline';
/** The first screenful: at 420×900 about four cards fit under the heading, hint, strip and filters; ten is comfortably more. */
const FIRST_SCREEN = 10;
const CARDS = 'ol.timeline-list article.timeline-card';
const PHASES: Array<[string, string]> = [
  ['app', 'main.panel'],
  ['signedIn', '.panel-header'],
  ['timeline', 'section.timeline'],
  ['card', CARDS],
];
const DAY_MS = 86_400_000;

/** The functions' Admin SDK (the same instance and classes the triggers write with). */
type AdminDb = (typeof import('../../functions/src/admin'))['db'];

const TEXTS = [
  'Goed punt, dat nemen we mee in het volgende overleg.',
  'Weet iemand of dit ook geldt voor de buitendienst?',
  'Bij ons op de afdeling werkt het al een paar weken zo, en dat bevalt prima.',
  'Ik heb de vraag doorgezet naar de helpdesk; zodra ik iets hoor laat ik het hier weten.',
  'Kan dit ook voor de zomer geregeld worden? Dan kunnen we de planning erop aanpassen.',
  'Let op: de oude link op de pagina verwijst nog naar het formulier van vorig jaar.',
];

/** A page of the demo intranet's origin that no demo page uses, as the extension would identify it. */
async function benchPage(path: string, title: string): Promise<{ pageId: string; url: string; title: string }> {
  const url = normalizeUrl(`${INTRANET}${path}`, BUILD_ORG_CONFIG.sites[0]!);
  return { pageId: await pageIdFor(url), url, title };
}

/**
 * Writes `count` timeline entries: thread i has 1–7 comments by the demo staff (every sixth one
 * anonymous, every third a reply), its latest comment further back the larger i (30 days in all,
 * so some are in "this week"), and updatedAt just after that comment, as the trigger would have
 * stamped it. Entries already there (late triggers of earlier sections) are removed first, so the
 * panel has exactly `count`.
 */
async function seedEntries(db: AdminDb, count: number, staff: SeededEmployee[]): Promise<void> {
  const rolloutSnap = await db.doc(paths.rollout()).get();
  const rollout: Rollout = rolloutSnap.exists ? rolloutFromDoc(rolloutSnap.data() ?? {}) : NO_ROLLOUT;
  const profiles = await db.getAll(...staff.map((e) => db.doc(paths.profile(e.uid))));
  const roles = new Map<string, ParticipantRoles>(profiles.map((p) => [p.id, participantRolesFrom(p.data())]));

  const stale = await db.collection(paths.timeline()).listDocuments();
  for (let i = 0; i < stale.length; i += 400) {
    const batch = db.batch();
    for (const ref of stale.slice(i, i + 400)) batch.delete(ref);
    await batch.commit();
  }

  const now = Date.now();
  for (let start = 0; start < count; start += 400) {
    const batch = db.batch();
    for (let i = start; i < Math.min(count, start + 400); i++) {
      const page = await benchPage(`/bench/tijdlijn/pagina-${i}.html`, `Benchpagina ${i + 1}`);
      const latestAt = now - 60_000 - Math.floor((i * 30 * DAY_MS) / count);
      const n = 1 + (i % 7);
      const ids: string[] = [];
      const comments = Array.from({ length: n }, (_, k) => {
        const id = `c${i}x${k}`;
        ids.push(id);
        const author = staff[(i + k) % staff.length]!;
        const anonymous = (i + k) % 6 === 5;
        return commentForTimeline(id, {
          parentId: k % 3 === 2 ? ids[k - 1]! : null,
          text: `${TEXTS[(i + k) % TEXTS.length]} (#${i}.${k})`,
          anonymous,
          ...(anonymous ? {} : { authorUid: author.uid, authorName: author.displayName }),
          deleted: false,
          createdAt: new Date(latestAt - (n - 1 - k) * 20 * 60_000),
          likeCount: (i + k) % 4,
        });
      });
      const content = timelineEntryFrom({
        pageId: page.pageId,
        page: pageForTimeline({ url: page.url, title: page.title, commentCount: n, likeCount: i % 3 }),
        comments,
        sectionKey: sectionKeyFor(rollout, page.url),
        rolesOf: (uid) => roles.get(uid) ?? { leader: false, communityManager: false },
      });
      // Plain Dates: the functions' Admin SDK stores them as its own Timestamps.
      batch.set(db.doc(paths.timelineEntry(page.pageId)), { ...content, updatedAt: new Date(latestAt + 1000) });
    }
    await batch.commit();
  }
  const stored = (await db.collection(paths.timeline()).count().get()).data().count;
  if (stored !== count) throw new Error(`seeded ${count} timeline entries, the server has ${stored}`);
}

interface Open {
  /** Billed reads: each query's first answer costs max(1, its documents); later changes one each. */
  billed: number;
  /** Documents the server delivered. */
  delivered: number;
  queries: number;
}

/** One open of the timeline: a fresh SDK instance syncs `keys` into `db` until current, plus a moment for anything late. */
async function openTimeline(db: PrikbordDb, person: SeededEmployee, keys: string[], expected: number): Promise<Open> {
  const client = await nodeClient(person.email, DEMO_PASSWORD);
  const first = new Map<TimelineQuery, number>();
  let later = 0;
  let delivered = 0;
  let current = false;
  const errors: unknown[] = [];
  const stop = syncTimeline(client.firestore, db, keys, (e) => errors.push(e), {
    onServerSnapshot(q, size, changes) {
      delivered += changes;
      if (first.has(q)) later += changes;
      else first.set(q, size);
    },
    onCurrent: () => void (current = true),
  });
  try {
    const check = () => {
      if (errors.length > 0) throw errors[0];
    };
    await waitFor(
      () => {
        check();
        return current;
      },
      { what: 'the timeline sync to be current', timeoutMs: 60_000 },
    );
    await waitFor(async () => (await db.timeline.count()) === expected, { what: `${expected} entries in Dexie`, timeoutMs: 60_000 });
    await sleep(500); // anything late still counts
    check();
    const billed = [...first.values()].reduce((sum, size) => sum + Math.max(1, size), 0) + later;
    return { billed, delivered, queries: first.size };
  } finally {
    stop();
    await client.close();
  }
}

async function readFigures(db: PrikbordDb, reader: SeededEmployee, keys: string[], count: number): Promise<Figure[]> {
  const first = await openTimeline(db, reader, keys, count);
  const again = await openTimeline(db, reader, keys, count);
  const label = `${count} entries`;
  return [
    {
      section: SECTION,
      name: `timeline first open, ${label}: documents read`,
      value: first.billed,
      unit: 'reads',
      note: `empty Dexie; ${first.queries} query`,
    },
    {
      section: SECTION,
      name: 'timeline reopen, unchanged: documents read',
      value: again.billed,
      unit: 'reads',
      budget: { max: 2 },
      note: `${label}; fresh SDK (empty cache) with Dexie's cursors; ${again.queries} query, ${again.delivered} documents delivered; billed incl. empty queries`,
    },
  ];
}

/** Opens the panel on `tabId` and waits until it shows `count` cards; then the entries are in the profile's Dexie. */
async function firstVisit(eb: ExtensionBrowser, tabId: number, count: number): Promise<void> {
  const panel = await openWatchedPanel(eb, tabId, { want: 0, items: CARDS, phases: [] });
  try {
    // The view renders 30 cards at a time: wait for the entries in the panel's IndexedDB instead.
    await panel.waitForFunction(
      (n) =>
        new Promise<boolean>((resolve) => {
          const open = indexedDB.open('prikbord');
          open.onerror = () => resolve(false);
          open.onsuccess = () => {
            const db = open.result;
            if (!db.objectStoreNames.contains('timeline')) return resolve(false);
            const counted = db.transaction('timeline').objectStore('timeline').count();
            counted.onsuccess = () => resolve(counted.result >= n);
            counted.onerror = () => resolve(false);
          };
        }),
      count,
      { timeout: 120_000, polling: 500 },
    );
    await panel.waitForTimeout(1000); // the cursor write lands after the rows
  } finally {
    await panel.close();
  }
}

/** The panel opened on a tab that is no intranet page (it shows the timeline there): cache-open times and memory. */
async function panelFigures(reader: SeededEmployee, count: number, reopens: number): Promise<Figure[]> {
  const eb = await launchWithExtension({ lang: 'en' });
  try {
    const tab = await eb.context.newPage();
    await tab.goto(`${INTRANET}/index.html`);
    await tab.locator('prikbord-launcher').waitFor({ state: 'attached' });
    // The extension sees the urls of intranet tabs only: take the tab's id there, sign in, then leave the intranet.
    const tabId = await tabIdOf(eb, tab);
    const signIn = await openWatchedPanel(eb, tabId, { want: 0, items: CARDS, phases: [] });
    await ensureSignedIn(signIn, reader.email, DEMO_PASSWORD);
    await signIn.close();
    await tab.goto('about:blank');
    await firstVisit(eb, tabId, count);

    const watch: PanelWatch = { want: Math.min(FIRST_SCREEN, count), items: CARDS, phases: PHASES };
    const times: number[] = [];
    const tasks: number[] = [];
    const phases: Record<string, number[]> = {};
    let last: Page | undefined;
    for (let i = 0; i < reopens; i++) {
      await last?.close();
      last = await openWatchedPanel(eb, tabId, watch);
      const state = await benchState(last);
      times.push(state.paintAt!);
      tasks.push(state.longTasks.length);
      for (const [phase, at] of Object.entries({ ...state.phases, scriptsRun: state.scriptsRun })) (phases[phase] ??= []).push(at);
    }
    const rendered = await last!.locator(CARDS).count();
    await last!.waitForTimeout(1500); // the sync's first answer, then weigh the panel as a reader has it open
    const mem = await memory(eb, last!);
    await last!.close();
    const { median, p95 } = percentiles(times);
    const stage = (phase: string) => (phases[phase] ? Math.round(percentiles(phases[phase]!).median) : '?');
    const label = `${count} entries`;
    return [
      {
        section: SECTION,
        name: `timeline open from cache, ${label}, median`,
        value: Math.round(median),
        unit: 'ms',
        budget: { max: 150 },
        note: `${reopens} panel opens on a non-intranet tab; navigation start → first frame after ${watch.want} cards are in the DOM (entries already in Dexie; ${rendered} cards rendered)`,
      },
      {
        section: SECTION,
        name: `timeline open from cache, ${label}, p95`,
        value: Math.round(p95),
        unit: 'ms',
        note: `medians: bundle run ${stage('scriptsRun')}, signed in ${stage('signedIn')}, timeline shown ${stage('timeline')}, cards in DOM ${stage('card')} ms; long tasks per open: ${percentiles(tasks).median}`,
      },
      {
        section: SECTION,
        name: `timeline panel memory, ${label} (JS heap after GC)`,
        value: Number(mem.heapMB.toFixed(1)),
        unit: 'MB',
        note: `CDP JSHeapUsedSize after HeapProfiler.collectGarbage; ${mem.nodes.toLocaleString('en-US')} DOM nodes`,
      },
    ];
  } finally {
    await eb.close();
  }
}

/** Comments posted before the counted ones (see deliveryFigures). */
const WARM_UP = 2;

/**
 * B posts `samples` comments, each on a page nobody commented on before, through B's outbox while
 * A's timeline is open; from the comment's commit (its createTime on the server) to the entry with
 * it in A's Dexie. One machine clock: the emulator's and this process's.
 */
async function deliveryFigures(admin: AdminDb, aDb: PrikbordDb, a: SeededEmployee, b: SeededEmployee, keys: string[], samples: number): Promise<Figure[]> {
  const aClient = await nodeClient(a.email, DEMO_PASSWORD);
  const bClient = await nodeClient(b.email, DEMO_PASSWORD);
  const bDb = openDb(`bench-timeline-writer-${Date.now()}`);
  const author: Author = { uid: b.uid, displayName: b.displayName };
  const sender = firestoreSender(bClient.lite, () => author);
  let current = false;
  const errors: unknown[] = [];
  const stop = syncTimeline(aClient.firestore, aDb, keys, (e) => errors.push(e), { onCurrent: () => void (current = true) });
  try {
    // Written after A's listener is current: the emulator can drop a change committed while a listener registers (tests/helpers/emulator-clients.ts).
    await waitFor(() => current, { what: "A's timeline sync to be current", timeoutMs: 60_000 });
    await admin.doc(paths.rate(b.uid)).delete(); // the rules allow 10 comments a minute; start from an empty window
    const latencies: number[] = [];
    const sinceSend: number[] = [];
    // The first comments wake the Functions emulator's workers for the triggers (1–4 s each, an
    // emulator's cold start, not the path): WARM_UP of them go first and are not counted.
    for (let i = -WARM_UP; i < samples; i++) {
      if (i === 0) await admin.doc(paths.rate(b.uid)).delete(); // a fresh rate window for the counted ones
      const page = await benchPage(`/bench/tijdlijn/nieuw-${Date.now()}-${i}.html`, `Nieuw ${i + 1}`);
      const pressed = Date.now();
      const { id } = await postComment(bDb, author, { pageId: page.pageId, parentId: null, text: `Wie weet hier meer van? (bench ${i})`, page });
      if (!id) throw new Error('the comment was refused locally');
      // Polled from before the send, so an arrival before the outbox returns is seen too.
      const arrived = waitFor(async () => (await aDb.timeline.get(page.pageId))?.latest.commentId === id && Date.now(), {
        what: "B's comment in A's timeline",
        timeoutMs: 30_000,
        intervalMs: 5,
      });
      let result = await flushOutbox(bDb, b.uid, sender);
      // A passing failure (a dropped keep-alive, a busy emulator) is retried at once, as the background runner does.
      for (let tries = 0; result.status === 'retry' && tries < 5; tries++) {
        await sleep(100);
        await retryNow(bDb, b.uid);
        result = await flushOutbox(bDb, b.uid, sender);
      }
      if (result.status !== 'idle') throw new Error(`B's outbox did not empty: ${JSON.stringify(result)}`);
      const at = await arrived;
      const committed = (await admin.doc(paths.comment(page.pageId, id)).get()).createTime?.toMillis();
      if (committed === undefined) throw new Error("B's comment is not on the server");
      if (i >= 0) {
        latencies.push(at - committed);
        sinceSend.push(at - pressed);
      }
      if (errors.length > 0) throw errors[0];
      await sleep(300);
    }
    const { median, p95 } = percentiles(latencies);
    return [
      {
        section: SECTION,
        name: "comment → another person's open timeline, median",
        value: median,
        unit: 'ms',
        budget: { max: 2000 },
        note: `${samples} comments by B through the outbox, each on a new page, after ${WARM_UP} not counted (the emulator's trigger workers starting); commit (createTime) → the entry with it in A's Dexie (triggers + listener)`,
      },
      {
        section: SECTION,
        name: "comment → another person's open timeline, p95",
        value: p95,
        unit: 'ms',
        note: `in order: ${latencies.join(', ')} ms; from B's post (outbox) instead: median ${percentiles(sinceSend).median} ms`,
      },
    ];
  } finally {
    stop();
    await aClient.close();
    await bClient.close();
    bDb.close();
  }
}

export const timeline: BenchSection = {
  id: SECTION,
  needsEmulators: true,
  async run({ quick, root }) {
    setLogLevel('silent');
    process.env.GCLOUD_PROJECT ??= BUILD_ORG_CONFIG.firebase.projectId;
    const { db: admin } = await import('../../functions/src/admin');
    const count = quick ? 100 : 500;
    const staff = await seedDemo({ threads: false });
    await loadRealRules(root);
    const anna = staff.find((e) => e.key === 'anna')!;
    const bram = staff.find((e) => e.key === 'bram')!;
    // Triggers off while seeding: a late trigger of an earlier section's comments could otherwise
    // add an entry after the stale ones were removed.
    await backgroundTriggers(false);
    try {
      await sleep(1000); // a trigger already running finishes
      await seedEntries(admin, count, staff);
    } finally {
      await backgroundTriggers(true);
    }
    const rolloutSnap = await admin.doc(paths.rollout()).get();
    const rollout = rolloutSnap.exists ? rolloutFromDoc(rolloutSnap.data() ?? {}) : NO_ROLLOUT;
    // The sections the panel would ask for (lib/core/timeline-sections.ts), from Anna's profile as the panel reads it.
    const { departmentPath } = personFromDoc(anna.uid, (await admin.doc(paths.profile(anna.uid)).get()).data() ?? {});
    const keys = visibleSectionKeys(rollout, { uid: anna.uid, departmentPath }, Date.now());

    const figures: Figure[] = [];
    const aDb = openDb(`bench-timeline-reader-${Date.now()}`);
    const intranet = await startIntranet({ port: DEMO_PORTS.intranet });
    try {
      figures.push(...(await readFigures(aDb, anna, keys, count)));
      figures.push(...(await panelFigures(anna, count, quick ? 3 : 10)));
      figures.push(...(await deliveryFigures(admin, aDb, anna, bram, keys, quick ? 3 : 10)));
      return figures;
    } finally {
      aDb.close();
      await intranet.close();
    }
  },
};
