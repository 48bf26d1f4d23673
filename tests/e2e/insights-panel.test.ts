// Insights as employees meet them in the side panel, in Chromium with the built extension against
// the emulators. An employee opens a page's discussion: the panel records that reading once, and
// "What Prikbord records about you" in their profile lists it — and lets them switch it off. A
// community manager of ICT finds the ICT question nobody answered yet in "Open questions", as the
// server's rollup published it, and not HR's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../functions/src/admin';
import { rollupDays } from '../../functions/src/insights/rollup';
import { pageIdFor } from '../../lib/any/page-identity';
import { dayOf } from '../../lib/core/insights/plan';
import { paths } from '../../lib/core/paths';
import { seedDemo, type SeededEmployee } from '../../scripts/seed';
import { seededEmployee } from '../helpers/fixtures';
import { employeeBrowser, INTRANET, serveIntranet, type Employee } from './setup';

const SHOTS = 'docs/screenshots';
const ICT_QUESTION = 'Weet iemand waarom de VPN vanochtend steeds wegviel?';
const HR_QUESTION = 'Hoeveel verlofuren mag ik meenemen naar volgend jaar?';

async function question(staff: SeededEmployee[], key: string, path: string, id: string, text: string) {
  const url = `${INTRANET}${path}`;
  const pageId = await pageIdFor(url);
  const author = seededEmployee(staff, key);
  const now = new Date();
  const page = await db.doc(paths.page(pageId)).get();
  await db.doc(paths.comment(pageId, id)).create({
    pageId,
    parentId: null,
    text,
    authorUid: author.uid,
    authorName: author.displayName,
    createdAt: now,
    updatedAt: now,
    editedAt: null,
    deleted: false,
    likeCount: 0,
  });
  await db.doc(paths.page(pageId)).set(
    {
      url,
      title: page.get('title') ?? '',
      commentCount: Number(page.get('commentCount') ?? 0) + 1,
      likeCount: Number(page.get('likeCount') ?? 0),
      updatedAt: now,
    },
    { merge: true },
  );
}

describe('insights in the side panel', () => {
  let intranet: Awaited<ReturnType<typeof serveIntranet>>;
  let daan: Employee | undefined;
  let eva: Employee | undefined;

  beforeAll(async () => {
    const staff = await seedDemo({ pilot: true });
    await question(staff, 'otto', '/ict/helpdesk.html', 'q000000000000000ict1', ICT_QUESTION);
    await question(staff, 'umar', '/hr/verlofregeling.html', 'q0000000000000000hr1', HR_QUESTION);
    const today = dayOf(Date.now());
    await rollupDays(db, today, today);
    intranet = await serveIntranet();
  });

  afterAll(async () => {
    await daan?.eb.close();
    await eva?.eb.close();
    await intranet?.close();
  });

  it('records that an employee opened a discussion, and shows it to that employee alone', async () => {
    daan = await employeeBrowser('daan', '/ict/helpdesk.html', 'en');
    const { panel } = daan;
    await panel.getByRole('heading', { name: 'ICT-helpdesk' }).first().waitFor({ timeout: 20_000 });
    await panel.getByRole('button', { name: 'My profile' }).click();
    await panel.getByRole('heading', { name: 'What Prikbord records about you' }).waitFor();
    const count = panel.getByLabel('Count my reading in the figures (in this browser)');
    expect(await count.isChecked()).toBe(true);
    // The event is written once the panel showed the thread; the list reads it back from the server.
    await expect
      .poll(
        async () => {
          await panel.getByRole('button', { name: 'Show what is recorded about me' }).click();
          return panel
            .getByRole('list', { name: 'Your recorded readings' })
            .textContent({ timeout: 2_000 })
            .catch(() => '');
        },
        { timeout: 20_000 },
      )
      .toContain('ICT-helpdesk');
    await panel.getByRole('heading', { name: 'What Prikbord records about you' }).scrollIntoViewIfNeeded();
    await panel.screenshot({ path: `${SHOTS}/panel-my-record.png`, fullPage: true });
    await count.uncheck();
    expect(await count.isChecked()).toBe(false);
  });

  it("shows a community manager the open questions of their own section, not another's", async () => {
    eva = await employeeBrowser('eva', '/ict/helpdesk.html', 'nl');
    const { panel } = eva;
    await panel.getByRole('button', { name: 'Open vragen' }).click();
    await panel.getByRole('heading', { name: 'Sectie ICT' }).waitFor({ timeout: 20_000 });
    await panel.getByText(ICT_QUESTION).waitFor({ timeout: 20_000 });
    expect(await panel.getByText(HR_QUESTION).count()).toBe(0);
    await panel.screenshot({ path: `${SHOTS}/panel-open-questions.png`, fullPage: true });
  });

  it('offers no open questions to an employee who looks after no section', async () => {
    expect(await daan!.panel.getByRole('button', { name: 'Open questions' }).count()).toBe(0);
  });
});
