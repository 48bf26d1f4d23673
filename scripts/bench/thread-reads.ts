// Firestore documents read per visit of a page's thread (the budget: a revisit of an unchanged page
// costs ≤ 2 reads, whatever the thread's size), with the panel's own sync code (lib/data/thread/thread-sync.ts
// syncThread) and the real Firebase JS SDK in Node against the emulator, Dexie on fake-indexeddb.
//
// How reads are counted: syncThread reports, for every snapshot NOT served from the SDK's cache,
// how many documents it carried (docChanges().length; 1 for the page document). Each visit uses a
// fresh Firebase app, so its memory cache is empty and everything counted came from the server;
// only Dexie (this browser's durable cache, with the page's cursor) survives between visits, as in
// the extension. Firestore also bills a query that returns nothing as one read: the
// "billed" figure adds one per listener whose first server answer was empty.
import 'fake-indexeddb/auto';
import { setLogLevel } from 'firebase/firestore';
import { DEMO_PASSWORD } from '../../demo/org';
import { openDb, type PrikbordDb } from '../../lib/data/db';
import { syncThread, type ThreadListener } from '../../lib/data/thread/thread-sync';
import { sleep, waitFor } from '../poll';
import { seedDemo } from '../seed';
import type { BenchSection, Figure } from './figures';
import { addComments, loadRealRules, nodeClient, seedThread, type SeededThread } from './thread-seed';

interface Visit {
  /** Documents delivered by the server. */
  delivered: number;
  /** Listeners whose first server answer carried no document (billed 1 read each). */
  empty: number;
}

/** One visit of the page: a fresh SDK instance listens until every listener has answered and the thread is complete in Dexie. */
async function visit(db: PrikbordDb, thread: SeededThread, email: string): Promise<Visit> {
  const client = await nodeClient(email, DEMO_PASSWORD);
  let delivered = 0;
  const answered = new Set<ThreadListener>();
  let empty = 0;
  let current = false;
  const errors: unknown[] = [];
  const stop = syncThread(client.firestore, db, thread, client.uid, (e) => errors.push(e), {
    onServerDocs(count, listener) {
      delivered += count;
      // A listener's first answer with no documents still bills one read (an empty query).
      if (!answered.has(listener) && count === 0) empty++;
      answered.add(listener);
    },
    onCurrent: () => void (current = true),
  });
  try {
    await waitFor(() => current, { timeoutMs: 60_000, what: 'every listener it runs to answer' });
    await waitFor(async () => (await db.comments.where('pageId').equals(thread.pageId).count()) === thread.count, {
      timeoutMs: 60_000,
      what: 'the thread in Dexie',
    });
    await sleep(500); // anything late still counts
    if (errors.length > 0) throw errors[0];
    return { delivered, empty };
  } finally {
    stop();
    await client.close();
  }
}

export const threadReads: BenchSection = {
  id: 'thread-reads',
  needsEmulators: true,
  async run({ root }) {
    setLogLevel('silent');
    const staff = await seedDemo({ threads: false });
    await loadRealRules(root);
    const reader = staff.find((e) => e.key === 'bram')!;
    const authors = staff.filter((e) => e.key !== 'bram').slice(0, 12);
    const figures: Figure[] = [];
    const section = 'thread-reads';
    const paths: Record<number, string> = { 10: '/afdelingen/communicatie.html', 100: '/en/welcome.html', 1000: '/nieuws/2026-11-personeelsfeest.html' };
    // Counting needs no sample: the same visit reads the same documents. Quick mode runs it all too.
    for (const size of [10, 100, 1000]) {
      const thread = await seedThread(root, paths[size]!, size, authors);
      const db = openDb(`bench-thread-reads-${size}-${Date.now()}`);
      try {
        const first = await visit(db, thread, reader.email);
        const again = await visit(db, thread, reader.email);
        const label = `${size.toLocaleString('en-US')} comments`;
        figures.push(
          {
            section,
            name: `${label}: first visit, documents read`,
            value: first.delivered,
            unit: 'reads',
            note: `empty Dexie; every comment + the page document`,
          },
          {
            section,
            name: `${label}: revisit, unchanged, documents read`,
            value: again.delivered,
            unit: 'reads',
            budget: { max: 2 },
            note: `delivered by the server to a fresh SDK (empty cache) with Dexie's cursor; billed incl. empty queries: ${again.delivered + again.empty}`,
          },
        );
        if (size === 1000) {
          const k = 10;
          await addComments(thread, k, authors[0]!);
          const news = await visit(db, thread, reader.email);
          figures.push({
            section,
            name: `${label}: revisit after ${k} new comments, documents read`,
            value: news.delivered,
            unit: 'reads',
            budget: { max: k + 2 },
            note: `k new + the cursor's own comment (asked with >=) + the page document; billed incl. empty queries: ${news.delivered + news.empty}`,
          });
        }
      } finally {
        db.close();
      }
    }
    return figures;
  },
};
