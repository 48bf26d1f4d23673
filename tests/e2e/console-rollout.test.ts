// Rolling Prikbord out from the comms console, in the built extension, by keyboard only: the demo's
// comms advisor (Anna) finds both views empty and told what to do first, makes the pilot group
// "HR-pilot" for Bedrijfsvoering > HR (dates around today), then the section "HR" for /hr/, on, only
// for that group, others see nothing. A first try with an address Prikbord has never seen is
// refused with the translated message and the form keeps what she typed. The server's document
// holds exactly that, the preview says what HR gets, and the audit log lists both changes.
// The console steps are exported from tests/helpers/console-keyboard.ts for the employee side.
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionBrowser } from '../../scripts/chromium';
import { putDoc, seedDemo } from '../../scripts/seed';
import { BUILD_ORG_CONFIG } from '../../lib/any/bundled-org-config';
import { normalizeUrl, pageIdFor } from '../../lib/any/page-identity';
import { serverDoc } from '../helpers/emulator-admin';
import { addPilotGroupByKeyboard, consoleOf, fillSectionByKeyboard, focused, goToSection, retypeAddressesAndSave, tabTo } from '../helpers/console-keyboard';
import { INTRANET, serveIntranet } from './setup';

const SHOTS = 'docs/screenshots';

/** A page Prikbord has seen under /hr/ (the server refuses a section whose address matches no page seen). */
async function seeHrPage(): Promise<void> {
  const url = normalizeUrl(`${INTRANET}/hr/verlofregeling.html`, BUILD_ORG_CONFIG.sites[0]!);
  await putDoc(`pages/${await pageIdFor(url)}`, { url, title: 'Verlofregeling', commentCount: 3, likeCount: 2, updatedAt: new Date() });
}

describe('rollout in the comms console', () => {
  let intranet: Awaited<ReturnType<typeof serveIntranet>>;
  let eb: ExtensionBrowser | undefined;

  beforeAll(async () => {
    await seedDemo({ threads: false });
    await seeHrPage();
    intranet = await serveIntranet();
  });

  afterAll(async () => {
    await eb?.close();
    await intranet?.close();
  });

  it('the comms advisor makes a pilot group for HR and switches /hr/ on for it, by keyboard only', async () => {
    const opened = await consoleOf('anna', 'en');
    eb = opened.eb;
    const page = opened.page;
    await page.setViewportSize({ width: 1200, height: 900 });
    mkdirSync(SHOTS, { recursive: true });
    expect(await page.getByRole('navigation', { name: 'Console sections' }).getByRole('link').allTextContents()).toEqual([
      'Roles',
      'Sections',
      'Pilot groups',
      'Pages',
      'Insights',
      'Audit log',
    ]);
    await page.getByText(/Searches the 41 people in the directory/).waitFor({ timeout: 20_000 });

    // Both views start empty and say what to do first.
    await goToSection(page, 'Sections');
    await page.getByRole('heading', { level: 3, name: 'Choose a first pilot section' }).waitFor({ timeout: 20_000 });
    await page.screenshot({ path: `${SHOTS}/console-sections-empty.png`, fullPage: true });
    await goToSection(page, 'Pilot groups');
    await page.getByRole('heading', { level: 3, name: 'Make a first pilot group' }).waitFor();
    await page.screenshot({ path: `${SHOTS}/console-groups-empty.png`, fullPage: true });

    // The pilot group: HR (and below), today for eight weeks.
    const added = await addPilotGroupByKeyboard(page, 'HR-pilot', 'HR', /Bedrijfsvoering › HR\b/);
    expect(added).toMatch(/^Saved: pilot group HR-pilot added \(\d+ people\)\.$/);
    const card = page.locator('.section-card', { hasText: 'HR-pilot' });
    await card.waitFor();
    expect(await card.textContent()).toContain('Running');

    // The section: a first address Prikbord has never seen is refused, translated, the form kept.
    await goToSection(page, 'Sections');
    const refused = await fillSectionByKeyboard(page, 'HR', '/nergens/', 'HR-pilot');
    expect(refused).toBe('No page Prikbord has seen is at /nergens/. Check the address, or open such a page once first. Nothing was changed.');
    expect(await page.getByLabel('Name', { exact: true }).inputValue()).toBe('HR');
    expect(await page.getByRole('checkbox', { name: /^HR-pilot/ }).isChecked()).toBe(true);
    expect(await page.getByRole('radio', { name: 'Only pilot groups' }).isChecked()).toBe(true);
    expect(await serverDoc('config/rollout').then((d) => Object.keys((d?.sections as object | undefined) ?? {}))).toEqual([]);

    // Search over the pages seen, from the form (Enter searches, it does not save).
    await tabTo(page, page.getByLabel(/^Find pages Prikbord has seen/), { back: true });
    await page.keyboard.type('verlof');
    await page.keyboard.press('Enter');
    await page.locator('.found-pages', { hasText: 'Verlofregeling' }).getByRole('button', { name: 'Add everything under /hr/' }).waitFor();

    const saved = await retypeAddressesAndSave(page, '/hr/');
    expect(saved).toBe('Saved: section HR added. It takes effect within a few minutes.');
    const section = page.locator('.section-card', { hasText: 'HR' });
    await section.getByText('Only pilot groups: HR-pilot. Others see nothing.').waitFor();
    await section.getByText('Verlofregeling').waitFor();
    // The result has the focus (a screen reader hears it; the keyboard continues from it).
    await expect.poll(() => focused(page.locator('p.change-result[role=status]'))).toBe(true);

    // What the server stored.
    const stored = (await serverDoc('config/rollout'))!;
    const groups = stored.groups as Record<string, Record<string, unknown>>;
    const [groupId] = Object.keys(groups);
    expect(groups[groupId!]).toMatchObject({
      name: 'HR-pilot',
      members: { people: [], departments: ['Bedrijfsvoering > HR'] },
      control: null,
      ambassadors: [],
    });
    expect(stored.sections).toEqual({
      HR: {
        name: 'HR',
        kind: 'section',
        prefixes: [`${INTRANET}/hr/`],
        pages: [],
        mode: 'on',
        features: { comments: true, likes: true, anonymous: true, experts: true },
        pilotGroups: [groupId],
        othersSee: 'off',
      },
    });

    // The preview, for an employee of HR: on, via the pilot group.
    const department = page.getByLabel('Department', { exact: true });
    await tabTo(page, department);
    for (let i = 0; i < 40 && (await department.inputValue()) !== 'Bedrijfsvoering > HR'; i++) await page.keyboard.press('ArrowDown');
    const hrRow = page.locator('table.preview tbody tr', { hasText: 'HR' }).filter({ hasText: 'via pilot group' });
    expect(await hrRow.textContent()).toContain('via pilot group HR-pilot');
    await page.screenshot({ path: `${SHOTS}/console-sections.png`, fullPage: true });

    await goToSection(page, 'Pilot groups');
    await card.getByText('HR', { exact: false }).first().waitFor();
    expect(await card.textContent()).toContain('Used by');
    expect(await card.textContent()).toContain('HR');
    await page.screenshot({ path: `${SHOTS}/console-groups.png`, fullPage: true });

    // The audit log: both changes, newest first.
    await goToSection(page, 'Audit log');
    const rows = page.locator('table.audit tbody tr');
    await expect.poll(() => rows.nth(0).textContent(), { timeout: 20_000 }).toContain('Set section HR');
    expect(await rows.nth(0).textContent()).toContain('Anna de Vries');
    expect(await rows.nth(1).textContent()).toContain('Set pilot group HR-pilot');
  });
});
