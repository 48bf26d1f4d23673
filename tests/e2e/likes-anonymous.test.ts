// Likes and the anonymous button, end to end in two browsers (A in Dutch, B in English):
// A posts anonymously and B finds no trace of A anywhere (page, panel, IndexedDB); A is offered no
// like on her own anonymous post (a named like would sign it); likes made at the same moment end
// at the exact count; A still owns the post after a browser restart, and in a fresh browser
// profile after signing in there. A's anonymous changes leave the outbox after a random delay of
// up to a minute, on their own (lib/data/outbox/flusher.ts), hence the longer waits for them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ensureSignedIn, launchWithExtension, openPanelPage, tabIdOf, type ExtensionBrowser } from '../../scripts/chromium';
import { seedDemo, type SeededEmployee } from '../../scripts/seed';
import { readDatabase } from '../helpers/extension-idb';
import { DEMO_PASSWORD, demoEmployee, seededEmployee } from '../helpers/fixtures';
import { commentWith, employeeBrowser, INTRANET, serveIntranet, type Employee } from './setup';

const PATH = '/nieuws/2026-11-personeelsfeest.html';
/** An anonymous change waits 5–60 s and a quiet time after other sends; a stopped worker wakes by alarm. */
const ANONYMOUS_WAIT_MS = 150_000;

describe('likes and anonymous posting in two browsers', () => {
  let intranet: Awaited<ReturnType<typeof serveIntranet>>;
  let profileDir: string;
  let seeded: SeededEmployee[];
  let a: ExtensionBrowser | undefined;
  let aPanel: Page;
  let b: Employee;
  const text = `Mag ik anoniem vragen of het feest ook alcoholvrij wordt? ${Date.now()}`;

  async function openAsAnna(eb: ExtensionBrowser): Promise<Page> {
    const tab = await eb.context.newPage();
    await tab.goto(`${INTRANET}${PATH}`);
    await tab.locator('prikbord-launcher').waitFor({ state: 'attached' });
    const panel = await openPanelPage(eb, await tabIdOf(eb, tab));
    await ensureSignedIn(panel, demoEmployee('anna').email, DEMO_PASSWORD);
    await panel.locator('#new-comment-text').waitFor();
    return panel;
  }

  beforeAll(async () => {
    seeded = await seedDemo();
    intranet = await serveIntranet();
    profileDir = mkdtempSync(join(tmpdir(), 'prikbord-anon-'));
    a = await launchWithExtension({ lang: 'nl', userDataDir: profileDir });
    aPanel = await openAsAnna(a);
    b = await employeeBrowser('bram', PATH, 'en');
  });

  afterAll(async () => {
    await a?.close();
    await b?.eb.close();
    await intranet?.close();
    rmSync(profileDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  });

  it(
    'A posts anonymously, told plainly what that means; A sees it as theirs',
    async () => {
      await aPanel.getByLabel('Je reactie').fill(text);
      const toggle = aPanel.getByLabel('Anoniem plaatsen').first();
      await toggle.check();
      await aPanel.getByText("Collega's en communicatiemedewerkers kunnen niet zien wie dit schreef").first().waitFor();
      await aPanel.getByRole('button', { name: 'Plaatsen' }).click();
      await expect.poll(() => commentWith(aPanel, text).locator('.author').textContent()).toBe('jij (anoniem)');
      // While it waits, A is told it goes out at a random moment (timing decorrelation).
      await expect.poll(() => commentWith(aPanel, text).locator('.state.pending').textContent()).toMatch(/willekeurig moment/);
      await expect.poll(() => commentWith(aPanel, text).locator('.state.pending').count(), { timeout: ANONYMOUS_WAIT_MS }).toBe(0);
      // The toggle does not stick: the next post is named unless chosen again.
      expect(await toggle.isChecked()).toBe(false);
    },
    ANONYMOUS_WAIT_MS + 60_000,
  );

  it('B sees "Anonymous", and no trace of A in the page, the panel or IndexedDB', async () => {
    await commentWith(b.panel, text).waitFor({ timeout: 10_000 });
    expect(await commentWith(b.panel, text).locator('.author').textContent()).toBe('Anonymous');
    const anna = seededEmployee(seeded, 'anna');
    const traces = [anna.uid, anna.displayName, anna.email, 'Anna'];
    const panelHtml = await b.panel.content();
    const pageHtml = await b.tab.content();
    const stored = await readDatabase(b.panel);
    expect(JSON.stringify(stored.comments)).toContain(text); // the dump is real: the comment itself is there
    // The company directory (people, evidence) lists Anna, as it lists everyone; every other table
    // (comments, pages, likes, owned, outbox, drafts, …) must not mention her at all…
    const { people, evidence, ...threadTables } = stored;
    const threadData = JSON.stringify(threadTables);
    for (const trace of traces) {
      expect(panelHtml).not.toContain(trace);
      expect(pageHtml).not.toContain(trace);
      expect(threadData).not.toContain(trace);
    }
    // …and nothing in the directory points at the anonymous comment or its page for her.
    const commentId = await commentWith(b.panel, text).getAttribute('data-comment-id');
    const pageId = (stored.comments as Array<{ id: string; pageId: string }>).find((c) => c.id === commentId)!.pageId;
    const directory = JSON.stringify({ people, evidence });
    expect(directory).not.toContain(commentId!);
    expect(directory).not.toContain(text);
    const annasEvidence = (evidence as Array<{ uid: string; pages: Array<{ pageId: string }> }>).find((e) => e.uid === anna.uid);
    expect(annasEvidence?.pages.map((p) => p.pageId) ?? []).not.toContain(pageId);
    // B cannot edit or delete it.
    expect(
      await commentWith(b.panel, text)
        .getByRole('button', { name: /Edit|Delete/ })
        .count(),
    ).toBe(0);
  });

  // Formerly A liked her own anonymous comment here, and B's "who liked this?" then named her on
  // it: that de-anonymised the post. The rules now refuse it and A is offered no like button on it.
  it('A is offered no like on her own anonymous post; B is, and "who liked this?" names only B', async () => {
    const mine = commentWith(aPanel, text);
    expect(await mine.locator('button.like').count()).toBe(0);
    await expect.poll(() => mine.locator('.like.static').textContent()).toMatch(/je anonieme reactie/);
    await commentWith(b.panel, text).locator('button.like').click();
    await expect.poll(() => commentWith(b.panel, text).locator('.like-count').textContent(), { timeout: 10_000 }).toBe('1');
    // A sees the count, as text: "1 keer leuk gevonden (je anonieme reactie: …)".
    await expect.poll(() => mine.locator('.like.static').textContent(), { timeout: 10_000 }).toMatch(/1 keer leuk gevonden/);
    await commentWith(b.panel, text).getByRole('button', { name: 'Who liked this?' }).click();
    await expect.poll(() => commentWith(b.panel, text).locator('.liked-by').textContent()).toMatch(/Bram Jansen$/);
    expect(await commentWith(b.panel, text).locator('.author').textContent()).toBe('Anonymous');
  });

  it('likes of the page from A and B at the same moment end at exactly 2', async () => {
    await Promise.all([aPanel.locator('.page-likes button.like').click(), b.panel.locator('.page-likes button.like').click()]);
    // A's named like may wait 5–20 s: it does not leave right after her anonymous post did.
    for (const panel of [aPanel, b.panel]) {
      await expect.poll(() => panel.locator('.page-likes .like-count').textContent(), { timeout: 40_000 }).toBe('2');
      expect(await panel.locator('.page-likes button.like').getAttribute('aria-pressed')).toBe('true');
    }
  });

  it('a double click on like counts as one click: both browsers agree with the like documents', async () => {
    const button = b.panel.locator('.page-likes button.like');
    await button.dblclick();
    // Both clicks read the state shown before them (liked), so both ask for "unliked": one change.
    await expect.poll(() => aPanel.locator('.page-likes .like-count').textContent(), { timeout: 10_000 }).toBe('1');
    await expect.poll(() => b.panel.locator('.page-likes .like-count').textContent(), { timeout: 10_000 }).toBe('1');
    expect(await button.getAttribute('aria-pressed')).toBe('false');
    // The count equals the like documents the server holds.
    await aPanel.locator('.page-likes').getByRole('button', { name: 'Wie vond dit leuk?' }).click();
    await expect.poll(() => aPanel.locator('.page-likes .liked-by').textContent()).toMatch(/Anna de Vries$/);
  });

  it(
    'after a browser restart A still owns the post and edits it; B sees the edit, still anonymous',
    async () => {
      await a!.close();
      a = await launchWithExtension({ lang: 'nl', userDataDir: profileDir });
      aPanel = await openAsAnna(a);
      const mine = commentWith(aPanel, text);
      await expect.poll(() => mine.locator('.author').textContent(), { timeout: 10_000 }).toBe('jij (anoniem)');
      await mine.getByRole('button', { name: /bewerken/ }).click();
      const edited = `${text} (aangevuld)`;
      await aPanel.getByLabel('Je reactie bewerken').fill(edited);
      await aPanel.getByRole('button', { name: 'Opslaan' }).click();
      await commentWith(b.panel, '(aangevuld)').waitFor({ timeout: ANONYMOUS_WAIT_MS });
      expect(await commentWith(b.panel, '(aangevuld)').locator('.author').textContent()).toBe('Anonymous');
    },
    ANONYMOUS_WAIT_MS + 60_000,
  );

  it('signed in on another browser profile, A still sees the post as theirs', async () => {
    const other = await launchWithExtension({ lang: 'nl' });
    try {
      const panel = await openAsAnna(other);
      await expect.poll(() => commentWith(panel, '(aangevuld)').locator('.author').textContent(), { timeout: 10_000 }).toBe('jij (anoniem)');
      expect(
        await commentWith(panel, '(aangevuld)')
          .getByRole('button', { name: /bewerken/ })
          .count(),
      ).toBe(1);
    } finally {
      await other.close();
    }
  });
});
