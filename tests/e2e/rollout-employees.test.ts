// Rollout as employees live it, in Chromium with the built extension against the emulators. The
// organisation starts small: the rest of the intranet off. Two colleagues have the HR page open
// and are signed in: no launcher for either. In the comms console, by keyboard, the comms advisor
// makes a pilot group for the HR department and switches /hr/ on for it. Without a reload, the HR
// colleague's launcher appears and their panel offers the composer; the ICT colleague still has
// none, and their panel says Prikbord is not on for them here. Comms then lets others read along:
// the ICT colleague's launcher appears and the thread shows, without a composer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeRolloutAs } from '../../functions/src/rollout-store';
import { ALL_FEATURES } from '../../lib/core/rollout';
import type { SectionInput } from '../../lib/core/rollout-edit';
import { seedDemo } from '../../scripts/seed';
import { db } from '../../functions/src/admin';
import { employeeBrowser, serveIntranet, type Employee } from './setup';
import { addPilotGroupByKeyboard, consoleOf, fillSectionByKeyboard, goToSection } from '../helpers/console-keyboard';
import type { ExtensionBrowser } from '../../scripts/chromium';

const PATH = '/hr/verlofregeling.html';
const COMMS = { uid: null, name: 'e2e', via: 'command-line' as const };
const launchers = (e: Employee) => e.tab.locator('prikbord-launcher').count();

describe('a pilot for HR, from the console to two colleagues', () => {
  let intranet: Awaited<ReturnType<typeof serveIntranet>>;
  let gerda: Employee; // Bedrijfsvoering > HR
  let daan: Employee; // Bedrijfsvoering > ICT > Netwerk en infrastructuur
  let anna: ExtensionBrowser | undefined;

  beforeAll(async () => {
    await seedDemo();
    // Starting small: nothing on outside the sections comms chooses.
    await changeRolloutAs(db, { op: 'rest', mode: 'off', features: ALL_FEATURES }, COMMS);
    intranet = await serveIntranet();
    gerda = await employeeBrowser('gerda', PATH, 'nl');
    daan = await employeeBrowser('daan', PATH, 'en');
  });

  afterAll(async () => {
    await anna?.close();
    await gerda?.eb.close();
    await daan?.eb.close();
    await intranet?.close();
  });

  it('before the pilot, neither colleague has a launcher on the HR page (only the sign-in showed it)', async () => {
    await expect.poll(() => launchers(gerda), { timeout: 15_000 }).toBe(0);
    await expect.poll(() => launchers(daan), { timeout: 15_000 }).toBe(0);
    await daan.panel.getByText('Prikbord is not switched on for you on this page (yet).', { exact: false }).waitFor({ timeout: 15_000 });
  });

  it("comms switches /hr/ on for the HR pilot group in the console: the HR colleague's launcher appears, live; the ICT colleague's does not", async () => {
    const opened = await consoleOf('anna', 'en');
    anna = opened.eb;
    const page = opened.page;
    await goToSection(page, 'Pilot groups');
    expect(await addPilotGroupByKeyboard(page, 'HR-pilot', 'HR', /Bedrijfsvoering › HR\b/)).toMatch(/^Saved: pilot group HR-pilot added/);
    await goToSection(page, 'Sections');
    expect(await fillSectionByKeyboard(page, 'HR', '/hr/', 'HR-pilot')).toMatch(/^Saved/);

    await expect.poll(() => launchers(gerda), { timeout: 15_000 }).toBe(1);
    await gerda.panel.getByLabel('Je reactie', { exact: true }).waitFor({ timeout: 15_000 });
    expect(await launchers(daan)).toBe(0);
    await daan.panel.screenshot({ path: 'test-results/rollout-panel-off.png' });
  });

  it("others may read along: the ICT colleague's launcher appears, the thread shows without a composer", async () => {
    const stored = (await db.doc('config/rollout').get()).get('sections.HR') as SectionInput;
    await changeRolloutAs(db, { op: 'section', id: 'HR', section: { ...stored, othersSee: 'read' } }, COMMS);
    await expect.poll(() => launchers(daan), { timeout: 15_000 }).toBe(1);
    await daan.panel.getByText('You can read the discussion on this page', { exact: false }).waitFor({ timeout: 15_000 });
    expect(await daan.panel.getByLabel('Your comment', { exact: true }).count()).toBe(0);
    // The seeded thread is there to read.
    await expect.poll(() => daan.panel.locator('article.comment').count()).toBeGreaterThan(0);
    await daan.panel.screenshot({ path: 'test-results/rollout-panel-read.png' });
  });
});
