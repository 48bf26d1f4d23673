// Expert lookup in the built extension: on the IT-help page the panel suggests the seeded
// VPN expert with a reason; "vpn", "VPN-verbinding" and "vpm" find him; after he opts out through
// his own profile form he is gone from both, but stays in the directory. One browser for the file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../scripts/seed';
import { demoEmployee } from '../helpers/fixtures';
import { employeeBrowser, serveIntranet, type Employee } from './setup';

const EXPERT = demoEmployee('daan').displayName;

describe('who knows about VPN?', () => {
  let intranet: Awaited<ReturnType<typeof serveIntranet>>;
  let daan: Employee;

  beforeAll(async () => {
    await seedDemo();
    intranet = await serveIntranet();
    daan = await employeeBrowser('daan', '/ict/helpdesk.html', 'en');
    await daan.panel.getByRole('button', { name: 'People' }).click();
  });

  afterAll(async () => {
    await daan?.eb.close();
    await intranet?.close();
  });

  const suggestions = () => daan.panel.locator('.page-experts .expert');
  const search = async (query: string) => {
    await daan.panel.getByLabel(/Topic, in Dutch or English/).fill(query);
    await daan.panel.getByRole('button', { name: 'Search', exact: true }).click();
  };
  const results = () => daan.panel.locator('.expert-search .expert');

  it('suggests the VPN expert for the IT-help page, with a reason', async () => {
    const first = suggestions().first();
    await expect.poll(() => first.locator('.person-name').textContent(), { timeout: 20_000 }).toBe(EXPERT);
    // Profiles, evidence and the page's thread (whose words match the declared skills) sync
    // separately: wait until all three have arrived.
    await expect.poll(() => first.locator('.reasons').textContent(), { timeout: 20_000 }).toMatch(/^(?=.*declared: VPN)(?=.*helped on this page)(?=.*7 likes)/);
  });

  it.each(['vpn', 'VPN-verbinding', 'vpm'])('finds the VPN expert for "%s"', async (query) => {
    await search(query);
    await expect.poll(() => results().first().locator('.person-name').textContent()).toBe(EXPERT);
    expect(await results().first().locator('.reasons').textContent()).toMatch(/declared: VPN/);
  });

  it('says so when nobody matches, and offers the directory', async () => {
    await search('kernfusie');
    await daan.panel.getByText('Nobody found for “kernfusie”').waitFor();
    await daan.panel.getByRole('button', { name: 'Open the directory' }).click();
    await daan.panel.locator('.directory details').first().waitFor();
  });

  it('after opting out in his profile he is in neither the suggestions nor the search, but stays in the directory', async () => {
    await daan.panel.getByRole('button', { name: 'My profile' }).click();
    await daan.panel.getByLabel('Don’t suggest me as an expert').check();
    await daan.panel.getByRole('button', { name: 'Save profile' }).click();
    await daan.panel.getByText('Profile saved.').waitFor();
    await daan.panel.getByRole('button', { name: 'People' }).click();
    await expect.poll(() => suggestions().locator('.person-name').allTextContents()).not.toContain(EXPERT);
    for (const query of ['vpn', 'VPN-verbinding', 'vpm']) {
      await search(query);
      await expect.poll(() => results().locator('.person-name').allTextContents()).not.toContain(EXPERT);
    }
    await daan.panel.getByRole('button', { name: /Directory/ }).click();
    for (const name of ['Bedrijfsvoering', 'ICT', 'Netwerk en infrastructuur']) await daan.panel.locator('summary', { hasText: name }).first().click();
    await daan.panel.locator('.directory .person-name', { hasText: EXPERT }).waitFor();
  });

  it('completes an @mention in the composer from the directory, by keyboard', async () => {
    await daan.panel.getByRole('button', { name: 'Discussion' }).click();
    const box = daan.panel.getByRole('combobox', { name: 'Your comment' });
    await box.fill('');
    await box.pressSequentially('Vraag het @ev');
    const listbox = daan.panel.getByRole('listbox', { name: 'People to mention' });
    await listbox.getByRole('option', { name: 'Eva Smit' }).waitFor();
    expect(await box.getAttribute('aria-activedescendant')).toBeTruthy();
    await box.press('Enter');
    await expect.poll(() => box.inputValue()).toBe('Vraag het @Eva Smit ');
    expect(await listbox.isHidden()).toBe(true);
    await box.pressSequentially('@xyzq');
    await box.press('Escape');
    expect(await box.inputValue()).toBe('Vraag het @Eva Smit @xyzq');
  });
});
