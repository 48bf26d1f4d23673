// Moderation end to end, in the built extension, by keyboard only where a person acts: Bram (in
// Dutch) reports Daan's comment as a personal attack from his side panel; reporting it again is
// answered "you already reported this". Chantal (moderator everywhere, in English) finds it in the
// console's Moderation queue, claims it, hides it with that reason; Bram and Chantal's own panel
// then show "Verborgen door moderatie: persoonlijke aanval" / "Hidden by moderation: personal
// attack" in its place, the history names the decision, and Restore brings the comment back.
// With anonymous posts pre-moderated on the rest of the intranet, Bram's anonymous post shows to
// him as "Wacht op een moderator" and to nobody else; it reaches the queue as "Anonymous" (the
// queue document holds nothing of Bram), Chantal approves it, and her panel shows it in the thread.
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionBrowser } from '../../scripts/chromium';
import { emulatorAdmin, namedCommentDoc, putDoc, seedDemo, type SeededEmployee } from '../../scripts/seed';
import { BUILD_ORG_CONFIG } from '../../lib/any/bundled-org-config';
import { normalizeUrl, pageIdFor } from '../../lib/any/page-identity';
import { ALL_FEATURES } from '../../lib/core/rollout';
import { serverDoc } from '../helpers/emulator-admin';
import { browserOf, consoleOf, focused, goToSection, tabTo } from '../helpers/console-keyboard';
import { DEMO_PASSWORD, demoEmployee, seededEmployee } from '../helpers/fixtures';
import { signedInClient } from '../helpers/emulator-clients';
import { moderationApi } from '../../lib/data/console/moderation';
import { consoleFunctions } from '../../lib/data/console/roles';
import { commentWith, INTRANET, serveIntranet } from './setup';

const SHOTS = 'docs/screenshots';
const PATH = '/nieuws/2026-11-personeelsfeest.html';
const TITLE = 'Personeelsfeest 2026';
/** An anonymous change waits 5–60 s and a quiet time after other sends (see likes-anonymous.test.ts). */
const ANONYMOUS_WAIT_MS = 150_000;
const RUDE = 'Wie dit feest heeft bedacht, snapt er echt helemaal niets van.';

describe('moderation: report, queue, hide, restore, pre-moderation', () => {
  let intranet: Awaited<ReturnType<typeof serveIntranet>>;
  let seeded: SeededEmployee[];
  let pageId: string;
  const commentId = 'c-rude-0001';
  const browsers: ExtensionBrowser[] = [];
  let bram: Page;
  let chantalPanel: Page;
  let console_: Page;
  const anonymousText = `Mag het feest dit jaar ook zonder alcohol? ${Date.now()}`;

  beforeAll(async () => {
    seeded = await seedDemo({ threads: false });
    const url = normalizeUrl(`${INTRANET}${PATH}`, BUILD_ORG_CONFIG.sites[0]!);
    pageId = await pageIdFor(url);
    const daan = seededEmployee(seeded, 'daan');
    const at = new Date(Date.now() - 3_600_000);
    await putDoc(`pages/${pageId}`, { url, title: TITLE, commentCount: 1, likeCount: 0, updatedAt: at });
    await putDoc(
      `pages/${pageId}/comments/${commentId}`,
      namedCommentDoc({ pageId, parentId: null, text: RUDE, author: { uid: daan.uid, displayName: daan.displayName }, at }),
    );
    // Anonymous posts on the rest of the intranet wait for a moderator (through the console's own server code).
    emulatorAdmin();
    process.env.GCLOUD_PROJECT ??= BUILD_ORG_CONFIG.firebase.projectId;
    const [{ db }, { changeRolloutAs }] = await Promise.all([import('../../functions/src/admin'), import('../../functions/src/rollout-store')]);
    await changeRolloutAs(db, { op: 'rest', mode: 'on', features: ALL_FEATURES, premoderation: 'anonymous' }, { uid: null, name: 'test', via: 'command-line' });
    intranet = await serveIntranet();
    mkdirSync(SHOTS, { recursive: true });
  });

  afterAll(async () => {
    for (const eb of browsers) await eb.close();
    await intranet?.close();
  });

  it('Bram reports Daan’s comment as a personal attack, by keyboard; a second report is answered, not sent', async () => {
    const opened = await browserOf('bram', 'nl', PATH);
    browsers.push(opened.eb);
    bram = opened.panel;
    const comment = commentWith(bram, RUDE);
    await comment.waitFor({ timeout: 20_000 });
    // Not on his own comments: only others' have "Melden".
    const report = comment.getByRole('button', { name: /^Meld de reactie/ });
    await tabTo(bram, report);
    await bram.keyboard.press('Enter');
    const dialog = bram.getByRole('dialog', { name: 'Deze reactie melden' });
    await dialog.waitFor();
    // Focus starts in the dialog, on the first reason; Space chooses it.
    const attack = dialog.getByRole('radio', { name: 'persoonlijke aanval' });
    expect(await focused(attack)).toBe(true);
    await bram.keyboard.press('Space');
    expect(await attack.isChecked()).toBe(true);
    await bram.keyboard.press('Tab');
    await bram.keyboard.type('Dit is op de persoon gespeeld.');
    await bram.setViewportSize({ width: 420, height: 760 });
    await bram.screenshot({ path: `${SHOTS}/moderation-report-dialog.png` });
    // Without a connection the dialog says so and keeps what was typed; back online, the same send works.
    const send = dialog.getByRole('button', { name: 'Melding versturen' });
    await tabTo(bram, send);
    await opened.eb.context.setOffline(true);
    await bram.keyboard.press('Enter');
    await dialog.getByText(/^Hiervoor is een verbinding nodig/).waitFor();
    expect(await dialog.getByRole('textbox').inputValue()).toBe('Dit is op de persoon gespeeld.');
    expect(await attack.isChecked()).toBe(true);
    await opened.eb.context.setOffline(false);
    // The SDK may take a moment to see the connection again: send until it lands (each try is answered).
    await expect
      .poll(
        async () => {
          if ((await send.isVisible()) && (await send.isEnabled())) {
            await send.focus();
            await bram.keyboard.press('Enter');
          }
          return dialog.getByText('Bedankt. Een moderator kijkt ernaar.').count();
        },
        { timeout: 60_000, interval: 1000 },
      )
      .toBe(1);
    await tabTo(bram, dialog.getByRole('button', { name: 'Sluiten' }));
    await bram.keyboard.press('Enter');
    await comment.getByText('Je hebt dit gemeld').waitFor();

    const bramUid = seededEmployee(seeded, 'bram').uid;
    expect(await serverDoc(`reports/${pageId}_${commentId}_${bramUid}`)).toMatchObject({
      reason: 'attack',
      text: 'Dit is op de persoon gespeeld.',
      uid: bramUid,
    });

    // Another browser would not know he reported it: asking again is answered from the server, nothing is sent twice.
    await bram.evaluate(() => localStorage.clear());
    await bram.reload();
    await tabTo(bram, commentWith(bram, RUDE).getByRole('button', { name: /^Meld de reactie/ }));
    await bram.keyboard.press('Enter');
    await bram.getByRole('dialog').getByText('Je hebt deze reactie al gemeld. Eén melding per persoon is genoeg.').waitFor({ timeout: 20_000 });
    await bram.keyboard.press('Escape');
    await commentWith(bram, RUDE).getByText('Je hebt dit gemeld').waitFor();
  }, 180_000);

  it('Chantal claims it in the queue and hides it as a personal attack; readers see why; the history says who', async () => {
    const opened = await consoleOf('chantal', 'en', PATH);
    browsers.push(opened.eb);
    chantalPanel = opened.panel;
    console_ = opened.page;
    await console_.setViewportSize({ width: 1200, height: 900 });
    expect(await console_.getByRole('navigation', { name: 'Console sections' }).getByRole('link').allTextContents()).toContain('Moderation');
    await goToSection(console_, 'Moderation');
    const item = console_.locator('article.mod-item', { hasText: RUDE });
    await item.waitFor({ timeout: 30_000 });
    expect(await item.textContent()).toMatch(/Reported once: personal attack × 1/);
    expect(await item.textContent()).toContain('Daan Visser');
    // The reporter is not shown in the queue (the report document is for moderators to look up).
    expect(await item.textContent()).not.toContain('Bram');

    await tabTo(console_, item.getByRole('button', { name: 'Claim' }));
    await console_.keyboard.press('Enter');
    await item.getByText('You are working on this').waitFor({ timeout: 20_000 });
    const reason = item.getByLabel('Reason shown to readers');
    await tabTo(console_, reason);
    expect(await reason.inputValue()).toBe('attack');
    await tabTo(console_, item.getByRole('button', { name: 'Hide' }));
    await console_.keyboard.press('Enter');
    await console_.getByRole('status').filter({ hasText: 'Hidden: readers see the reason instead of the comment.' }).waitFor({ timeout: 20_000 });

    // Readers: Bram in Dutch, Chantal's own panel in English.
    await commentWith(bram, 'Verborgen door moderatie: persoonlijke aanval').waitFor({ timeout: 20_000 });
    expect(await bram.content()).not.toContain(RUDE);
    await bram.screenshot({ path: `${SHOTS}/moderation-hidden-comment.png`, fullPage: true });
    await commentWith(chantalPanel, 'Hidden by moderation: personal attack').waitFor({ timeout: 20_000 });

    // Decided items: the status filter, by keyboard; the history names the decision and its maker.
    const status = console_.getByLabel('Show', { exact: true });
    await tabTo(console_, status, { back: true, max: 200 });
    await console_.keyboard.press('ArrowDown');
    await console_.keyboard.press('ArrowDown');
    expect(await status.inputValue()).toBe('all');
    const decided = console_.locator('article.mod-item', { hasText: RUDE });
    await decided.waitFor({ timeout: 20_000 });
    const summary = decided.locator('summary');
    await tabTo(console_, summary);
    await console_.keyboard.press('Enter');
    await decided.getByText(/Hidden by Chantal Bakker \(personal attack\)/).waitFor();
  }, 150_000);

  it('Restore brings the comment back for every reader', async () => {
    const item = console_.locator('article.mod-item', { hasText: RUDE });
    await tabTo(console_, item.getByRole('button', { name: 'Restore' }));
    await console_.keyboard.press('Enter');
    await console_.getByRole('status').filter({ hasText: 'Restored: the comment is back.' }).waitFor({ timeout: 20_000 });
    await commentWith(bram, RUDE).locator('p.text').waitFor({ timeout: 20_000 });
    await commentWith(chantalPanel, RUDE).locator('p.text').waitFor({ timeout: 20_000 });
  }, 60_000);

  it(
    'an anonymous post waits for a moderator, shown to its author only; the queue says "Anonymous"; approved, others see it',
    async () => {
      // Bram is told beforehand, then posts anonymously.
      await bram.getByText('Anonieme berichten hier worden door een moderator bekeken voordat anderen ze zien.').first().waitFor();
      await bram.getByLabel('Je reactie').fill(anonymousText);
      await bram.getByLabel('Anoniem plaatsen').first().check();
      await bram.getByRole('button', { name: 'Plaatsen' }).click();
      const mine = commentWith(bram, anonymousText);
      await mine.getByText('Wacht op een moderator').waitFor();
      await bram.screenshot({ path: `${SHOTS}/moderation-held-post.png`, fullPage: true });

      // It reaches the queue (after the anonymous send's random wait) as Anonymous, with nothing of Bram.
      const held = console_.locator('article.mod-item', { hasText: anonymousText });
      await held.waitFor({ timeout: ANONYMOUS_WAIT_MS });
      expect(await held.textContent()).toContain('Held for approval');
      expect(await held.locator('.mod-author').textContent()).toBe('Written by Anonymous');
      const bramPerson = seededEmployee(seeded, 'bram');
      const heldId = (await held.getAttribute('data-queue-id'))!;
      const queueDoc = JSON.stringify(await serverDoc(`moderationQueue/${heldId}`));
      for (const trace of [bramPerson.uid, bramPerson.displayName, bramPerson.email]) {
        expect(queueDoc).not.toContain(trace);
        expect(await held.textContent()).not.toContain(trace);
      }
      // Nobody else sees it before it is approved.
      expect(await commentWith(chantalPanel, anonymousText).count()).toBe(0);

      // Another moderator (Rachida, the administrator) claims it: Chantal's queue says so at once, and
      // offers no decision on it meanwhile; the history of the earlier item is there too.
      const rachida = await signedInClient(demoEmployee('rachida').email, DEMO_PASSWORD);
      try {
        const asRachida = moderationApi(consoleFunctions(rachida.app, BUILD_ORG_CONFIG.firebase));
        expect((await asRachida.moderate({ queueId: heldId, action: 'claim' })).ok).toBe(true);
        await held.getByText('Rachida Bouzid is working on this').waitFor({ timeout: 20_000 });
        expect(await held.getByRole('button', { name: 'Approve' }).isDisabled()).toBe(true);
        await console_.screenshot({ path: `${SHOTS}/moderation-queue.png`, fullPage: true });
        expect((await asRachida.moderate({ queueId: heldId, action: 'release' })).ok).toBe(true);
      } finally {
        await rachida.close();
      }
      await held.getByRole('button', { name: 'Claim' }).waitFor({ timeout: 20_000 });

      await tabTo(console_, held.getByRole('button', { name: 'Approve' }));
      await console_.keyboard.press('Enter');
      await console_.getByRole('status').filter({ hasText: 'Approved: the post is now in the thread.' }).waitFor({ timeout: 20_000 });
      const seen = commentWith(chantalPanel, anonymousText);
      await seen.waitFor({ timeout: 20_000 });
      expect(await seen.locator('.author').textContent()).toBe('Anonymous');
      await expect.poll(() => mine.getByText('Wacht op een moderator').count(), { timeout: 20_000 }).toBe(0);
    },
    ANONYMOUS_WAIT_MS + 90_000,
  );
});
