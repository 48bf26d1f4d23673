// Accessibility of the real side panel and console (built extension, seeded emulators):
// 1. axe-core's WCAG 2.1 A/AA rules on every view in tests/e2e/views.ts (signed out, the thread
//    empty, long, with an announcement and with one's own pending post, people, a person's card,
//    profile, timeline, open questions, every console section, "not for you"), in light and in dark:
//    zero violations. The same walk checks that the panel reflows at 200 % zoom (no sideways scroll).
// 2. Keyboard only: posting, replying, liking and finding a colleague in the panel.
// 3. Structure a screen-reader user navigates by: one main landmark, the page's h1, the thread's h2,
//    each comment an <article> named by its h3 heading (replies h4).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, formatViolations } from '../helpers/axe';
import { focused, tabTo } from '../helpers/keyboard';
import { commentWith, employeeBrowser, serveIntranet, type Employee } from './setup';
import { PANEL_VIEWPORT, seedViews, THEMES, VIEWS, walkViews } from './views';

/** Whether the page scrolls sideways: its content is wider than its window. */
const overflowsSideways = (page: Page) =>
  page.evaluate(() => {
    const root = document.documentElement;
    if (root.scrollWidth <= root.clientWidth) return null;
    // Name the widest culprits, to fix them rather than guess.
    const wide = [...document.querySelectorAll<HTMLElement>('body *')]
      .filter((el) => el.getBoundingClientRect().right > root.clientWidth + 1)
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} (${Math.round(el.getBoundingClientRect().right)} px)`);
    return `${root.scrollWidth} px wide in a ${root.clientWidth} px window: ${wide.join(', ')}`;
  });

describe('accessibility', () => {
  let intranet: Awaited<ReturnType<typeof serveIntranet>>;

  beforeAll(async () => {
    await seedViews();
    intranet = await serveIntranet();
  }, 600_000);

  afterAll(async () => {
    await intranet?.close();
  });

  it('every view has no WCAG 2.1 AA violation in light and dark, and the panel reflows at 200 % zoom', async () => {
    const problems: string[] = [];
    const seen: string[] = [];
    await walkViews('en', async (view, page) => {
      seen.push(view.id);
      for (const theme of THEMES) {
        await page.emulateMedia({ colorScheme: theme });
        const violations = await axeViolations(page);
        if (violations.length > 0) problems.push(`${view.id}, ${theme}:\n${formatViolations(violations)}`);
      }
      await page.emulateMedia({ colorScheme: null });
      if (view.app === 'panel') {
        // The panel's default width at 200 % zoom: half as many CSS pixels.
        await page.setViewportSize({ width: PANEL_VIEWPORT.width / 2, height: PANEL_VIEWPORT.height });
        const overflow = await overflowsSideways(page);
        if (overflow) problems.push(`${view.id} at 200 % zoom: ${overflow}`);
        await page.setViewportSize(PANEL_VIEWPORT);
      }
    });
    expect(seen).toEqual(VIEWS.map((v) => v.id));
    expect(problems.join('\n\n')).toBe('');
  }, 900_000);

  describe('by keyboard only, and by headings', () => {
    let bram: Employee;
    const question = `Does anyone know if the helpdesk is open on Boxing Day? ${Date.now()}`;
    const answer = `Only by phone, I asked last year. ${Date.now()}`;

    beforeAll(async () => {
      bram = await employeeBrowser('bram', '/ict/helpdesk.html', 'en');
      await bram.panel.setViewportSize(PANEL_VIEWPORT);
      await bram.panel.bringToFront();
      await bram.panel.locator('#page-title', { hasText: 'ICT-helpdesk' }).waitFor({ timeout: 20_000 });
    });

    afterAll(async () => {
      await bram?.eb.close();
    });

    it('posts a comment', async () => {
      const { panel } = bram;
      await tabTo(panel, panel.getByLabel('Your comment', { exact: true }));
      await panel.keyboard.type(question);
      await tabTo(panel, panel.getByRole('button', { name: 'Post', exact: true }));
      await panel.keyboard.press('Enter');
      await commentWith(panel, question).waitFor();
    });

    it('replies to it', async () => {
      const { panel } = bram;
      const reply = commentWith(panel, question).getByRole('button', { name: /^Reply to / });
      await tabTo(panel, reply, { max: 200 });
      await panel.keyboard.press('Enter');
      // The reply box takes the focus at once.
      const box = panel.getByLabel(/^Your reply to /);
      await expect.poll(() => focused(box)).toBe(true);
      await panel.keyboard.type(answer);
      await tabTo(panel, panel.getByRole('button', { name: 'Reply', exact: true }));
      await panel.keyboard.press('Enter');
      await panel.locator('.replies article.comment', { hasText: answer }).waitFor();
    });

    it('likes a colleague’s answer', async () => {
      const { panel } = bram;
      const like = commentWith(panel, 'LindeConnect').getByRole('button', { name: /^Like the comment by Daan/ });
      expect(await like.getAttribute('aria-pressed')).toBe('false');
      await tabTo(panel, like, { back: true, max: 200 });
      await panel.keyboard.press('Space');
      await expect.poll(() => like.getAttribute('aria-pressed')).toBe('true');
    });

    it('finds a colleague who knows about VPN, opens and closes their card', async () => {
      const { panel } = bram;
      await tabTo(panel, panel.getByRole('button', { name: 'People', exact: true }), { back: true, max: 200 });
      await panel.keyboard.press('Enter');
      await tabTo(panel, panel.getByRole('searchbox'));
      await panel.keyboard.type('vpn');
      await panel.keyboard.press('Enter');
      const first = panel.locator('.expert-search .person-name').first();
      await first.waitFor({ timeout: 20_000 });
      const name = (await first.textContent()) ?? '';
      await tabTo(panel, first);
      await panel.keyboard.press('Enter');
      const card = panel.getByRole('dialog', { name });
      await card.waitFor();
      // The card's close button has the focus: Enter closes it.
      await expect.poll(() => focused(card.getByRole('button', { name: 'Close' }))).toBe(true);
      await panel.keyboard.press('Enter');
      await card.waitFor({ state: 'detached' });
    });

    it('gives screen readers one main landmark and a heading per comment, inside its article', async () => {
      const { panel } = bram;
      await panel.getByRole('button', { name: 'Discussion', exact: true }).click();
      await commentWith(panel, 'LindeConnect').waitFor();
      expect(await panel.getByRole('main').count()).toBe(1);
      expect(await panel.getByRole('heading', { level: 1 }).allTextContents()).toEqual(['ICT-helpdesk']);
      expect(await panel.getByRole('heading', { level: 2, name: 'Discussion' }).count()).toBe(1);
      const structure = await panel.locator('article.comment:not(.deleted)').evaluateAll((articles) =>
        articles.map((a) => {
          const heading = document.getElementById(a.getAttribute('aria-labelledby') ?? '');
          return { inside: !!heading && a.contains(heading), level: heading?.tagName, reply: !!a.closest('.replies'), name: heading?.textContent ?? '' };
        }),
      );
      expect(structure.length).toBeGreaterThanOrEqual(4);
      for (const s of structure) {
        expect(s.inside).toBe(true);
        expect(s.level).toBe(s.reply ? 'H4' : 'H3');
        expect(s.name).not.toBe('');
      }
      // The comment headings are what a screen reader lists: the authors, in order.
      const names = await panel.getByRole('heading', { level: 3 }).allTextContents();
      expect(names).toContain('Jeroen van Dijk');
    });
  });
});
