// Nothing lost when things break: the real Firestore emulator is stopped and started again while
// someone writes, the extension's service worker is stopped in the middle of a send, and two
// panels of one person write at the same moment. Every change must arrive exactly once: checked
// in the colleague's browser and against the server's own documents and counters.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPanelPage, tabIdOf } from '../../scripts/chromium';
import { seedDemo } from '../../scripts/seed';
import { freezeFirestore, stopFirestore } from '../helpers/firestore-outage';
import { resetRateWindow, serverComments, serverDoc } from '../helpers/emulator-admin';
import { seededEmployee } from '../helpers/fixtures';
import { readStore } from '../helpers/extension-idb';
import { commentWith, employeeBrowser, serveIntranet, type Employee } from './setup';

const PATH = '/hr/verlofregeling.html';

/** The outbox as the panel's IndexedDB holds it: [kind, state] per item, oldest first. */
async function outbox(panel: Page): Promise<Array<[string, string]>> {
  const items = await readStore<{ op: { kind: string }; state: string }>(panel, 'outbox');
  return items.map((item) => [item.op.kind, item.state]);
}

/** The page id of a comment, from the panel's IndexedDB. */
async function pageOf(panel: Page, commentId: string): Promise<string> {
  const [row] = await readStore<{ pageId: string }>(panel, 'comments', commentId);
  return row!.pageId;
}

/** Stops the extension's service worker, as Chrome does when it is idle or under memory pressure. */
async function stopServiceWorker(employee: Employee): Promise<void> {
  const script = `chrome-extension://${employee.eb.extensionId}/background.js`;
  const cdp = await employee.eb.context.newCDPSession(employee.panel);
  try {
    // Wait for DevTools to report the worker stopped: otherwise this test would prove nothing.
    const stopped = new Promise<void>((resolve) =>
      cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
        if (versions.some((v) => v.scriptURL === script && v.runningStatus === 'stopped')) resolve();
      }),
    );
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await Promise.race([stopped, new Promise((_, reject) => setTimeout(() => reject(new Error('the service worker did not stop')), 10_000))]);
  } finally {
    await cdp.detach();
  }
}

async function post(panel: Page, text: string): Promise<void> {
  const composer = panel.locator('form', { has: panel.locator('#new-comment-text') });
  await composer.locator('#new-comment-text').fill(text);
  await composer.getByRole('button', { name: 'Plaatsen' }).click();
  await commentWith(panel, text).waitFor();
}

/** The page's counters equal what its documents say: live comments, and active page likes. */
async function expectCountersMatchDocuments(pageId: string): Promise<void> {
  const page = await serverDoc(`pages/${pageId}`);
  const comments = await serverComments(pageId);
  expect(page?.commentCount).toBe(comments.filter((c) => c.deleted !== true).length);
}

describe('nothing lost: outages, a stopped service worker, two panels at once', () => {
  let intranet: Awaited<ReturnType<typeof serveIntranet>>;
  let a: Employee;
  let b: Employee;
  let pageId: string;
  let annaUid: string;
  const stamp = Date.now();

  beforeAll(async () => {
    annaUid = seededEmployee(await seedDemo(), 'anna').uid;
    intranet = await serveIntranet();
    a = await employeeBrowser('anna', PATH, 'nl');
    b = await employeeBrowser('bram', PATH, 'en');
    await a.panel.locator('#new-comment-text').waitFor();
  });

  afterAll(async () => {
    await a?.eb.close();
    await b?.eb.close();
    await intranet?.close();
  });

  it('three comments, a like and an edit written while Firestore is down all arrive exactly once when it is back', async () => {
    const before = `Voor de storing geschreven ${stamp}`;
    await post(a.panel, before);
    await commentWith(b.panel, before).waitFor({ timeout: 15_000 });
    const id = await commentWith(a.panel, before).getAttribute('data-comment-id');
    pageId = await pageOf(a.panel, id!);

    const texts = [1, 2, 3].map((n) => `Tijdens de storing, nummer ${n} ${stamp}`);
    const edited = `${before} (aangepast tijdens de storing)`;
    const stopped = await stopFirestore();
    try {
      for (const text of texts) await post(a.panel, text);
      await a.panel.locator('.page-likes button.like').click();
      const mine = commentWith(a.panel, before);
      await mine.getByRole('button', { name: /bewerken/ }).click();
      await a.panel.getByLabel('Je reactie bewerken').fill(edited);
      await a.panel.getByRole('button', { name: 'Opslaan' }).click();
      await commentWith(a.panel, edited).waitFor();

      // Each waits visibly; the panel says once, quietly, that the server can't be reached.
      for (const text of texts) await commentWith(a.panel, text).getByText('Wacht op verzenden').waitFor();
      const status = a.panel.getByRole('status').filter({ hasText: 'kan de server niet bereiken' });
      await status.waitFor({ timeout: 30_000 });
      expect(await status.textContent()).toContain('5 wijzigingen');
      expect(await status.getByRole('button', { name: 'Nu proberen' }).isVisible()).toBe(true);
      // For people reviewing the change: what the panel looks like during the outage.
      await a.panel.screenshot({ path: 'test-results/outage-panel.png' });
      expect(await outbox(a.panel)).toEqual([
        ['create', 'pending'],
        ['create', 'pending'],
        ['create', 'pending'],
        ['like', 'pending'],
        ['edit', 'pending'],
      ]);
      // The colleague sees none of it yet.
      for (const text of texts) expect(await commentWith(b.panel, text).count()).toBe(0);
    } finally {
      await stopped.start();
    }

    // Back: everything arrives by itself, once, and the queue empties.
    for (const text of texts) await commentWith(b.panel, text).waitFor({ timeout: 60_000 });
    await commentWith(b.panel, edited).waitFor({ timeout: 30_000 });
    await expect.poll(() => outbox(a.panel), { timeout: 30_000 }).toEqual([]);
    await expect.poll(() => b.panel.locator('.page-likes .like-count').textContent(), { timeout: 30_000 }).toBe('1');
    for (const text of texts) expect(await commentWith(b.panel, text).count()).toBe(1);
    expect(await a.panel.getByText('Wacht op verzenden').count()).toBe(0);
    expect(await a.panel.getByRole('status').filter({ hasText: 'kan de server niet bereiken' }).count()).toBe(0);

    const onServer = await serverComments(pageId);
    for (const text of texts) expect(onServer.filter((c) => c.text === text)).toHaveLength(1);
    expect(onServer.filter((c) => c.text === edited)).toHaveLength(1);
    expect(onServer.filter((c) => c.text === before)).toHaveLength(0);
    await expectCountersMatchDocuments(pageId);
    expect((await serverDoc(`pages/${pageId}`))?.likeCount).toBe(1);
  });

  it('the service worker is stopped while it sends: the comment still arrives exactly once', async () => {
    const text = `Verstuurd terwijl de achtergrond stopte ${stamp}`;
    const resume = freezeFirestore();
    try {
      await post(a.panel, text);
      // The worker has sent it and waits for an answer that can't come (the server is frozen)…
      await expect.poll(() => outbox(a.panel), { timeout: 15_000 }).toEqual([['create', 'sending']]);
      // …when Chrome stops the worker.
      await stopServiceWorker(a);
    } finally {
      resume();
    }
    // A new worker (woken by its alarm, or the panel's nudge) asks the server whether the comment
    // landed before sending it again: one comment, counted once.
    await commentWith(b.panel, text).waitFor({ timeout: 60_000 });
    await expect.poll(() => outbox(a.panel), { timeout: 60_000 }).toEqual([]);
    expect(await commentWith(b.panel, text).count()).toBe(1);
    expect((await serverComments(pageId)).filter((c) => c.text === text)).toHaveLength(1);
    await expectCountersMatchDocuments(pageId);
  });

  it('two panels of the same person post at the same moment: all arrive once, in both panels and at the colleague', async () => {
    // Anna has already posted five comments within this minute: six more would pass the
    // rules' 10-a-minute limit. A real person would wait a minute; the test empties the window.
    await resetRateWindow(annaUid);
    const second = await openPanelPage(a.eb, await tabIdOf(a.eb, a.tab));
    await second.locator('#new-comment-text').waitFor({ timeout: 20_000 });
    const texts = (tag: string) => [1, 2, 3].map((n) => `Tegelijk uit paneel ${tag}, ${n} ${stamp}`);
    const postAll = async (panel: Page, list: string[]) => {
      for (const text of list) await post(panel, text);
    };
    await Promise.all([postAll(a.panel, texts('een')), postAll(second, texts('twee'))]);
    const all = [...texts('een'), ...texts('twee')];
    for (const text of all) await commentWith(b.panel, text).waitFor({ timeout: 30_000 });
    for (const panel of [a.panel, second]) {
      for (const text of all) await commentWith(panel, text).waitFor({ timeout: 30_000 });
    }
    await expect.poll(() => outbox(a.panel), { timeout: 30_000 }).toEqual([]);
    for (const text of all) expect(await commentWith(b.panel, text).count()).toBe(1);
    const onServer = await serverComments(pageId);
    for (const text of all) expect(onServer.filter((c) => c.text === text)).toHaveLength(1);
    await expectCountersMatchDocuments(pageId);
    await second.close();
  });
});
