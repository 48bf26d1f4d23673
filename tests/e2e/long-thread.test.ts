// A long thread in the real panel: it opens with the oldest and newest threads and a "show more"
// button, the button works from the keyboard and moves focus to what it revealed, and a comment
// posted meanwhile shows at once. (How fast is the bench's business: npm run bench thread-panel.)
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../scripts/seed';
import { seedThread, type SeededThread } from '../../scripts/bench/thread-seed';
import { CHUNK, HEAD, TAIL } from '../../lib/core/thread-window';
import { commentWith, employeeBrowser, serveIntranet, type Employee } from './setup';

const PATH = '/en/welcome.html';
const ROOT = join(import.meta.dirname, '../..');

describe('a thread of 100 comments', () => {
  let intranet: Awaited<ReturnType<typeof serveIntranet>>;
  let anna: Employee;
  let thread: SeededThread;

  beforeAll(async () => {
    const staff = await seedDemo({ threads: false });
    thread = await seedThread(ROOT, PATH, 100, staff.filter((e) => e.key !== 'anna').slice(0, 5));
    intranet = await serveIntranet();
    anna = await employeeBrowser('anna', PATH, 'en');
  });

  afterAll(async () => {
    await anna?.eb.close();
    await intranet?.close();
  });

  const threads = () => anna.panel.locator('ol.thread > li[data-thread]');

  it('opens with the oldest and newest threads, and says how many are not shown', async () => {
    await anna.panel.locator('.count', { hasText: '100 comments' }).waitFor({ timeout: 20_000 });
    await expect.poll(() => threads().count()).toBe(HEAD + TAIL);
    const hidden = thread.topLevel.length - HEAD - TAIL;
    expect(await anna.panel.locator('li.more').textContent()).toContain(`not shown yet`);
    expect(hidden).toBeGreaterThan(CHUNK);
    expect(await threads().first().getAttribute('data-thread')).toBe(thread.topLevel[0]);
    expect(await threads().last().getAttribute('data-thread')).toBe(thread.topLevel.at(-1));
  });

  it('"show more" works from the keyboard and puts focus on the first comment it revealed', async () => {
    const more = anna.panel.locator('li.more button');
    await more.focus();
    await anna.panel.keyboard.press('Enter');
    await expect.poll(() => threads().count()).toBe(HEAD + CHUNK + TAIL);
    await expect.poll(() => anna.panel.evaluate(() => document.activeElement?.getAttribute('data-thread'))).toBe(thread.topLevel[HEAD]);
  });

  it('a comment posted now shows at once, at the end', async () => {
    const text = `Nieuwe vraag ${Date.now()}`;
    await anna.panel.locator('#new-comment-text').fill(text);
    await anna.panel.locator('form:has(#new-comment-text) button[type=submit]').click();
    await commentWith(anna.panel, text).waitFor();
    expect(await threads().last().textContent()).toContain(text);
  });
});
