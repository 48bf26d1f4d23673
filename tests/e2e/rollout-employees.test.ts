// Rollout as employees live it, in Chromium with the built extension against the emulators: two
// colleagues have the HR page open and signed in; comms makes HR's pages a pilot for the HR
// department (through the server code the console's function runs). Without a reload, the HR
// colleague keeps the launcher and the composer; the ICT colleague's launcher goes and their
// panel says Prikbord is not on for them here. Comms then lets others read along: the ICT
// colleague's launcher comes back and the thread shows, without a composer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeRolloutAs } from '../../functions/src/rollout-store';
import { ALL_FEATURES } from '../../lib/core/rollout';
import type { RolloutEdit, SectionInput } from '../../lib/core/rollout-edit';
import { seedDemo } from '../../scripts/seed';
import { db } from '../../functions/src/admin';
import { employeeBrowser, INTRANET, serveIntranet, type Employee } from './setup';

const PATH = '/hr/verlofregeling.html';
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const COMMS = { uid: null, name: 'e2e', via: 'command-line' as const };
const launchers = (e: Employee) => e.tab.locator('prikbord-launcher').count();

const hrSection = (othersSee: 'off' | 'read'): SectionInput => ({
  name: 'HR',
  kind: 'section',
  prefixes: [`${INTRANET}/hr/`],
  pages: [],
  mode: 'on',
  features: ALL_FEATURES,
  pilotGroups: ['g-HR-pilot'],
  othersSee,
});

describe('a pilot for HR, as two colleagues see it', () => {
  let intranet: Awaited<ReturnType<typeof serveIntranet>>;
  let gerda: Employee; // Bedrijfsvoering > HR
  let daan: Employee; // Bedrijfsvoering > ICT > Netwerk en infrastructuur

  beforeAll(async () => {
    await seedDemo();
    intranet = await serveIntranet();
    gerda = await employeeBrowser('gerda', PATH, 'nl');
    daan = await employeeBrowser('daan', PATH, 'en');
  });

  afterAll(async () => {
    await gerda?.eb.close();
    await daan?.eb.close();
    await intranet?.close();
  });

  it('before any rollout, both have the launcher and a composer', async () => {
    expect(await launchers(gerda)).toBe(1);
    expect(await launchers(daan)).toBe(1);
    await gerda.panel.getByLabel('Je reactie', { exact: true }).waitFor();
    await daan.panel.getByLabel('Your comment', { exact: true }).waitFor();
  });

  it("comms starts the pilot: the HR colleague keeps it, the ICT colleague's launcher goes, live", async () => {
    const edits: RolloutEdit[] = [
      {
        op: 'group',
        id: null,
        group: {
          name: 'HR-pilot',
          members: { people: [], departments: ['Bedrijfsvoering > HR'] },
          from: day(-1),
          until: day(30),
          control: null,
          ambassadors: [],
        },
      },
      { op: 'section', id: null, section: hrSection('off') },
    ];
    for (const edit of edits) await changeRolloutAs(db, edit, COMMS);
    await expect.poll(() => launchers(daan), { timeout: 15_000 }).toBe(0);
    await daan.panel.getByText('Prikbord is not switched on for you on this page (yet).', { exact: false }).waitFor({ timeout: 15_000 });
    expect(await launchers(gerda)).toBe(1);
    await gerda.panel.getByLabel('Je reactie', { exact: true }).waitFor();
    await daan.panel.screenshot({ path: 'test-results/rollout-panel-off.png' });
  });

  it("others may read along: the ICT colleague's launcher comes back, the thread shows without a composer", async () => {
    await changeRolloutAs(db, { op: 'section', id: 'HR', section: hrSection('read') }, COMMS);
    await expect.poll(() => launchers(daan), { timeout: 15_000 }).toBe(1);
    await daan.panel.getByText('You can read the discussion on this page', { exact: false }).waitFor({ timeout: 15_000 });
    expect(await daan.panel.getByLabel('Your comment', { exact: true }).count()).toBe(0);
    // The seeded thread is there to read.
    await expect.poll(() => daan.panel.locator('article.comment').count()).toBeGreaterThan(0);
    await daan.panel.screenshot({ path: 'test-results/rollout-panel-read.png' });
  });
});
